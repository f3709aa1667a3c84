package org.milkmobs.application.testing;

import org.milkmobs.application.port.out.events.AddressResolver;

class FixedAddressResolverTest extends AddressResolverContract {

    @Override
    protected AddressResolver resolver() {
        return new FixedAddressResolver();
    }
}
