package org.milkmobs.adapters.openai;

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
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * Keeps the WAR's MicroProfile JWT mechanism away from {@code /v1}. That mechanism sees every request of the
 * web module and answers 401 to any bearer token that is not a valid JWT, and OpenAI clients send their API
 * key exactly so ({@code Authorization: Bearer sk-…}). As an enabled alternative this mechanism is the one the
 * container resolves: it lets /v1 requests through unauthenticated (the gateway checks their key itself)
 * and hands every other request to the JWT mechanism unchanged.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class GatewayAwareAuthentication implements HttpAuthenticationMechanism {

    @Inject
    BeanManager beans;

    private volatile Optional<HttpAuthenticationMechanism> delegate;

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
        return jwt.isPresent() ? jwt.get().validateRequest(request, response, context) : context.doNothing();
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

    /** The other mechanism (the JWT one Payara adds for {@code @LoginConfig}), found once. */
    private Optional<HttpAuthenticationMechanism> delegate() {
        Optional<HttpAuthenticationMechanism> found = delegate;
        if (found == null) {
            found = beans.getBeans(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE).stream()
                    .filter(bean -> !bean.getTypes().contains(GatewayAwareAuthentication.class))
                    .findFirst()
                    .map(bean -> reference(bean));
            delegate = found;
        }
        return found;
    }

    private HttpAuthenticationMechanism reference(Bean<?> bean) {
        return (HttpAuthenticationMechanism) beans.getReference(bean, HttpAuthenticationMechanism.class, beans.createCreationalContext(bean));
    }
}
