package org.milkmobs.adapters.media.local;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.milkmobs.adapters.media.ffmpeg.FfmpegTools;
import org.milkmobs.adapters.media.ffmpeg.ProcessRunner;
import org.milkmobs.application.port.out.analysis.QueryEmbedder;
import org.milkmobs.application.port.out.media.AudioClip;
import org.milkmobs.application.port.out.media.MediaRejectedException;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Segment;

/**
 * Queries in the local model's space. An image is embedded with the same visual features as video frames,
 * so it compares with videos' visual vectors; an audio clip with the same log-mel features as a video's
 * sound, so it compares with their audio vectors. The local model has no text space: text gives nothing.
 */
public final class LocalQueryEmbedder implements QueryEmbedder {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Set<String> IMAGE_FORMATS = Set.of("png_pipe", "jpeg_pipe", "webp_pipe", "bmp_pipe", "gif", "image2",
            "tiff_pipe");

    private final FfmpegTools tools;

    public LocalQueryEmbedder(FfmpegTools tools) {
        this.tools = tools;
    }

    @Override
    public EmbeddingModel model() {
        return LocalPerceptualModel.MODEL;
    }

    @Override
    public Optional<Embedding> embedText(String text) {
        return Optional.empty();
    }

    @Override
    public Embedding embedImage(byte[] image) {
        if (image == null || image.length == 0) {
            throw rejected("the image is empty");
        }
        ProcessRunner.Result probe = ProcessRunner.run(List.of(tools.ffprobe(), "-v", "error", "-print_format", "json", "-show_format",
                "-show_streams", "-i", "pipe:0"), image, Map.of(), Duration.ofSeconds(30), 1024 * 1024);
        JsonObject format;
        try (var reader = JSON.createReader(new ByteArrayInputStream(probe.stdout()))) {
            format = probe.succeeded() ? reader.readObject().getJsonObject("format") : null;
        } catch (RuntimeException e) {
            format = null;
        }
        if (format == null || !IMAGE_FORMATS.contains(format.getString("format_name", ""))) {
            throw rejected("the upload is not an image (PNG, JPEG, WebP, GIF, BMP or TIFF)");
        }
        ProcessRunner.Result frame = ProcessRunner.run(List.of(tools.ffmpeg(), "-v", "error", "-nostdin", "-i", "pipe:0", "-frames:v", "1",
                "-vf", "scale=" + LocalPerceptualModel.FRAME_WIDTH + ":" + LocalPerceptualModel.FRAME_HEIGHT + ":flags=area,format=rgb24",
                "-f", "rawvideo", "pipe:1"), image, Map.of(), Duration.ofSeconds(30),
                LocalPerceptualModel.FRAME_WIDTH * LocalPerceptualModel.FRAME_HEIGHT * 3L);
        if (!frame.succeeded() || frame.stdout().length != LocalPerceptualModel.FRAME_WIDTH * LocalPerceptualModel.FRAME_HEIGHT * 3) {
            throw rejected("the image could not be decoded");
        }
        float[] features = new VisualFeatures().next(frame.stdout());
        return new Embedding(LocalPerceptualModel.MODEL, Modality.VISUAL, Scope.ASSET, new Segment(0, 0), VisualFeatures.embedding(features));
    }

    /** Embeds the clip's sound at once: the local model never answers pending. */
    @Override
    public AudioEmbedding embedAudio(AudioClip clip) {
        Path file = null;
        try {
            file = Files.createTempFile("milkmobs-query-", ".audio");
            Files.write(file, clip.bytes());
            ClipWindows windows = new ClipWindows(clip.seconds());
            AudioTrack sound = AudioTrack.read(tools, file, windows, tools.timeout());
            if (sound.silent()) {
                throw rejected("the audio clip is silent");
            }
            Embedding asset = LocalVideoEmbedder.audible(sound, windows).stream().filter(e -> e.scope() == Scope.ASSET).findFirst()
                    .orElseThrow(() -> rejected("no sound could be decoded from the audio clip"));
            return new AudioEmbedding.Ready(asset);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the audio clip for ffmpeg", e);
        } finally {
            deleteQuietly(file);
        }
    }

    @Override
    public AudioEmbedding resumeAudio(String handle) {
        throw new IllegalStateException("the local model embeds audio at once and hands out no pending handles");
    }

    @Override
    public Set<Modality> comparableWith(Modality query) {
        return switch (query) {
            case VISUAL, IMAGE -> Set.of(Modality.VISUAL);
            case AUDIO -> Set.of(Modality.AUDIO);
            case TEXT, TRANSCRIPTION -> Set.of();
        };
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }

    private static MediaRejectedException rejected(String detail) {
        return MediaRejectedException.invalid(detail);
    }
}
