package org.milkmobs.adapters.aws.bedrock;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.milkmobs.application.port.out.analysis.AnalysisFailedException;
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
        try {
            Optional<String> arn = Optional.ofNullable(state.get(INVOCATION));
            if (arn.isEmpty()) {
                return new Progress.Pending(Map.of(INVOCATION, start(media)), settings.pollInterval());
            }
            AsyncInvocations.Status status = invocations.status(arn.get());
            if (status instanceof AsyncInvocations.Status.Failed failed) {
                sources.release(media, "embed");
                throw new AnalysisFailedException("Marengo could not embed the video: " + failed.reason(), true);
            }
            if (status instanceof AsyncInvocations.Status.Completed done) {
                sources.release(media, "embed");
                return new Progress.Done(MarengoResponses.media(settings.marengoVersion(), done.output()));
            }
            return new Progress.Pending(new HashMap<>(state), settings.pollInterval());
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
