package org.milkmobs.adapters.media.local;

import org.milkmobs.domain.embedding.EmbeddingModel;

/**
 * The offline model: perceptual features computed from the video itself (docs/adr/0007-local-analyzer.md).
 * Its vectors live in their own space and are never compared with Marengo's.
 */
public final class LocalPerceptualModel {

    public static final EmbeddingModel MODEL = new EmbeddingModel("local-perceptual-v1", 128);
    public static final String ANALYZER_ID = "local-v1";

    /** Frames sampled per second, and their size: enough for colour, layout and motion, cheap to stream. */
    static final int FRAMES_PER_SECOND = 4;
    static final int FRAME_WIDTH = 64;
    static final int FRAME_HEIGHT = 36;

    /** Length of a clip window, in seconds. */
    static final double CLIP_SECONDS = 4;

    static final int AUDIO_SAMPLE_RATE = 16_000;

    private LocalPerceptualModel() {
    }
}
