package org.milkmobs.adapters.aws.bedrock;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.milkmobs.application.port.out.analysis.AnalysisFailedException;
import org.milkmobs.application.port.out.analysis.VideoMedia;
import org.milkmobs.application.port.out.chat.ChatModel.ChatAnswer;
import org.milkmobs.application.port.out.chat.ChatModel.FinishReason;
import org.milkmobs.application.port.out.chat.VideoQuestions;
import org.milkmobs.domain.usage.ModelOperation;
import org.milkmobs.domain.usage.PricedUnit;
import org.milkmobs.domain.usage.UsageRecord.Subject;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;

/**
 * Pegasus answering a gateway client's question about a stored video: the pipeline's media source (inline,
 * staged or S3) and metering, a free-text answer instead of the analysis schema.
 */
final class PegasusQuestions implements VideoQuestions {

    private final BedrockSettings settings;
    private final MediaSources sources;
    private final BedrockRuntimeClient runtime;
    private final MeteredCall calls;

    PegasusQuestions(BedrockSettings settings, MediaSources sources, BedrockRuntimeClient runtime, MeteredCall calls) {
        this.settings = settings;
        this.sources = sources;
        this.runtime = runtime;
        this.calls = calls;
    }

    @Override
    public String model() {
        return settings.pegasusModel();
    }

    @Override
    public ChatAnswer ask(VideoMedia video, String question, int maxTokens, Subject subject) {
        int allowance = Math.min(maxTokens, PegasusUnderstanding.MAX_OUTPUT_TOKENS);
        try {
            MediaSource source = sources.of(video, "ask");
            try {
                JsonObject body = Json.createObjectBuilder().add("inputPrompt", question).add("mediaSource", source.toJson())
                        .add("temperature", 0.2).add("maxOutputTokens", allowance).build();
                MeteredCall.Invocation invocation = new MeteredCall.Invocation(settings.pegasusModel(), ModelOperation.ANALYZE_VIDEO, subject,
                        Map.of(PricedUnit.MEDIA_SECOND, video.facts().durationSeconds()), Optional.empty(), allowance);
                InvokeModelResponse response = calls.invoke(invocation, () -> runtime.invokeModel(b -> b.modelId(settings.pegasusModel())
                                .contentType("application/json").accept("application/json")
                                .body(SdkBytes.fromString(body.toString(), StandardCharsets.UTF_8))),
                        r -> PegasusUnderstanding.header(r, PegasusUnderstanding.OUTPUT_TOKENS), r -> {
                            Map<PricedUnit, Double> units = new EnumMap<>(PricedUnit.class);
                            units.put(PricedUnit.INPUT_TOKEN, (double) PegasusUnderstanding.header(r, PegasusUnderstanding.INPUT_TOKENS));
                            return units;
                        });
                JsonObject answer = JsonDocuments.parseObject(response.body().asByteArray());
                return new ChatAnswer(answer.getString("message", ""), "length".equals(answer.getString("finishReason", ""))
                        ? FinishReason.LENGTH : FinishReason.STOP,
                        PegasusUnderstanding.header(response, PegasusUnderstanding.INPUT_TOKENS),
                        PegasusUnderstanding.header(response, PegasusUnderstanding.OUTPUT_TOKENS));
            } finally {
                sources.release(video, "ask");
            }
        } catch (BedrockCallException e) {
            throw new AnalysisFailedException("Pegasus refused the question: " + e.getMessage(), e instanceof BedrockCallException.Permanent,
                    e.code(), e);
        } catch (MalformedAnswerException | FaultToleranceException e) {
            throw new AnalysisFailedException("Pegasus is not answering now: " + e.getMessage(), false, e);
        }
    }
}
