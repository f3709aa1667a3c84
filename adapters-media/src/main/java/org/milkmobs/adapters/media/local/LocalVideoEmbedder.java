package org.milkmobs.adapters.media.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.milkmobs.adapters.media.ffmpeg.FfmpegTools;
import org.milkmobs.application.port.out.analysis.AnalysisFailedException;
import org.milkmobs.application.port.out.analysis.VideoEmbedder;
import org.milkmobs.application.port.out.analysis.UploadedMedia;
import org.milkmobs.application.port.out.analysis.VideoMedia;
import org.milkmobs.application.port.out.media.MediaRejectedException;
import org.milkmobs.application.port.out.storage.BlobStorage;
import org.milkmobs.application.port.out.storage.LocalCopy;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.embedding.Vectors;
import org.milkmobs.domain.video.Fingerprint;
import org.milkmobs.domain.video.MediaFacts;

/**
 * Perceptual embeddings computed from the video itself, offline: visual clips (colour, layout, structure,
 * motion) and audio clips (log-mel spectra), each with an asset embedding over the whole video. Silent
 * audio gets no audio embeddings. Frames and sound are decoded concurrently, each streamed once. The same frames give
 * the video's {@link Fingerprint} (a luma grid per second, ADR 0030), which the near-duplicate rule compares.
 */
public final class LocalVideoEmbedder implements VideoEmbedder {

    private final BlobStorage storage;
    private final FfmpegTools tools;

    public LocalVideoEmbedder(BlobStorage storage, FfmpegTools tools) {
        this.storage = storage;
        this.tools = tools;
    }

    @Override
    public EmbeddingModel model() {
        return LocalPerceptualModel.MODEL;
    }

    @Override
    public Progress embed(VideoMedia media, Map<String, String> state) {
        try (LocalCopy copy = storage.localCopy(media.key())) {
            Analysis analysis = analyse(copy.path(), media.facts());
            return new Progress.Done(analysis.embeddings(), analysis.fingerprint());
        }
    }

    /**
     * A video uploaded through the gateway: embedded here, for nothing. An audio file alone is refused: the local model's sound
     * embeddings come with a video's frames (its clips are the video's windows), and it has no speech space.
     */
    @Override
    public Progress embedUpload(UploadedMedia media, Map<String, String> state) {
        if (media.kind() == UploadedMedia.Kind.AUDIO) {
            throw MediaRejectedException.invalid("the local model (" + model().id() + ") embeds videos, their pictures and their sound;"
                    + " an audio file alone needs Marengo on Amazon Bedrock (configure bedrock.output-uri with AWS credentials)");
        }
        MediaFacts facts = media.videoFacts().orElseThrow(() -> new IllegalArgumentException("the local model needs the video's probed facts"));
        try (LocalCopy copy = storage.localCopy(media.key())) {
            return new Progress.Done(embed(copy.path(), facts)); // the gateway's caller gets vectors, not a fingerprint
        }
    }

    /** The embeddings of a local file. */
    public List<Embedding> embed(Path video, MediaFacts facts) {
        return analyse(video, facts).embeddings();
    }

    /** What the local model makes of a video: its embeddings and its picture's fingerprint. */
    public record Analysis(List<Embedding> embeddings, Optional<Fingerprint> fingerprint) {
        public Analysis {
            embeddings = List.copyOf(embeddings);
        }
    }

    /** The embeddings and the fingerprint of a local file. */
    public Analysis analyse(Path video, MediaFacts facts) {
        ClipWindows windows = new ClipWindows(facts.durationSeconds());
        Duration timeout = tools.timeout().plusSeconds((long) (facts.durationSeconds() / 2));
        CompletableFuture<AudioTrack> audio = facts.hasAudio()
                ? CompletableFuture.supplyAsync(() -> AudioTrack.read(tools, video, windows, timeout))
                : CompletableFuture.completedFuture(null);
        FrameTrack.Sums frames = FrameTrack.read(tools, video, windows, timeout);
        AudioTrack sound;
        try {
            sound = audio.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
        List<Embedding> embeddings = new ArrayList<>(visual(frames, windows));
        if (sound != null && !sound.silent()) {
            embeddings.addAll(audible(sound, windows));
        }
        if (embeddings.isEmpty()) {
            throw new AnalysisFailedException("ffmpeg decoded no frames from the video", true);
        }
        return new Analysis(embeddings, frames.fingerprint());
    }

    private static List<Embedding> visual(FrameTrack.Sums sums, ClipWindows windows) {
        List<float[]> clipVectors = new ArrayList<>();
        List<Embedding> embeddings = new ArrayList<>();
        for (int w = 0; w < windows.count(); w++) {
            if (sums.frames()[w] == 0) {
                continue;
            }
            float[] mean = new float[VisualFeatures.DIMENSION];
            for (int i = 0; i < mean.length; i++) {
                mean[i] = (float) (sums.features()[w][i] / sums.frames()[w]);
            }
            float[] vector = VisualFeatures.embedding(mean);
            if (Vectors.dot(vector, vector) == 0) {
                continue; // a blank window has no direction to compare
            }
            clipVectors.add(vector);
            embeddings.add(new Embedding(LocalPerceptualModel.MODEL, Modality.VISUAL, Scope.CLIP, windows.segment(w), vector));
        }
        float[] asset = Vectors.normalised(Vectors.mean(clipVectors.isEmpty() ? List.of(new float[VisualFeatures.DIMENSION]) : clipVectors));
        if (Vectors.dot(asset, asset) > 0) {
            embeddings.add(new Embedding(LocalPerceptualModel.MODEL, Modality.VISUAL, Scope.ASSET,
                    new Segment(0, windows.duration()), asset));
        }
        return embeddings;
    }

    static List<Embedding> audible(AudioTrack sound, ClipWindows windows) {
        List<float[]> clipVectors = new ArrayList<>();
        List<Embedding> embeddings = new ArrayList<>();
        for (int w = 0; w < windows.count(); w++) {
            if (sound.frames[w] == 0) {
                continue;
            }
            float[] vector = AudioFeatures.embedding(sound.bandSums[w], sound.bandSquares[w], sound.frames[w]);
            if (Vectors.dot(vector, vector) == 0) {
                continue; // a silent window has no direction to compare
            }
            clipVectors.add(vector);
            embeddings.add(new Embedding(LocalPerceptualModel.MODEL, Modality.AUDIO, Scope.CLIP, windows.segment(w), vector));
        }
        float[] asset = Vectors.normalised(Vectors.mean(clipVectors.isEmpty() ? List.of(new float[AudioFeatures.DIMENSION]) : clipVectors));
        if (Vectors.dot(asset, asset) > 0) {
            embeddings.add(new Embedding(LocalPerceptualModel.MODEL, Modality.AUDIO, Scope.ASSET,
                    new Segment(0, windows.duration()), asset));
        }
        return embeddings;
    }
}
