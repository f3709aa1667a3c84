package org.milkmobs.adapters.aws.bedrock;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.milkmobs.application.port.out.analysis.AnalysisFailedException;
import org.milkmobs.application.port.out.analysis.UploadedMedia;
import org.milkmobs.application.port.out.analysis.VideoEmbedder;
import org.milkmobs.application.port.out.analysis.VideoMedia;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.usage.ModelOperation;
import org.milkmobs.domain.usage.PricedUnit;
import org.milkmobs.domain.usage.UsageRecord.Subject;

/**
 * The embed step on Marengo: the first call starts an asynchronous invocation and hands its ARN back as
 * state, which the pipeline commits (by snoozing the job) before it polls. A rescued or retried job
 * comes back with that state and polls the same invocation; one whose state was lost starts again with
 * the same client request token, which Bedrock answers with the same invocation.
 */
public final class MarengoVideoEmbedder implements VideoEmbedder {

    static final String INVOCATION = "marengo.invocationArn";

    private final BedrockSettings settings;
    private final MediaSources sources;
    private final AsyncInvocations invocations;

    MarengoVideoEmbedder(BedrockSettings settings, MediaSources sources, AsyncInvocations invocations) {
        this.settings = settings;
        this.sources = sources;
        this.invocations = invocations;
    }

    @Override
    public EmbeddingModel model() {
        return settings.marengoVersion().model();
    }

    @Override
    public Progress embed(VideoMedia media, Map<String, String> state) {
        return guarded(() -> {
            Optional<String> arn = Optional.ofNullable(state.get(INVOCATION));
            if (arn.isEmpty()) {
                return new Progress.Pending(Map.of(INVOCATION, start(media)), settings.pollInterval());
            }
            return poll(arn.get(), state, "video", () -> sources.release(media, "embed"));
        });
    }

    /**
     * A file uploaded through the gateway: the same asynchronous invocation, metered under the key, its client request token
     * named by the gateway's job (an identical upload of the key is the same job, so a retried start is the same invocation).
     */
    @Override
    public Progress embedUpload(UploadedMedia media, Map<String, String> state) {
        String staged = "gateway/" + media.jobId();
        String what = media.kind() == UploadedMedia.Kind.VIDEO ? "video" : "audio file";
        return guarded(() -> {
            Optional<String> arn = Optional.ofNullable(state.get(INVOCATION));
            if (arn.isEmpty()) {
                String model = settings.marengoAsyncModel();
                MediaSource source = sources.of(media.key(), media.sizeBytes(), staged);
                boolean video = media.kind() == UploadedMedia.Kind.VIDEO;
                MeteredCall.Invocation invocation = new MeteredCall.Invocation(model, video ? ModelOperation.EMBED_VIDEO : ModelOperation.EMBED_AUDIO,
                        Subject.forApiKey("upload:sha256:" + media.contentHash(), media.apiKeyId()), Map.of(PricedUnit.MEDIA_SECOND, media.seconds()),
                        Optional.of(AsyncInvocations.requestToken("gateway-upload", media.jobId(), model)));
                String started = invocations.start(invocation, video ? MarengoRequests.video(settings.marengoVersion(), source, settings.segmentSeconds())
                        : MarengoRequests.audioFile(settings.marengoVersion(), source, settings.segmentSeconds()));
                return new Progress.Pending(Map.of(INVOCATION, started), settings.pollInterval());
            }
            return poll(arn.get(), state, what, () -> sources.release(media.sizeBytes(), staged));
        });
    }

    /** Asks once where the invocation is (free); the staged copy is released once it ended. */
    private Progress poll(String arn, Map<String, String> state, String what, Runnable release) {
        AsyncInvocations.Status status = invocations.status(arn);
        if (status instanceof AsyncInvocations.Status.Failed failed) {
            release.run();
            throw new AnalysisFailedException("Marengo could not embed the " + what + ": " + failed.reason(), true);
        }
        if (status instanceof AsyncInvocations.Status.Completed done) {
            release.run();
            return new Progress.Done(MarengoResponses.media(settings.marengoVersion(), done.output()));
        }
        return new Progress.Pending(new HashMap<>(state), settings.pollInterval());
    }

    private static Progress guarded(java.util.function.Supplier<Progress> call) {
        try {
            return call.get();
        } catch (AnalysisFailedException e) {
            throw e;
        } catch (BedrockCallException | MalformedAnswerException | FaultToleranceException e) {
            throw BedrockFailures.of("Marengo", e);
        }
    }

    private String start(VideoMedia media) {
        String model = settings.marengoAsyncModel();
        MeteredCall.Invocation invocation = new MeteredCall.Invocation(model, ModelOperation.EMBED_VIDEO, Subject.video(media.videoId()),
                Map.of(PricedUnit.MEDIA_SECOND, media.facts().durationSeconds()),
                Optional.of(AsyncInvocations.requestToken(media.videoId().toString(), "embed", model)));
        return invocations.start(invocation, MarengoRequests.video(settings.marengoVersion(), sources.of(media, "embed"), settings.segmentSeconds()));
    }
}
