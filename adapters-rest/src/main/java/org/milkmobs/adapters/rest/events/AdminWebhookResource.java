package org.milkmobs.adapters.rest.events;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.milkmobs.adapters.rest.Roles;
import org.milkmobs.adapters.rest.events.WebhookModels.DeliveryPageResponse;
import org.milkmobs.adapters.rest.events.WebhookModels.DeliveryResponse;
import org.milkmobs.adapters.rest.events.WebhookModels.FailingSubscriptionResponse;
import org.milkmobs.adapters.rest.events.WebhookModels.FailingSubscriptionsResponse;
import org.milkmobs.adapters.rest.events.WebhookModels.ReplayRequest;
import org.milkmobs.adapters.rest.events.WebhookModels.ReplayResponse;
import org.milkmobs.adapters.rest.events.WebhookModels.WebhookListResponse;
import org.milkmobs.adapters.rest.events.WebhookModels.WebhookRequest;
import org.milkmobs.adapters.rest.events.WebhookModels.WebhookResponse;
import org.milkmobs.adapters.rest.events.WebhookModels.WebhookWithSecretResponse;
import org.milkmobs.adapters.rest.problem.InvalidRequestException;
import org.milkmobs.adapters.rest.security.CallerResolver;
import org.milkmobs.adapters.rest.support.QueryParams;
import org.milkmobs.application.port.in.events.WebhookAdminUseCase.Definition;
import org.milkmobs.application.port.in.events.WebhookAdminUseCase.WithSecret;
import org.milkmobs.application.port.in.events.WebhookAdminUseCase;
import org.milkmobs.domain.events.WebhookDelivery;
import org.milkmobs.domain.events.WebhookSubscription;

@Path("/admin/webhooks")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminWebhookResource {

    @Inject
    WebhookAdminUseCase webhooks;

    @Inject
    CallerResolver callers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull WebhookRequest body) {
        WithSecret created = webhooks.create(definition(body), callers.current());
        return Response.status(Response.Status.CREATED).entity(withSecret(created)).build();
    }

    @GET
    public WebhookListResponse list() {
        return new WebhookListResponse(webhooks.list(callers.current()).stream().map(WebhookResponse::from).toList());
    }

    @GET
    @Path("failing")
    public FailingSubscriptionsResponse failing() {
        return new FailingSubscriptionsResponse(webhooks.failing(callers.current()).stream().map(FailingSubscriptionResponse::from).toList());
    }

    @GET
    @Path("{webhookId}")
    public WebhookResponse get(@PathParam("webhookId") String webhookId) {
        return WebhookResponse.from(webhooks.get(id(webhookId), callers.current()));
    }

    @PUT
    @Path("{webhookId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public WebhookResponse update(@PathParam("webhookId") String webhookId, @Valid @NotNull WebhookRequest body) {
        return WebhookResponse.from(webhooks.update(id(webhookId), definition(body), callers.current()));
    }

    @DELETE
    @Path("{webhookId}")
    public Response delete(@PathParam("webhookId") String webhookId) {
        webhooks.delete(id(webhookId), callers.current());
        return Response.noContent().build();
    }

    @POST
    @Path("{webhookId}/rotate-secret")
    public WebhookWithSecretResponse rotate(@PathParam("webhookId") String webhookId) {
        return withSecret(webhooks.rotateSecret(id(webhookId), callers.current()));
    }

    @GET
    @Path("{webhookId}/deliveries")
    public DeliveryPageResponse deliveries(@PathParam("webhookId") String webhookId, @QueryParam("cursor") String cursor,
                                           @QueryParam("limit") String limit) {
        int size = QueryParams.limit(limit, 50, 200);
        Optional<Long> before = QueryParams.text(cursor).map(AdminWebhookResource::cursor);
        List<WebhookDelivery> page = webhooks.deliveries(id(webhookId), before, size, callers.current());
        String next = page.size() == size ? String.valueOf(page.get(page.size() - 1).id()) : null;
        return new DeliveryPageResponse(page.stream().map(DeliveryResponse::from).toList(), next);
    }

    @POST
    @Path("{webhookId}/deliveries/{deliveryId}/replay")
    public Response replay(@PathParam("webhookId") String webhookId, @PathParam("deliveryId") String deliveryId) {
        WebhookDelivery replay = webhooks.replay(id(webhookId), number("deliveryId", deliveryId), callers.current());
        return Response.status(Response.Status.ACCEPTED).entity(DeliveryResponse.from(replay)).build();
    }

    @POST
    @Path("{webhookId}/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replayRange(@PathParam("webhookId") String webhookId, @Valid @NotNull ReplayRequest body) {
        int count = webhooks.replayRange(id(webhookId), body.from(), body.to(), callers.current());
        return Response.status(Response.Status.ACCEPTED).entity(new ReplayResponse(count)).build();
    }

    private static Definition definition(WebhookRequest body) {
        return new Definition(WebhookSubscription.targetUrl(body.url()), WebhookSubscription.eventTypes(body.eventTypes()),
                body.active() == null || body.active(), body.description());
    }

    private static WebhookWithSecretResponse withSecret(WithSecret created) {
        return new WebhookWithSecretResponse(WebhookResponse.from(created.subscription()), created.secret());
    }

    private static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("webhookId", "webhookId must be a UUID");
        }
    }

    private static long cursor(String text) {
        return number("cursor", text);
    }

    private static long number(String field, String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(field, field + " must be a number");
        }
    }
}
