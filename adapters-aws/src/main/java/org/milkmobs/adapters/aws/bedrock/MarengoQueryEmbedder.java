package org.milkmobs.adapters.aws.bedrock;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.milkmobs.application.port.out.analysis.AnalysisFailedException;
import org.milkmobs.application.port.out.analysis.QueryEmbedder;
import org.milkmobs.application.port.out.media.AudioClip;
import org.milkmobs.application.port.out.media.MediaRejectedException;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.usage.ModelOperation;
import org.milkmobs.domain.usage.PricedUnit;
import org.milkmobs.domain.usage.UsageRecord.Subject;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;

/**
 * Search queries on Marengo: text, images and (3.0) a text with an image synchronously ({@code InvokeModel}); audio clips
 * asynchronously, waiting up to {@code audioQueryWait} before answering with a pending handle (the
 * invocation ARN) that the search resource polls.
 */
public final class MarengoQueryEmbedder implements QueryEmbedder {

    static final int MAX_IMAGE_BYTES = 5 * 1024 * 1024;

    private final BedrockSettings settings;
    private final BedrockRuntimeClient runtime;
    private final AsyncInvocations invocations;
    private final MeteredCall calls;
    private final Sleeper sleeper;

    MarengoQueryEmbedder(BedrockSettings settings, BedrockRuntimeClient runtime, AsyncInvocations invocations, MeteredCall calls,
                         Sleeper sleeper) {
        this.settings = settings;
        this.runtime = runtime;
        this.invocations = invocations;
        this.calls = calls;
        this.sleeper = sleeper;
    }

    @Override
    public EmbeddingModel model() {
        return settings.marengoVersion().model();
    }

    @Override
    public Optional<Embedding> embedText(String text) {
        return embedText(text, Optional.empty());
    }

    @Override
    public Optional<Embedding> embedText(String text, String apiKeyId) {
        return embedText(text, Optional.of(apiKeyId));
    }

    private Optional<Embedding> embedText(String text, Optional<String> apiKey) {
        float[] vector = invoke(ModelOperation.EMBED_TEXT, MarengoRequests.text(settings.marengoVersion(), text), subject(fingerprint(text
                .getBytes(StandardCharsets.UTF_8)), apiKey), Map.of(PricedUnit.INPUT_TOKEN, (double) estimatedTokens(text)));
        return Optional.of(new Embedding(model(), Modality.TEXT, Scope.ASSET, new Segment(0, 0), vector));
    }

    @Override
    public Embedding embedImage(byte[] image) {
        return embedImage(image, Optional.empty());
    }

    @Override
    public Embedding embedImage(byte[] image, String apiKeyId) {
        return embedImage(image, Optional.of(apiKeyId));
    }

    /** A query's subject: its fingerprint, and the gateway key it was made for (metered and budgeted under it too). */
    private static Subject subject(String reference, Optional<String> apiKey) {
        return apiKey.map(key -> Subject.forApiKey(reference, key)).orElseGet(() -> Subject.query(reference));
    }

    private Embedding embedImage(byte[] image, Optional<String> apiKey) {
        checkImage(image);
        float[] vector = invoke(ModelOperation.EMBED_IMAGE, MarengoRequests.image(settings.marengoVersion(),
                new MediaSource.Inline(Base64.getEncoder().encodeToString(image))), subject(fingerprint(image), apiKey), Map.of(PricedUnit.IMAGE, 1.0));
        return new Embedding(model(), Modality.IMAGE, Scope.ASSET, new Segment(0, 0), vector);
    }

    /**
     * One {@code text_image} invocation on 3.0, priced as its parts (the text's tokens and one image); 2.7 has no composed
     * input, so the caller searches by the parts.
     */
    @Override
    public Optional<Embedding> embedTextAndImage(String text, byte[] image) {
        if (settings.marengoVersion() != MarengoVersion.V3_0) {
            return Optional.empty();
        }
        checkImage(image);
        byte[] both = (text + "\n" + fingerprint(image)).getBytes(StandardCharsets.UTF_8);
        float[] vector = invoke(ModelOperation.EMBED_TEXT_IMAGE, MarengoRequests.textImage(text,
                new MediaSource.Inline(Base64.getEncoder().encodeToString(image))), Subject.query(fingerprint(both)),
                Map.of(PricedUnit.INPUT_TOKEN, (double) estimatedTokens(text), PricedUnit.IMAGE, 1.0));
        return Optional.of(new Embedding(model(), Modality.IMAGE, Scope.ASSET, new Segment(0, 0), vector));
    }

    private static void checkImage(byte[] image) {
        if (image == null || image.length == 0) {
            throw MediaRejectedException.invalid("the image is empty");
        }
        if (image.length > MAX_IMAGE_BYTES) {
            throw MediaRejectedException.invalid("the image has " + image.length + " bytes; Marengo takes at most " + MAX_IMAGE_BYTES);
        }
        if (!MediaSniffer.isImage(image)) {
            throw MediaRejectedException.invalid("the file is not a JPEG, PNG, GIF or WebP image");
        }
    }

