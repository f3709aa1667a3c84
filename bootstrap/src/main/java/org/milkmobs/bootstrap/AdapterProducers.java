package org.milkmobs.bootstrap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.logging.Logger;
import java.util.Optional;
import org.milkmobs.adapters.aws.bedrock.BedrockAnalyzer;
import org.milkmobs.adapters.aws.bedrock.BedrockClients;
import org.milkmobs.adapters.aws.bedrock.BedrockSettings;
import org.milkmobs.adapters.aws.s3.S3BlobStorage;
import org.milkmobs.adapters.aws.s3.S3Settings;
import org.milkmobs.adapters.media.ffmpeg.FfmpegThumbnailExtractor;
import org.milkmobs.adapters.media.ffmpeg.FfmpegTools;
import org.milkmobs.adapters.media.ffmpeg.FfprobeAudioClipProber;
import org.milkmobs.adapters.media.ffmpeg.FfprobeMediaProber;
import org.milkmobs.adapters.media.local.FfmpegFrameFingerprinter;
import org.milkmobs.adapters.media.local.LocalQueryEmbedder;
import org.milkmobs.adapters.media.local.LocalVideoEmbedder;
import org.milkmobs.adapters.media.local.LocalVideoUnderstanding;
import org.milkmobs.adapters.media.storage.LocalDiskBlobStorage;
import org.milkmobs.application.port.out.analysis.QueryEmbedder;
import org.milkmobs.application.port.out.chat.ChatModel;
import org.milkmobs.application.port.out.chat.VideoQuestions;
import org.milkmobs.application.port.out.analysis.VideoEmbedder;
import org.milkmobs.application.port.out.analysis.VideoUnderstanding;
import org.milkmobs.application.port.out.duplicate.FrameFingerprinter;
import org.milkmobs.application.port.out.media.AudioClipProber;
import org.milkmobs.application.port.out.media.MediaLimits;
import org.milkmobs.application.port.out.media.MediaProber;
import org.milkmobs.application.port.out.media.ThumbnailExtractor;
import org.milkmobs.application.port.out.storage.BlobGrants;
import org.milkmobs.application.port.out.storage.BlobStorage;
import org.milkmobs.application.port.out.budget.PaidCallGate;
import org.milkmobs.application.port.out.usage.UsageRecorder;
import org.milkmobs.bootstrap.bedrock.BedrockConfiguration;
import org.milkmobs.bootstrap.bedrock.FaultTolerantBedrockCalls;
import org.milkmobs.bootstrap.config.Settings;
import org.milkmobs.domain.budget.Budget;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/** Chooses and builds the adapters that configuration selects: the blob store, the media tools, the analyzer. */
@ApplicationScoped
public class AdapterProducers {

    private static final Logger LOG = Logger.getLogger(AdapterProducers.class.getName());

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Inject
    FfmpegTools tools;

    @Inject
    BedrockConfiguration bedrockConfiguration;

    @Inject
    FaultTolerantBedrockCalls bedrockCalls;

    @Inject
    UsageRecorder usage;

    @Inject
    PaidCallGate budget;

    @Inject
    Budget budgetRules;

    private BlobStorage storage;
    private BlobGrants grants;
    private Boolean bedrockChosen;
    private BedrockAnalyzer bedrockAnalyzer;
    private BedrockClients bedrockClients;

