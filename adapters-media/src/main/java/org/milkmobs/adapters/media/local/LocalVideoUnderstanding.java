package org.milkmobs.adapters.media.local;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import org.milkmobs.adapters.media.ffmpeg.FfmpegTools;
import org.milkmobs.application.port.out.analysis.VideoMedia;
import org.milkmobs.application.port.out.analysis.VideoUnderstanding;
import org.milkmobs.application.port.out.storage.BlobStorage;
import org.milkmobs.application.port.out.storage.LocalCopy;
import org.milkmobs.domain.analysis.Analysis;
import org.milkmobs.domain.analysis.AudioHints;
import org.milkmobs.domain.campaign.Campaign;
import org.milkmobs.domain.video.MediaFacts;

/**
 * What the offline analyzer can honestly say about a video: the text on screen (Tesseract on key frames),
 * hints about its sound, and words for its look (dominant colours, motion; {@link LookWords}). It cannot judge participation or summarise, so the participation score is
 * absent (not zero) and there is no summary or highlight.
 */
public final class LocalVideoUnderstanding implements VideoUnderstanding {

    private final BlobStorage storage;
    private final FfmpegTools tools;
    private final TesseractOcr ocr;
    private final int ocrFrames;

    public LocalVideoUnderstanding(BlobStorage storage, FfmpegTools tools, String tesseract, String ocrLanguages, int ocrFrames) {
        this.storage = storage;
        this.tools = tools;
        this.ocr = new TesseractOcr(tesseract, ocrLanguages, Duration.ofSeconds(30));
        this.ocrFrames = ocrFrames;
    }

    @Override
    public Analysis understand(VideoMedia media, Campaign campaign, Instant now) {
        try (LocalCopy copy = storage.localCopy(media.key())) {
            Result result = understand(copy.path(), media.facts());
            return new Analysis(media.videoId(), LocalPerceptualModel.ANALYZER_ID, OptionalDouble.empty(), result.ocrText(), "",
                    List.of(), result.audio(), now, result.look());
        }
    }

    /** OCR text, audio hints and look words of a local file; the sound and the look are read while the key frames are read. */
    public Result understand(Path video, MediaFacts facts) {
        Duration timeout = tools.timeout().plusSeconds((long) (facts.durationSeconds() / 2));
        CompletableFuture<AudioHints> audio = facts.hasAudio()
                ? CompletableFuture.supplyAsync(() -> AudioTrack.read(tools, video, new ClipWindows(facts.durationSeconds()), timeout).hints())
                : CompletableFuture.completedFuture(AudioHints.NO_AUDIO);
        CompletableFuture<List<String>> look = CompletableFuture.supplyAsync(() -> LookWords.read(tools, video, timeout));
        Map<String, String> words = new LinkedHashMap<>();
        for (byte[] frame : KeyFrames.grey(tools, video, facts, ocrFrames, timeout)) {
            for (String word : ocr.words(frame)) {
                words.putIfAbsent(word.toLowerCase(Locale.ROOT), word);
            }
        }
        return new Result(String.join(" ", words.values()), audio.join(), look.join());
    }

    public record Result(String ocrText, AudioHints audio, List<String> look) {
    }
}
