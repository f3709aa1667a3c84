package org.milkmobs.servicetestfixture.service;

/** Builds {@link UntestedService} but is no test, and no test builds it: the rule must not count it. */
final class UntestedServiceHelper {

    final UntestedService service = new UntestedService();
}
