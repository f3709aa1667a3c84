package org.milkmobs.adapters.media.local;

import org.milkmobs.domain.embedding.Segment;

/**
 * The fixed windows a video is cut into: {@link LocalPerceptualModel#CLIP_SECONDS} long, the last one
 * shorter; a last window under a second joins the one before it.
 */
final class ClipWindows {

    private final double duration;
    private final int count;

    ClipWindows(double durationSeconds) {
        this.duration = Math.max(durationSeconds, 0.001);
        int full = (int) Math.floor(duration / LocalPerceptualModel.CLIP_SECONDS);
        double rest = duration - full * LocalPerceptualModel.CLIP_SECONDS;
        this.count = Math.max(1, rest >= 1 || full == 0 ? full + 1 : full);
    }

    int count() {
        return count;
    }

    int indexOf(double seconds) {
        return (int) Math.max(0, Math.min(count - 1, Math.floor(seconds / LocalPerceptualModel.CLIP_SECONDS)));
    }

    Segment segment(int index) {
        double start = index * LocalPerceptualModel.CLIP_SECONDS;
        double end = index == count - 1 ? duration : start + LocalPerceptualModel.CLIP_SECONDS;
        return new Segment(start, Math.max(start, end));
    }

    double duration() {
        return duration;
    }
}
