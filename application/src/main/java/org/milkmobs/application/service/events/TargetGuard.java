package org.milkmobs.application.service.events;

import java.net.URI;
import java.util.Optional;
import org.milkmobs.application.port.out.events.AddressResolver;
import org.milkmobs.domain.events.TargetAddressPolicy;

/**
 * Checks a webhook target where it really points: the host is resolved and every address must pass the
 * policy. Checked when a subscription is saved and again before every request (DNS may change meanwhile).
 */
public class TargetGuard {

    private final AddressResolver resolver;
    private final TargetAddressPolicy policy;

    public TargetGuard(AddressResolver resolver, TargetAddressPolicy policy) {
        this.resolver = resolver;
        this.policy = policy;
    }

    /** Why the target may not be called, or empty when it may. */
    public Optional<String> refusal(URI target) {
        String host = target.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return policy.refusal(host, resolver.resolve(host));
    }
}
