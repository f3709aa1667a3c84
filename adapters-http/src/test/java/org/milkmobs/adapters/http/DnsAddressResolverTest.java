package org.milkmobs.adapters.http;

import org.milkmobs.application.port.out.webhook.AddressResolver;
import org.milkmobs.application.testing.AddressResolverContract;

class DnsAddressResolverTest extends AddressResolverContract {

    @Override
    protected AddressResolver resolver() {
        return new DnsAddressResolver();
    }
}
