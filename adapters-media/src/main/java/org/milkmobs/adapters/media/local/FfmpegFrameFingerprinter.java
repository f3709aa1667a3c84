package org.milkmobs.adapters.media.local;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import org.milkmobs.adapters.media.ffmpeg.FfmpegTools;
import org.milkmobs.adapters.media.ffmpeg.ProcessRunner;
import org.milkmobs.application.port.out.analysis.AnalysisFailedException;
import org.milkmobs.application.port.out.analysis.VideoMedia;
import org.milkmobs.application.port.out.duplicate.FrameFingerprinter;
import org.milkmobs.application.port.out.storage.BlobStorage;
import org.milkmobs.application.port.out.storage.LocalCopy;
import org.milkmobs.domain.video.Fingerprint;

/**
 * The picture fingerprint (ADR 0030) of a stored video, from its frames decoded by ffmpeg: the same code and the same
 * frames as the local analyzer's ({@link FrameTrack}), so a fingerprint made here compares with one made there. It
 * serves the analyzers that make none (Marengo); ffmpeg decodes only the small sampled frames, no model is called.
 */
public final class FfmpegFrameFingerprinter implements FrameFingerprinter {

    private final BlobStorage storage;
    private final FfmpegTools tools;

    public FfmpegFrameFingerprinter(BlobStorage storage, FfmpegTools tools) {
        this.storage = storage;
        this.tools = tools;
    }

    @Override
    public Optional<Fingerprint> fingerprint(VideoMedia media) {
        Duration timeout = tools.timeout().plusSeconds((long) (media.facts().durationSeconds() / 2));
        try (LocalCopy copy = storage.localCopy(media.key())) {
            return FrameTrack.fingerprint(tools, copy.path(), timeout);
        } catch (ProcessRunner.TimeoutException | UncheckedIOException e) {
            throw new AnalysisFailedException("the frames of video " + media.videoId() + " could not be read (for now): " + e.getMessage(),
                    false, e);
        } catch (IllegalStateException e) { // ffmpeg's non-zero exit, or an interrupt
            if (Thread.currentThread().isInterrupted()) {
                throw e;
            }
            throw new AnalysisFailedException("ffmpeg cannot decode the frames of video " + media.videoId() + ": " + e.getMessage(), true, e);
        }
    }
}
