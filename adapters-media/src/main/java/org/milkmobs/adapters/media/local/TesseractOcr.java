package org.milkmobs.adapters.media.local;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.milkmobs.adapters.media.ffmpeg.ProcessRunner;

/**
 * On-screen text with Tesseract, run as a subprocess on an image given through stdin. Sparse-text mode
 * suits captions over video; words below {@link #MIN_CONFIDENCE} are dropped, since patterns and textures
 * read as confident-looking garbage otherwise.
 */
final class TesseractOcr {

    static final int MIN_CONFIDENCE = 70;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'&-]*[\\p{L}\\p{N}]|[\\p{L}\\p{N}]{2,}");

    private final String tesseract;
    private final String languages;
    private final Duration timeout;

    TesseractOcr(String tesseract, String languages, Duration timeout) {
        this.tesseract = tesseract;
        this.languages = languages;
        this.timeout = timeout;
    }

    /** The confident words of an image (any format Leptonica reads, e.g. PGM), in reading order. */
    List<String> words(byte[] image) {
        ProcessRunner.Result result = ProcessRunner.run(List.of(tesseract, "stdin", "stdout", "--psm", "11", "-l", languages, "tsv"),
                image, Map.of("OMP_THREAD_LIMIT", "1"), timeout, 1024 * 1024);
        if (!result.succeeded()) {
            throw new IllegalStateException("tesseract failed: " + result.firstError());
        }
        List<String> words = new ArrayList<>();
        String[] lines = new String(result.stdout(), StandardCharsets.UTF_8).split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] columns = lines[i].split("\t");
            if (columns.length < 12) {
                continue;
            }
            double confidence;
            try {
                confidence = Double.parseDouble(columns[10]);
            } catch (NumberFormatException e) {
                continue;
            }
            var matcher = WORD.matcher(columns[11].strip());
            if (confidence >= MIN_CONFIDENCE && matcher.find()) {
                words.add(matcher.group());
            }
        }
        return words;
    }
}
