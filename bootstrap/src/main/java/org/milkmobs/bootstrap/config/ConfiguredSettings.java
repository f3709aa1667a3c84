package org.milkmobs.bootstrap.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.milkmobs.adapters.media.ffmpeg.FfmpegTools;
import org.milkmobs.adapters.media.local.LocalPerceptualModel;
import org.milkmobs.application.port.out.analysis.VideoEmbedder;
import org.milkmobs.domain.campaign.CampaignSettings;
import org.milkmobs.application.port.out.media.MediaLimits;
import org.milkmobs.application.service.mob.MobSettings;
import org.milkmobs.application.service.pipeline.RetryPolicy;
import org.milkmobs.application.service.video.UploadSettings;
import org.milkmobs.domain.campaign.Campaign;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.ModalityWeights;
import org.milkmobs.domain.mob.ReclusterSchedule;
import org.milkmobs.domain.validation.Signal;
import org.milkmobs.domain.validation.ValidationPolicy;
import org.milkmobs.domain.video.Hashtags;

/** The settings records the services and adapters take, built once from the configuration. */
@ApplicationScoped
public class ConfiguredSettings {

    @Inject
    Settings settings;

    @Produces
    @Singleton
    MediaLimits mediaLimits() {
        return new MediaLimits(settings.number("media.max-bytes"), settings.decimal("media.min-duration-seconds"),
                settings.decimal("media.max-duration-seconds"));
    }

    @Produces
    @Singleton
    UploadSettings uploadSettings() {
        return new UploadSettings(settings.duration("storage.upload-url-ttl"), settings.duration("storage.download-url-ttl"),
                settings.duration("uploads.complete-after"), settings.duration("uploads.abandon-after"));
    }

    @Produces
    @Singleton
    RetryPolicy retryPolicy() {
        return new RetryPolicy(settings.integer("pipeline.max-attempts"), settings.duration("pipeline.backoff.base"),
                settings.duration("pipeline.backoff.max"), settings.duration("pipeline.lease"));
    }

    @Produces
    @Singleton
    FfmpegTools ffmpegTools() {
        return new FfmpegTools(settings.text("media.ffmpeg"), settings.text("media.ffprobe"), settings.duration("media.tool-timeout"));
    }

    /**
     * The join threshold is the active analyzer's: the local analyzer's vectors (colour, layout, edges, sound statistics)
     * rate two takes of one scene lower than Marengo does, so it has a setting of its own (ADR 0031).
     */
    @Produces
    @Singleton
    MobSettings mobSettings(VideoEmbedder embedder) {
        Optional<Integer> k = settings.optionalText("mobs.k").map(Integer::parseInt);
        String join = LocalPerceptualModel.MODEL.equals(embedder.model()) ? "mobs.join-similarity.local" : "mobs.join-similarity";
        return new MobSettings(settings.decimal(join), settings.integer("mobs.max-count"), k,
                settings.integer("mobs.restarts"), settings.decimal("mobs.keep-id-similarity"),
                new ReclusterSchedule(settings.duration("mobs.recluster-every"), settings.decimal("mobs.recluster-growth"),
                        settings.integer("mobs.recluster-growth-from"), settings.duration("mobs.recluster-settle")),
                settings.decimal("mobs.k-tolerance"));
    }

    @Produces
    @Singleton
    ModalityWeights modalityWeights() {
        return new ModalityWeights(Map.of(Modality.VISUAL, settings.decimal("mobs.weight.visual"),
                Modality.AUDIO, settings.decimal("mobs.weight.audio")));
    }

    /** The campaign until an admin stores one. */
    @Produces
    @Singleton
    CampaignSettings defaultCampaign() {
        Map<Signal, Double> weights = new EnumMap<>(Signal.class);
        weights.put(Signal.PARTICIPATION, settings.decimal("campaign.weight.participation"));
        weights.put(Signal.VISUAL_SIMILARITY, settings.decimal("campaign.weight.visual-similarity"));
        weights.put(Signal.OCR_KEYWORDS, settings.decimal("campaign.weight.ocr-keywords"));
        weights.put(Signal.HASHTAGS, settings.decimal("campaign.weight.hashtags"));
        weights.put(Signal.AUDIO_PRESENCE, settings.decimal("campaign.weight.audio-presence"));
        Campaign campaign = new Campaign(settings.text("campaign.name"), settings.text("campaign.description"),
                new Hashtags(settings.list("campaign.hashtags")), settings.list("campaign.keywords"));
        return new CampaignSettings(campaign, new ValidationPolicy(weights, settings.decimal("campaign.threshold")),
                settings.decimal("campaign.visual-unrelated"), settings.decimal("campaign.visual-same"));
    }
}
