package org.milkmobs.servicetestfixture.port.in;

/** A use case whose service has a test (see {@code EveryUseCaseHasAServiceTest}). */
public interface TestedUseCase {

    int twice(int value);
}
