package org.milkmobs.adapters.rest.campaign;

import static org.milkmobs.adapters.rest.constraint.DomainRule.CAMPAIGN_DESCRIPTION;
import static org.milkmobs.adapters.rest.constraint.DomainRule.CAMPAIGN_KEYWORDS;
import static org.milkmobs.adapters.rest.constraint.DomainRule.CAMPAIGN_NAME;
import static org.milkmobs.adapters.rest.constraint.DomainRule.HASHTAGS;
import static org.milkmobs.adapters.rest.constraint.DomainRule.VIDEO_ID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.milkmobs.adapters.rest.Roles;
import org.milkmobs.adapters.rest.constraint.Conforms;
import org.milkmobs.adapters.rest.problem.InvalidRequestException;
import org.milkmobs.adapters.rest.security.CallerResolver;
import org.milkmobs.adapters.rest.support.BodyLimit;
import org.milkmobs.adapters.rest.upload.MediaUploads;
import org.milkmobs.application.port.in.campaign.CampaignUseCase;
import org.milkmobs.application.port.in.campaign.CampaignUseCase.CampaignView;
import org.milkmobs.domain.campaign.CampaignSettings;
import org.milkmobs.domain.campaign.Campaign;
import org.milkmobs.domain.validation.Signal;
import org.milkmobs.domain.validation.ValidationPolicy;
import org.milkmobs.domain.video.Hashtags;
import org.milkmobs.domain.video.VideoId;

@Path("/admin/campaign")
@RequestScoped
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    /** An image reference may be at most 5 MB, as a Marengo image input. */
    static final int MAX_IMAGE_BYTES = 5 * 1024 * 1024;
    /** Base64 of {@link #MAX_IMAGE_BYTES}, with room for padding. */
    static final int MAX_IMAGE_BASE64_CHARS = MAX_IMAGE_BYTES / 3 * 4 + 4;

    @Inject
    CampaignUseCase campaigns;

    @Inject
    CallerResolver callers;

    /** The campaign as it is read and written; {@code references} and {@code model} are read-only. */
    public record CampaignBody(
            @NotNull @Conforms(CAMPAIGN_NAME) String name,
            @NotNull @Conforms(CAMPAIGN_DESCRIPTION) String description,
            @Conforms(HASHTAGS) List<String> hashtags,
            @Conforms(CAMPAIGN_KEYWORDS) List<String> keywords,
            @NotNull Map<String, @NotNull Double> weights,
            @NotNull Double threshold,
            @NotNull Double visualUnrelated,
            @NotNull Double visualSame,
            List<String> references,
            String model) {
    }

    /** A reference: either a videoId, or a named image. */
    public record ReferenceBody(
            @Conforms(VIDEO_ID) String videoId,
            String name,
            @Size(max = MAX_IMAGE_BASE64_CHARS, message = "must encode at most " + MAX_IMAGE_BYTES + " bytes") String imageBase64) {
    }

    @GET
    public CampaignBody get() {
        return body(campaigns.current());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public CampaignBody update(@Valid @NotNull CampaignBody body) {
        Campaign campaign = new Campaign(body.name(), body.description(), new Hashtags(body.hashtags()), body.keywords());
        ValidationPolicy policy = new ValidationPolicy(weights(body.weights()), body.threshold());
        return body(campaigns.update(new CampaignSettings(campaign, policy, body.visualUnrelated(), body.visualSame()), callers.current()));
    }

    @POST
    @Path("/references")
    @Consumes(MediaType.APPLICATION_JSON)
    @BodyLimit(bytes = MAX_IMAGE_BASE64_CHARS + 64 * 1024)
    public CampaignBody addReference(@Valid @NotNull ReferenceBody body) {
        if ((body.videoId() == null) == (body.imageBase64() == null)) {
            throw new InvalidRequestException("body", "send either a videoId or an image (name and imageBase64)");
        }
        if (body.videoId() != null) {
            return body(campaigns.addReferenceVideo(VideoId.parse(body.videoId()), callers.current()));
        }
        byte[] image = MediaUploads.base64("imageBase64", body.imageBase64(), MAX_IMAGE_BYTES);
        return body(campaigns.addReferenceImage(body.name(), image, callers.current()));
    }

    @DELETE
    @Path("/references/{source}")
    public CampaignBody removeReference(@PathParam("source") String source) {
        return body(campaigns.removeReference(source, callers.current()));
    }

    private static CampaignBody body(CampaignView view) {
        CampaignSettings s = view.settings();
        Map<String, Double> weights = new java.util.LinkedHashMap<>();
        s.policy().weights().forEach((signal, weight) -> weights.put(camel(signal), weight));
        return new CampaignBody(s.campaign().name(), s.campaign().description(), s.campaign().hashtags().values(), s.campaign().keywords(),
                weights, s.policy().threshold(), s.visualUnrelated(), s.visualSame(), view.referenceSources(), view.model());
    }

    private static Map<Signal, Double> weights(Map<String, Double> given) {
        Map<Signal, Double> weights = new EnumMap<>(Signal.class);
        given.forEach((name, weight) -> {
            Signal signal = java.util.Arrays.stream(Signal.values()).filter(s -> camel(s).equalsIgnoreCase(name) || s.name().equalsIgnoreCase(name))
                    .findFirst().orElseThrow(() -> new org.milkmobs.domain.InvalidValueException("weights",
                            "unknown signal '" + name + "'; the signals are " + java.util.Arrays.stream(Signal.values()).map(CampaignResource::camel).toList()));
            weights.put(signal, weight);
        });
        return weights;
    }

    static String camel(Signal signal) {
        String[] parts = signal.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder name = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            name.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return name.toString();
    }
}
