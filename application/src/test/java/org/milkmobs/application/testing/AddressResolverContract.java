package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.events.AddressResolver;

/** What a resolver promises (no test asks the network: literals and localhost only). */
public abstract class AddressResolverContract {

    protected abstract AddressResolver resolver();

    @Test
    void aLiteralAddressResolvesToItself() {
        assertThat(resolver().resolve("169.254.169.254")).extracting(InetAddress::getHostAddress).containsExactly("169.254.169.254");
        assertThat(resolver().resolve("::1")).allMatch(InetAddress::isLoopbackAddress).hasSize(1);
    }

    @Test
    void localhostResolvesToLoopbackOnly() {
        assertThat(resolver().resolve("localhost")).isNotEmpty().allMatch(InetAddress::isLoopbackAddress);
    }
}
