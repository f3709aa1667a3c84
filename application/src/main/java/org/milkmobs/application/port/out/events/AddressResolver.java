package org.milkmobs.application.port.out.events;

import java.net.InetAddress;
import java.util.List;

/** Resolves a host name to its addresses (DNS), so a target can be checked where it really points. */
@FunctionalInterface
public interface AddressResolver {

    /** The addresses, or an empty list when the name does not resolve. */
    List<InetAddress> resolve(String host);
}
