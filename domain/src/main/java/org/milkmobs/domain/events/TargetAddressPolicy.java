package org.milkmobs.domain.events;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Refuses targets (webhooks, the gateway's image URLs) that would let a caller reach inside the network
 * (server-side request forgery): loopback, link-local (the cloud metadata service at 169.254.169.254), private,
 * unique-local, carrier-grade NAT, multicast and unspecified addresses, unless an allow-list range contains the
 * address. Every address a name resolves to must pass.
 *
 * @param allowSetting the configuration key of the allow-list, named in refusals so an operator knows what to set
 */
public record TargetAddressPolicy(List<AddressRange> allowed, String allowSetting) {

    public TargetAddressPolicy {
        allowed = List.copyOf(allowed);
        java.util.Objects.requireNonNull(allowSetting, "allowSetting");
    }

    /** The webhooks' policy. */
    public TargetAddressPolicy(List<AddressRange> allowed) {
        this(allowed, "webhooks.allowed-targets");
    }

    /** Why the addresses are refused, or empty when all may be called. */
    public Optional<String> refusal(String host, List<InetAddress> addresses) {
        if (addresses.isEmpty()) {
            return Optional.of("the host " + host + " resolves to no address");
        }
        for (InetAddress address : addresses) {
            Optional<String> kind = internalKind(address);
            if (kind.isPresent() && allowed.stream().noneMatch(range -> range.contains(address))) {
                return Optional.of("the host " + host + " resolves to " + address.getHostAddress() + ", a " + kind.get()
                        + " address; such targets are refused unless " + allowSetting + " permits them");
            }
        }
        return Optional.empty();
    }

    static Optional<String> internalKind(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return Optional.of("non-unicast");
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address && (bytes[0] & 0xff) == 100 && (bytes[1] & 0xc0) == 64) {
            return Optional.of("shared (carrier-grade NAT)");
        }
        if (address instanceof Inet4Address && (bytes[0] & 0xff) == 0) {
            return Optional.of("non-unicast");
        }
        if (address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc) {
            return Optional.of("unique-local (private)");
        }
        if (address instanceof Inet6Address six && six.isIPv4CompatibleAddress()) {
            return Optional.of("IPv4-compatible");
        }
        return Optional.empty();
    }
}
