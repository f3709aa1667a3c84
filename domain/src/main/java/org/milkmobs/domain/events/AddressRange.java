package org.milkmobs.domain.events;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.milkmobs.domain.InvalidValueException;

/** An address range in CIDR notation ({@code 10.0.0.0/8}, {@code 127.0.0.1}, {@code fd00::/8}). */
public record AddressRange(byte[] network, int prefixLength) {

    public AddressRange {
        network = network.clone();
        if (prefixLength < 0 || prefixLength > network.length * 8) {
            throw new InvalidValueException("webhooks.allowed-targets", "prefix length " + prefixLength + " does not fit the address");
        }
    }

    /** Parses a literal address with an optional {@code /prefix}; names are not resolved. */
    public static AddressRange parse(String cidr) {
        String text = cidr.strip();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        if (!address.matches("[0-9a-fA-F:.]+")) {
            throw new InvalidValueException("webhooks.allowed-targets", "'" + cidr + "' is not an address range (e.g. 10.0.0.0/8)");
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            int prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
            return new AddressRange(bytes, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw new InvalidValueException("webhooks.allowed-targets", "'" + cidr + "' is not an address range (e.g. 10.0.0.0/8)");
        }
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (bytes[full] & mask) == (network[full] & mask);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressRange other && other.prefixLength == prefixLength && Arrays.equals(other.network, network);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + prefixLength;
    }

    @Override
    public String toString() {
        return Arrays.toString(network) + "/" + prefixLength;
    }
}
