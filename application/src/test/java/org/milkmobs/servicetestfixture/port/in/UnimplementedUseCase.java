package org.milkmobs.servicetestfixture.port.in;

/** A use case with no service at all: the rule must report it too. */
public interface UnimplementedUseCase {

    void nothing();
}
