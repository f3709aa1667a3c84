package org.milkmobs.adapters.aws.bedrock;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.milkmobs.application.port.out.analysis.AnalysisFailedException;
import org.milkmobs.application.port.out.analysis.VideoMedia;
import org.milkmobs.application.port.out.analysis.VideoUnderstanding;
import org.milkmobs.domain.analysis.Analysis;
import org.milkmobs.domain.analysis.AudioHints;
import org.milkmobs.domain.campaign.Campaign;
import org.milkmobs.domain.usage.ModelOperation;
import org.milkmobs.domain.usage.PricedUnit;
import org.milkmobs.domain.usage.UsageRecord.Subject;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;

/**
 * The understand step on Pegasus: one invocation per video, with a prompt about the campaign and a JSON
 * schema for the answer. A truncated answer ({@code finishReason=length}) is asked for once more with
 * the largest output allowance.
 */
public final class PegasusUnderstanding implements VideoUnderstanding {

    static final int MAX_OUTPUT_TOKENS = 4096;
    static final String INPUT_TOKENS = "x-amzn-bedrock-input-token-count";
    static final String OUTPUT_TOKENS = "x-amzn-bedrock-output-token-count";

    private final BedrockSettings settings;
    private final MediaSources sources;
    private final BedrockRuntimeClient runtime;
    private final MeteredCall calls;

    PegasusUnderstanding(BedrockSettings settings, MediaSources sources, BedrockRuntimeClient runtime, MeteredCall calls) {
        this.settings = settings;
        this.sources = sources;
        this.runtime = runtime;
        this.calls = calls;
    }

    @Override
    public Analysis understand(VideoMedia media, Campaign campaign, Instant now) {
        try {
            JsonObject answer = answerFittingInTokens(media, campaign);
            if (!answer.containsKey("message") || answer.get("message").getValueType() != jakarta.json.JsonValue.ValueType.STRING) {
                throw new MalformedAnswerException("Pegasus answered without a message");
            }
            PegasusAnswer read = PegasusAnswer.parse(JsonDocuments.parseObject(answer.getString("message")));
            AudioHints audio = media.facts().hasAudio() ? new AudioHints(!read.speech() && !read.music(), read.speech(), read.music())
                    : AudioHints.NO_AUDIO;
            return new Analysis(media.videoId(), settings.pegasusModel(), OptionalDouble.of(read.participationScore()), read.onScreenText(),
                    read.summary(), read.highlights(), audio, now);
        } catch (AnalysisFailedException e) {
            throw e;
        } catch (BedrockCallException | MalformedAnswerException | FaultToleranceException e) {
            throw BedrockFailures.of("Pegasus", e);
        }
    }

    /**
     * Asks once with the configured allowance and, if the answer was cut off, once more with the largest;
     * a staged copy of the video is removed whatever the outcome.
     */
    private JsonObject answerFittingInTokens(VideoMedia media, Campaign campaign) {
        MediaSource source = sources.of(media, "understand");
        try {
            JsonObject answer = ask(media, campaign, source, settings.pegasusMaxOutputTokens());
            if (truncated(answer) && settings.pegasusMaxOutputTokens() < MAX_OUTPUT_TOKENS) {
                answer = ask(media, campaign, source, MAX_OUTPUT_TOKENS);
            }
            if (truncated(answer)) {
                throw new AnalysisFailedException("Pegasus's answer did not fit in " + MAX_OUTPUT_TOKENS + " tokens", false);
            }
            return answer;
        } finally {
            sources.release(media, "understand");
        }
    }

    private static boolean truncated(JsonObject answer) {
        return "length".equals(answer.getString("finishReason", ""));
    }

    private JsonObject ask(VideoMedia media, Campaign campaign, MediaSource source, int maxOutputTokens) {
        JsonObject body = Json.createObjectBuilder()
                .add("inputPrompt", prompt(campaign))
                .add("mediaSource", source.toJson())
                .add("temperature", 0.2)
                .add("maxOutputTokens", maxOutputTokens)
                .add("responseFormat", Json.createObjectBuilder().add("type", "json_schema")
                        .add("jsonSchema", Json.createObjectBuilder().add("name", "video_analysis").add("schema", PegasusAnswer.SCHEMA)))
                .build();
        MeteredCall.Invocation invocation = new MeteredCall.Invocation(settings.pegasusModel(), ModelOperation.ANALYZE_VIDEO,
                Subject.video(media.videoId()), Map.of(PricedUnit.MEDIA_SECOND, media.facts().durationSeconds()), Optional.empty(),
                maxOutputTokens);
        InvokeModelResponse response = calls.invoke(invocation, () -> runtime.invokeModel(b -> b.modelId(settings.pegasusModel())
                        .contentType("application/json").accept("application/json")
                        .body(SdkBytes.fromString(body.toString(), StandardCharsets.UTF_8))),
                r -> header(r, OUTPUT_TOKENS), r -> {
                    Map<PricedUnit, Double> units = new EnumMap<>(PricedUnit.class);
                    units.put(PricedUnit.INPUT_TOKEN, (double) header(r, INPUT_TOKENS));
                    return units;
                });
        return JsonDocuments.parseObject(response.body().asByteArray());
    }

    static long header(InvokeModelResponse response, String name) {
        return response.sdkHttpResponse().firstMatchingHeader(name).map(value -> {
            try {
                return Math.max(0, Long.parseLong(value.trim()));
            } catch (NumberFormatException e) {
                return 0L;
            }
        }).orElse(0L);
    }

    /** What Pegasus is asked: the campaign, and what to report. The schema holds the answer's shape. */
    static String prompt(Campaign campaign) {
        return """
                You review short videos for the trend campaign "%s": %s
                Campaign hashtags: %s. Keywords to look for: %s.
                Watch the whole video and answer in JSON:
                - participation_score: 0 to 1, how clearly this video takes part in the campaign described above;
                - on_screen_text: all text that appears on screen;
                - summary: what happens, in at most three sentences;
                - highlights: the moments that matter most for the campaign, with start and end seconds;
                - has_speech and has_music: whether people speak, and whether music plays.
                """.formatted(campaign.name(), campaign.description(), campaign.hashtags().values().stream().map(tag -> "#" + tag).collect(java.util.stream.Collectors.joining(" ")), String.join(", ", campaign.keywords()));
    }
}
