package org.milkmobs.bootstrap.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.milkmobs.bootstrap.config.Settings;

/**
 * The WAR's one authentication mechanism: it decides which requests the MicroProfile JWT mechanism sees, and how.
 * <ul>
 * <li>{@code /v1} (the OpenAI-compatible gateway) is let through unauthenticated: OpenAI clients send their API key
 * as {@code Authorization: Bearer sk-…}, which the JWT mechanism would refuse as a malformed JWT; the gateway
 * checks the key itself (ADR 0017).</li>
 * <li>Every other request goes to the JWT mechanism, with the authorization scheme written as {@code Bearer}:
 * schemes are case-insensitive (RFC 9110, 11.1), but Payara's mechanism reads only that spelling.</li>
 * <li>A token the JWT mechanism has verified is remembered until it expires ({@link VerifiedTokens},
 * {@code auth.verified-tokens.*}): the next request with it logs its caller in without parsing and checking the
 * signature again, which was most of the cost of a cheap authenticated request (ADR 0029).</li>
 * </ul>
 * As an enabled alternative it is the mechanism the container resolves; the JWT mechanism Payara adds for
 * {@code @LoginConfig} is found once and called as a delegate.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class WebAuthentication implements HttpAuthenticationMechanism {

    private static final String AUTHORIZATION = "Authorization";
    private static final String SCHEME = "Bearer ";

    @Inject
    BeanManager beans;

    @Inject
    Settings settings;

    private volatile Optional<HttpAuthenticationMechanism> delegate;
    private volatile VerifiedTokens<CredentialValidationResult> verified;

    static boolean isGateway(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/v1") || path.startsWith("/v1/");
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        if (isGateway(request)) {
            return context.doNothing();
        }
        Optional<HttpAuthenticationMechanism> jwt = delegate();
        if (jwt.isEmpty()) {
            return context.doNothing();
        }
        HttpServletRequest normalised = withBearerSpelledAsPayaraReadsIt(request);
        if (normalised != request) {
            context.setRequest(normalised);
        }
        String token = bearerToken(normalised);
        if (token == null) {
            return jwt.get().validateRequest(normalised, response, context);
        }
        VerifiedTokens<CredentialValidationResult> tokens = verifiedTokens();
        Optional<CredentialValidationResult> known = tokens.find(token);
        if (known.isPresent()) {
            // what Payara's mechanism does with an identity store's VALID result
            context.getClientSubject().getPrincipals().add(known.get().getCallerPrincipal());
            return context.notifyContainerAboutLogin(known.get());
        }
        AuthenticationStatus status = jwt.get().validateRequest(normalised, response, context);
        if (status == AuthenticationStatus.SUCCESS) {
            verifiedCaller(context).ifPresent(caller -> tokens.remember(token,
                    new CredentialValidationResult((CallerPrincipal) caller, new HashSet<>(caller.getGroups())),
                    Instant.ofEpochSecond(caller.getExpirationTime())));
        }
        return status;
    }

    /** The token as Payara's mechanism reads it: what follows {@code Bearer } (null when there is none). */
    static String bearerToken(HttpServletRequest request) {
        String authorization = request.getHeader(AUTHORIZATION);
        return authorization == null || !authorization.startsWith(SCHEME) || authorization.length() == SCHEME.length() ? null
                : authorization.substring(SCHEME.length());
    }

    /** The verified token Payara's mechanism put in the subject (its caller principal), if it did. */
    private static Optional<JsonWebToken> verifiedCaller(HttpMessageContext context) {
        return context.getClientSubject().getPrincipals().stream()
                .filter(p -> p instanceof JsonWebToken && p instanceof CallerPrincipal)
                .map(JsonWebToken.class::cast)
                .filter(t -> t.getExpirationTime() > 0)
                .findFirst();
    }

    private VerifiedTokens<CredentialValidationResult> verifiedTokens() {
        VerifiedTokens<CredentialValidationResult> tokens = verified;
        if (tokens == null) {
            tokens = new VerifiedTokens<>(settings.integer("auth.verified-tokens.capacity"), settings.duration("auth.verified-tokens.ttl"),
                    Clock.systemUTC());
            verified = tokens;
        }
        return tokens;
    }

    @Override
    public AuthenticationStatus secureResponse(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        Optional<HttpAuthenticationMechanism> jwt = delegate();
        return isGateway(request) || jwt.isEmpty() ? AuthenticationStatus.SUCCESS : jwt.get().secureResponse(request, response, context);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Optional<HttpAuthenticationMechanism> jwt = delegate();
        if (jwt.isPresent() && !isGateway(request)) {
            jwt.get().cleanSubject(request, response, context);
        } else {
            HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
        }
    }

    /** The request itself when its scheme is already {@code Bearer} (or absent, or another scheme). */
    static HttpServletRequest withBearerSpelledAsPayaraReadsIt(HttpServletRequest request) {
        String authorization = request.getHeader(AUTHORIZATION);
        if (authorization == null || authorization.startsWith(SCHEME) || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return request;
        }
        String normalised = SCHEME + authorization.substring(SCHEME.length()).stripLeading();
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return AUTHORIZATION.equalsIgnoreCase(name) ? normalised : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return AUTHORIZATION.equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(normalised)) : super.getHeaders(name);
            }
        };
    }

    /** The other mechanism (the JWT one Payara adds for {@code @LoginConfig}), found once. */
    private Optional<HttpAuthenticationMechanism> delegate() {
        Optional<HttpAuthenticationMechanism> found = delegate;
        if (found == null) {
            found = beans.getBeans(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE).stream()
                    .filter(bean -> !bean.getTypes().contains(WebAuthentication.class))
                    .findFirst()
                    .map(this::reference);
            delegate = found;
        }
        return found;
    }

    private HttpAuthenticationMechanism reference(Bean<?> bean) {
        return (HttpAuthenticationMechanism) beans.getReference(bean, HttpAuthenticationMechanism.class, beans.createCreationalContext(bean));
    }
}
