package org.milkmobs.servicetestfixture.service;

import org.milkmobs.servicetestfixture.port.in.UntestedUseCase;

public class UntestedService implements UntestedUseCase {

    @Override
    public int thrice(int value) {
        return 3 * value;
    }
}
