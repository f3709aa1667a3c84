package org.milkmobs.servicetestfixture.port.in;

/** A use case whose service no test builds: the rule must report it. */
public interface UntestedUseCase {

    int thrice(int value);
}
