package org.milkmobs.servicetestfixture.service;

import org.milkmobs.servicetestfixture.port.in.TestedUseCase;

public class TestedService implements TestedUseCase {

    @Override
    public int twice(int value) {
        return 2 * value;
    }
}
