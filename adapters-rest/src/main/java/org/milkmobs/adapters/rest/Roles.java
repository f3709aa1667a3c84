package org.milkmobs.adapters.rest;

/** The roles a token's {@code groups} claim may grant. */
public final class Roles {

    public static final String ADMIN = "admin";

    private Roles() {
    }
}
