package org.milkmobs.archfixture.domain;

/** Breaks the domain rule on purpose: a domain class annotated with JPA. */
@jakarta.persistence.Entity
public class LeakyDomainEntity {
}