    @Override
    public AudioEmbedding embedAudio(AudioClip clip) {
        byte[] audio = clip.bytes();
        if (!MediaSniffer.isAudio(audio)) {
            throw MediaRejectedException.invalid("Marengo takes WAV, MP3, AAC/M4A, Ogg or FLAC audio clips; this one is none of them");
        }
        if (audio.length > settings.inlineLimitBytes()) {
            throw MediaRejectedException.invalid("the audio clip has " + audio.length + " bytes; at most " + settings.inlineLimitBytes()
                    + " can be sent to Marengo");
        }
        String reference = fingerprint(audio);
        // priced by the second: the probed duration is reserved before the start and recorded with it
        MeteredCall.Invocation invocation = new MeteredCall.Invocation(settings.marengoAsyncModel(), ModelOperation.EMBED_AUDIO,
                Subject.query(reference), Map.of(PricedUnit.MEDIA_SECOND, clip.seconds()),
                Optional.of(AsyncInvocations.requestToken("audio-query", reference, settings.marengoAsyncModel())));
        String arn = guarded(() -> invocations.start(invocation, MarengoRequests.audio(settings.marengoVersion(),
                new MediaSource.Inline(Base64.getEncoder().encodeToString(audio)))));
        long deadline = System.nanoTime() + settings.audioQueryWait().toNanos();
        AudioEmbedding answer = resumeAudio(arn);
        while (answer instanceof AudioEmbedding.Pending && System.nanoTime() < deadline) {
            sleeper.sleep(Math.min(1000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            answer = resumeAudio(arn);
        }
        return answer;
    }

    @Override
    public AudioEmbedding resumeAudio(String handle) {
        AsyncInvocations.Status status = guarded(() -> invocations.status(handle));
        if (status instanceof AsyncInvocations.Status.Completed done) {
            return MarengoResponses.media(settings.marengoVersion(), done.output()).stream()
                    .filter(e -> e.modality() == Modality.AUDIO && e.scope() == Scope.ASSET).findFirst()
                    .<AudioEmbedding>map(AudioEmbedding.Ready::new)
                    .orElseThrow(() -> MediaRejectedException.invalid("Marengo heard no sound in the audio clip"));
        }
        if (status instanceof AsyncInvocations.Status.Failed failed) {
            throw MediaRejectedException.invalid("Marengo could not embed the audio clip: " + failed.reason());
        }
        return new AudioEmbedding.Pending(handle);
    }

    /** Marengo's space is shared: text meets pictures, sound and speech; an image meets pictures; sound meets sound. */
    @Override
    public Set<Modality> comparableWith(Modality query) {
        return switch (query) {
            case TEXT -> settings.marengoVersion() == MarengoVersion.V3_0 ? Set.of(Modality.VISUAL, Modality.AUDIO, Modality.TRANSCRIPTION)
                    : Set.of(Modality.VISUAL, Modality.AUDIO);
            case VISUAL, IMAGE -> Set.of(Modality.VISUAL);
            case AUDIO -> Set.of(Modality.AUDIO);
            case TRANSCRIPTION -> Set.of(Modality.TRANSCRIPTION);
        };
    }

    private float[] invoke(ModelOperation operation, JsonObject body, Subject subject, Map<PricedUnit, Double> units) {
        MeteredCall.Invocation invocation = new MeteredCall.Invocation(settings.marengoInvokeModel(), operation, subject,
                units, Optional.empty());
        InvokeModelResponse response = guarded(() -> calls.invoke(invocation, () -> runtime.invokeModel(b -> b
                        .modelId(settings.marengoInvokeModel()).contentType("application/json").accept("application/json")
                        .body(SdkBytes.fromString(body.toString(), StandardCharsets.UTF_8))),
                r -> 0, MeteredCall.UnitReader.none()));
        return guarded(() -> MarengoResponses.single(settings.marengoVersion(), JsonDocuments.parseObject(response.body().asByteArray())));
    }

    /** A search fails as "the model is unavailable" rather than with an SDK exception. */
    private static <T> T guarded(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (BedrockCallException.Permanent e) {
            throw new AnalysisFailedException("Marengo refused the query: " + e.getMessage(), true, e.code(), e);
        } catch (BedrockCallException e) {
            throw new AnalysisFailedException("Marengo is not answering now: " + e.getMessage(), false, e.code(), e);
        } catch (MalformedAnswerException | FaultToleranceException e) {
            throw new AnalysisFailedException("Marengo is not answering now: " + e.getMessage(), false, e);
        }
    }

    /** A rough count for pricing before the answer: about four characters per token. */
    static int estimatedTokens(String text) {
        return Math.max(1, (text.length() + 3) / 4);
    }

    private static String fingerprint(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits between polls; tests pass one that does not block. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(long millis);

        Sleeper REAL = millis -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AnalysisFailedException("interrupted while waiting for Marengo", false, e);
            }
        };
    }
}