    /** The SDK clients hold connection pools and threads; a redeploy would otherwise leak them. */
    @PreDestroy
    synchronized void closeClients() {
        if (bedrockClients != null) {
            bedrockClients.close();
        }
        if (storage instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.log(java.util.logging.Level.WARNING, "closing the blob store's clients failed", e);
            }
        }
    }

    /** The configured store: {@code storage.backend=local} (the default) or {@code s3}. */
    private synchronized void openStorage() {
        if (storage != null) {
            return;
        }
        String backend = settings.text("storage.backend");
        switch (backend) {
            case "local" -> {
                LocalDiskBlobStorage local = new LocalDiskBlobStorage(settings.path("storage.local.root"), signingKey(), clock);
                storage = local;
                grants = local;
            }
            case "s3" -> {
                storage = S3BlobStorage.create(new S3Settings(settings.text("storage.s3.bucket"), settings.text("storage.s3.region"),
                        settings.optionalText("storage.s3.endpoint").map(URI::create), settings.flag("storage.s3.path-style"),
                        settings.flag("storage.s3.create-bucket"), settings.path("milkmobs.data-dir").resolve("tmp")),
                        DefaultCredentialsProvider.builder().build());
                grants = (token, action) -> {
                    throw new BlobGrants.InvalidGrantException(BlobGrants.InvalidGrantException.Reason.MALFORMED,
                            "files are served by S3 here; this server issues no storage URLs");
                };
            }
            default -> throw new IllegalStateException("storage.backend must be 'local' or 's3', got '" + backend + "'");
        }
        LOG.info(() -> "blob storage: " + backend);
    }

    @Produces
    @Singleton
    BlobStorage blobStorage() {
        openStorage();
        return storage;
    }

    @Produces
    @Singleton
    BlobGrants blobGrants() {
        openStorage();
        return grants;
    }

    @Produces
    @Singleton
    MediaProber mediaProber(MediaLimits limits) {
        return new FfprobeMediaProber(tools, limits);
    }

    @Produces
    @Singleton
    AudioClipProber audioClipProber() {
        return new FfprobeAudioClipProber(tools, settings.decimal("search.audio.max-seconds"));
    }

    @Produces
    @Singleton
    ThumbnailExtractor thumbnailExtractor() {
        return new FfmpegThumbnailExtractor(tools);
    }

    @Produces
    @Singleton
    VideoUnderstanding videoUnderstanding(BlobStorage blobs) {
        return bedrock(blobs).map(BedrockAnalyzer::understanding).orElseGet(() -> new LocalVideoUnderstanding(blobs, tools,
                settings.text("media.tesseract"), settings.text("media.ocr-languages"), settings.integer("media.ocr-frames")));
    }

    @Produces
    @Singleton
    VideoEmbedder videoEmbedder(BlobStorage blobs) {
        return bedrock(blobs).map(BedrockAnalyzer::embedder).orElseGet(() -> new LocalVideoEmbedder(blobs, tools));
    }

    /**
     * The picture fingerprint from ffmpeg, whichever analyzer is chosen: the embed step asks for it only when the
     * embedder made none (Marengo), the local analyzer making its own in its single pass over the frames (ADR 0030).
     */
    @Produces
    @Singleton
    FrameFingerprinter frameFingerprinter(BlobStorage blobs) {
        return new FfmpegFrameFingerprinter(blobs, tools);
    }

    @Produces
    @Singleton
    QueryEmbedder queryEmbedder(BlobStorage blobs) {
        return bedrock(blobs).map(BedrockAnalyzer::queries).orElseGet(() -> new LocalQueryEmbedder(tools));
    }

    /** The gateway's text models: Bedrock's Converse, or none with the local analyzer. */
    @Produces
    @Singleton
    Optional<ChatModel> chatModel(BlobStorage blobs) {
        return bedrock(blobs).map(BedrockAnalyzer::chat);
    }

    /** Pegasus answering the gateway's questions about stored videos, or none with the local analyzer. */
    @Produces
    @Singleton
    Optional<VideoQuestions> videoQuestions(BlobStorage blobs) {
        return bedrock(blobs).map(BedrockAnalyzer::videoQuestions);
    }

    /**
     * The Bedrock analyzer when {@code analyzer} is {@code bedrock}, or {@code auto} (the default) with
     * {@code bedrock.output-uri} set; otherwise empty, and the offline local analyzer serves.
     */
    private synchronized Optional<BedrockAnalyzer> bedrock(BlobStorage blobs) {
        if (bedrockChosen == null) {
            String analyzer = settings.text("analyzer");
            boolean configured = settings.optionalText("bedrock.output-uri").isPresent();
            bedrockChosen = switch (analyzer) {
                case "bedrock" -> true;
                case "local" -> false;
                case "auto" -> configured;
                default -> throw new IllegalStateException("analyzer must be 'auto', 'local' or 'bedrock', got '" + analyzer + "'");
            };
            if (bedrockChosen) {
                BedrockSettings bedrockSettings = bedrockConfiguration.settings(settings.text("storage.backend").equals("s3")
                        ? Optional.of(settings.text("storage.s3.region")) : Optional.empty(), settings.optionalText("storage.s3.bucket"));
                bedrockClients = BedrockClients.create(bedrockSettings, DefaultCredentialsProvider.builder().build());
                bedrockAnalyzer = new BedrockAnalyzer(bedrockSettings, bedrockClients, blobs, bedrockCalls, usage, budget,
                        budgetRules.prices(), clock);
            }
            LOG.info(() -> "analyzer: " + (bedrockChosen ? "bedrock" : "local (offline)"));
        }
        return Optional.ofNullable(bedrockAnalyzer);
    }

    /**
     * The key that signs the local store's URLs: {@code storage.local.signing-key} (base64) when set, which
     * every instance sharing the disk must use; otherwise one made once and kept in the data folder.
     */
    private byte[] signingKey() {
        var configured = settings.optionalText("storage.local.signing-key");
        if (configured.isPresent()) {
            return Base64.getDecoder().decode(configured.get());
        }
        Path file = settings.path("milkmobs.data-dir").resolve("storage-signing.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Path temporary = Files.createTempFile(file.getParent(), "key", ".tmp");
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // the file system has no POSIX permissions; the folder's own access rules apply
                }
                Files.write(temporary, Base64.getEncoder().encode(key));
                Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the storage signing key " + file, e);
        }
    }
}
