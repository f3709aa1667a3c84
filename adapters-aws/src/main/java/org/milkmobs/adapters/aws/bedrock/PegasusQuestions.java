package org.milkmobs.adapters.aws.bedrock;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
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
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;

/**
 * Pegasus answering a gateway client's question about a stored video: the pipeline's media source (inline,
 * staged or S3) and metering, a free-text answer instead of the analysis schema; asked whole (InvokeModel) or
 * streamed as it is written (InvokeModelWithResponseStream).
 */
final class PegasusQuestions implements VideoQuestions {

    /** Where Bedrock reports a streamed invocation's token counts: in its last chunk, since no header can carry them. */
    static final String INVOCATION_METRICS = "amazon-bedrock-invocationMetrics";

    private final BedrockSettings settings;
    private final MediaSources sources;
    private final BedrockRuntimeClient runtime;
    private final BedrockRuntimeAsyncClient streaming;
    private final MeteredCall calls;

    PegasusQuestions(BedrockSettings settings, MediaSources sources, BedrockRuntimeClient runtime, BedrockRuntimeAsyncClient streaming,
                     MeteredCall calls) {
        this.settings = settings;
        this.sources = sources;
        this.runtime = runtime;
        this.streaming = streaming;
        this.calls = calls;
    }

    @Override
    public String model() {
        return settings.pegasusModel();
    }

    @Override
    public ChatAnswer ask(VideoMedia video, String question, int maxTokens, Subject subject) {
        return withSource(video, (source, allowance) -> {
            InvokeModelResponse response = calls.invoke(invocation(video, subject, allowance), () -> runtime.invokeModel(b -> b
                            .modelId(settings.pegasusModel()).contentType("application/json").accept("application/json")
                            .body(body(question, source, allowance))),
                    r -> PegasusUnderstanding.header(r, PegasusUnderstanding.OUTPUT_TOKENS), r -> {
                        Map<PricedUnit, Double> units = new EnumMap<>(PricedUnit.class);
                        units.put(PricedUnit.INPUT_TOKEN, (double) PegasusUnderstanding.header(r, PegasusUnderstanding.INPUT_TOKENS));
                        return units;
                    });
            JsonObject answer = JsonDocuments.parseObject(response.body().asByteArray());
            return new ChatAnswer(answer.getString("message", ""), finish(answer.getString("finishReason", "")),
                    PegasusUnderstanding.header(response, PegasusUnderstanding.INPUT_TOKENS),
                    PegasusUnderstanding.header(response, PegasusUnderstanding.OUTPUT_TOKENS));
        }, maxTokens);
    }

    /**
     * InvokeModelWithResponseStream: each chunk's {@code message} goes to {@code onText} as it arrives; the last
     * chunk carries {@code finishReason} and Bedrock's invocation metrics, which are what is settled. Reserved and
     * retried as {@link #ask} is, except after the first piece was handed over ({@link StreamedCalls#await}).
     */
    @Override
    public ChatAnswer askStreaming(VideoMedia video, String question, int maxTokens, Subject subject, Consumer<String> onText) {
        AtomicBoolean spoken = new AtomicBoolean();
        return withSource(video, (source, allowance) -> calls.invoke(invocation(video, subject, allowance),
                () -> streamOnce(body(question, source, allowance), onText, spoken), ChatAnswer::outputTokens,
                a -> Map.of(PricedUnit.INPUT_TOKEN, (double) a.inputTokens())), maxTokens);
    }

    private ChatAnswer streamOnce(SdkBytes body, Consumer<String> onText, AtomicBoolean spoken) {
        StringBuilder text = new StringBuilder();
        String[] finish = {""};
        long[] tokens = {0, 0};
        InvokeModelWithResponseStreamResponseHandler handler = InvokeModelWithResponseStreamResponseHandler.builder()
                .subscriber(InvokeModelWithResponseStreamResponseHandler.Visitor.builder().onChunk(chunk -> {
                    JsonObject part = JsonDocuments.parseObject(chunk.bytes().asByteArray());
                    if (part.get("message") instanceof JsonString piece && !piece.getString().isEmpty()) {
                        spoken.set(true);
                        text.append(piece.getString());
                        onText.accept(piece.getString());
                    }
                    if (part.get("finishReason") instanceof JsonString reason) {
                        finish[0] = reason.getString();
                    }
                    if (part.containsKey(INVOCATION_METRICS)) {
                        JsonObject metrics = part.getJsonObject(INVOCATION_METRICS);
                        tokens[0] = metrics.getJsonNumber("inputTokenCount") == null ? 0 : metrics.getJsonNumber("inputTokenCount").longValue();
                        tokens[1] = metrics.getJsonNumber("outputTokenCount") == null ? 0 : metrics.getJsonNumber("outputTokenCount").longValue();
                    }
                }).build())
                .build();
        StreamedCalls.await(streaming.invokeModelWithResponseStream(b -> b.modelId(settings.pegasusModel()).contentType("application/json")
                .accept("application/json").body(body), handler), spoken);
        // without Bedrock's metrics, the text's estimate is settled rather than nothing
        long output = tokens[1] > 0 ? tokens[1] : MarengoQueryEmbedder.estimatedTokens(text.toString());
        return new ChatAnswer(text.toString(), finish(finish[0]), tokens[0], output);
    }

    /** Stages the video's media for the call, releases it after, and turns Bedrock's failures into the port's. */
    private ChatAnswer withSource(VideoMedia video, SourcedCall call, int maxTokens) {
        int allowance = Math.min(maxTokens, PegasusUnderstanding.MAX_OUTPUT_TOKENS);
        try {
            MediaSource source = sources.of(video, "ask");
            try {
                return call.answer(source, allowance);
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

    @FunctionalInterface
    private interface SourcedCall {
        ChatAnswer answer(MediaSource source, int allowance);
    }

    private MeteredCall.Invocation invocation(VideoMedia video, Subject subject, int allowance) {
        return new MeteredCall.Invocation(settings.pegasusModel(), ModelOperation.ANALYZE_VIDEO, subject,
                Map.of(PricedUnit.MEDIA_SECOND, video.facts().durationSeconds()), Optional.empty(), allowance);
    }

    private static SdkBytes body(String question, MediaSource source, int allowance) {
        JsonObject body = Json.createObjectBuilder().add("inputPrompt", question).add("mediaSource", source.toJson())
                .add("temperature", 0.2).add("maxOutputTokens", allowance).build();
        return SdkBytes.fromString(body.toString(), StandardCharsets.UTF_8);
    }

    private static FinishReason finish(String reason) {
        return "length".equals(reason) ? FinishReason.LENGTH : FinishReason.STOP;
    }
}
