package org.milkmobs.adapters.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.milkmobs.application.port.out.events.AddressResolver;

/** The system resolver (DNS, /etc/hosts); a literal address resolves to itself. */
public final class DnsAddressResolver implements AddressResolver {

    @Override
    public List<InetAddress> resolve(String host) {
        try {
            return List.of(InetAddress.getAllByName(host));
        } catch (UnknownHostException e) {
            return List.of();
        }
    }
}
