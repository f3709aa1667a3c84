package org.milkmobs.application.testing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.milkmobs.application.port.out.events.AddressResolver;

/** The resolver's twin: literal addresses resolve to themselves, names as the test says (localhost to loopback). */
public class FixedAddressResolver implements AddressResolver {

    private final Map<String, List<String>> names = new ConcurrentHashMap<>(Map.of("localhost", List.of("127.0.0.1", "::1")));

    public FixedAddressResolver name(String host, String... addresses) {
        names.put(host, List.of(addresses));
        return this;
    }

    @Override
    public List<InetAddress> resolve(String host) {
        List<String> literals = host.matches("[0-9a-fA-F:.]+") && (host.contains(".") || host.contains(":")) ? List.of(host)
                : names.getOrDefault(host, List.of());
        List<InetAddress> addresses = new ArrayList<>();
        for (String literal : literals) {
            try {
                addresses.add(InetAddress.getByName(literal));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(literal, e);
            }
        }
        return addresses;
    }
}
