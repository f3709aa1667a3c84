package org.milkmobs.domain.events;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.milkmobs.domain.InvalidValueException;

/**
 * Where an admin wants events sent: a target URL, the event types it wants (none named: all), an active flag, and
 * the secret its requests are signed with. A rotated-out secret stays valid (requests carry both signatures)
 * until its grace period ends.
 */
public record WebhookSubscription(UUID id, URI url, Set<String> eventTypes, boolean active, String description, String secret,
                                  String previousSecret, Instant previousSecretUntil, String createdBy, Instant createdAt,
                                  Instant updatedAt) {

    public static final int MAX_URL_LENGTH = 2000;

    public WebhookSubscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        eventTypes = Set.copyOf(new TreeSet<>(eventTypes));
        Objects.requireNonNull(secret, "secret");
        if ((previousSecret == null) != (previousSecretUntil == null)) {
            throw new IllegalArgumentException("a previous secret needs its expiry, and only it");
        }
    }

    public static WebhookSubscription create(UUID id, URI url, Set<String> eventTypes, boolean active, String description,
                                             String secret, String createdBy, Instant now) {
        return new WebhookSubscription(id, url, eventTypes, active, description, secret, null, null, createdBy, now, now);
    }

    /** Checks an admin's URL: absolute http(s), no user info, at most 2000 characters. */
    public static URI targetUrl(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("url", "url is required");
        }
        if (text.length() > MAX_URL_LENGTH) {
            throw new InvalidValueException("url", "url must be at most " + MAX_URL_LENGTH + " characters");
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isBlank()) {
                throw new InvalidValueException("url", "url must be an absolute http or https URL with a host");
            }
            if (uri.getRawUserInfo() != null) {
                throw new InvalidValueException("url", "url must not carry user info; authenticate by the signature instead");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidValueException("url", "url is not a valid URL: " + e.getReason());
        }
    }

    /** Checks the filter's names against the catalogue. */
    public static Set<String> eventTypes(List<String> names) {
        Set<String> types = new TreeSet<>();
        for (String name : names == null ? List.<String>of() : names) {
            types.add(EventType.fromWireName(name).wireName());
        }
        return types;
    }

    public boolean wants(String type) {
        return active && (eventTypes.isEmpty() || eventTypes.contains(type));
    }

    /** The secrets requests are signed with now: the current one, and the previous one during its grace period. */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && now.isBefore(previousSecretUntil)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }

    public WebhookSubscription rotated(String newSecret, Duration grace, Instant now) {
        return new WebhookSubscription(id, url, eventTypes, active, description, newSecret, secret, now.plus(grace), createdBy, createdAt, now);
    }

    public WebhookSubscription changed(URI newUrl, Set<String> newTypes, boolean newActive, String newDescription, Instant now) {
        return new WebhookSubscription(id, newUrl, newTypes, newActive, newDescription, secret, previousSecret, previousSecretUntil,
                createdBy, createdAt, now);
    }
}
