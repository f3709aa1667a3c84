package org.milkmobs.adapters.http;

import org.milkmobs.application.port.out.events.AddressResolver;
import org.milkmobs.application.testing.AddressResolverContract;

class DnsAddressResolverTest extends AddressResolverContract {

    @Override
    protected AddressResolver resolver() {
        return new DnsAddressResolver();
    }
}
