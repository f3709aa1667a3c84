package org.milkmobs.application.testing;

import org.milkmobs.application.port.out.webhook.AddressResolver;

class FixedAddressResolverTest extends AddressResolverContract {

    @Override
    protected AddressResolver resolver() {
        return new FixedAddressResolver();
    }
}
