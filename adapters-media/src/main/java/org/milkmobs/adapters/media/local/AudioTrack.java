package org.milkmobs.adapters.media.local;

import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.milkmobs.adapters.media.ffmpeg.FfmpegTools;
import org.milkmobs.adapters.media.ffmpeg.ProcessRunner;
import org.milkmobs.domain.analysis.AudioHints;

/**
 * Streams a video's sound as 16 kHz mono PCM from ffmpeg and keeps, per clip window, the sums of its
 * log-mel bands; and over the whole track, what the silence check and the speech/music hints need.
 */
final class AudioTrack {

    /** A frame louder than this (dBFS) counts as sound for the hints. */
    private static final double ACTIVE_DBFS = -45;

    final double[][] bandSums;
    final double[][] bandSquares;
    final long[] frames;
    private final List<Double> activeDbfs = new ArrayList<>();
    private final List<Double> activeFlatness = new ArrayList<>();
    private long totalFrames;
    private double loudness = Double.NEGATIVE_INFINITY;

    private AudioTrack(int windows) {
        bandSums = new double[windows][AudioFeatures.BANDS];
        bandSquares = new double[windows][AudioFeatures.BANDS];
        frames = new long[windows];
    }

    static AudioTrack read(FfmpegTools tools, Path video, ClipWindows windows, Duration timeout) {
        List<String> command = List.of(tools.ffmpeg(), "-v", "error", "-nostdin", "-i", video.toAbsolutePath().toString(),
                "-vn", "-sn", "-dn", "-ac", "1", "-ar", Integer.toString(LocalPerceptualModel.AUDIO_SAMPLE_RATE),
                "-f", "s16le", "pipe:1");
        return ProcessRunner.stream(command, timeout, stdout -> {
            AudioTrack track = new AudioTrack(windows.count());
            AudioFeatures features = new AudioFeatures();
            InputStream in = new BufferedInputStream(stdout, 64 * 1024);
            byte[] bytes = new byte[8192];
            double[] samples = new double[bytes.length / 2];
            int carry = -1;
            int read;
            while ((read = in.read(bytes)) != -1) {
                int count = 0;
                int i = 0;
                if (carry >= 0 && read > 0) {
                    samples[count++] = (short) ((bytes[0] << 8) | carry) / 32768.0;
                    carry = -1;
                    i = 1;
                }
                for (; i + 1 < read; i += 2) {
                    samples[count++] = (short) ((bytes[i + 1] << 8) | (bytes[i] & 0xFF)) / 32768.0;
                }
                if (i < read) {
                    carry = bytes[i] & 0xFF;
                }
                features.accept(samples, count, (seconds, frame) -> track.add(windows.indexOf(seconds), frame));
            }
            track.loudness = features.loudnessDbfs();
            return track;
        });
    }

    private void add(int window, AudioFeatures.Frame frame) {
        double[] mel = frame.mel();
        for (int b = 0; b < mel.length; b++) {
            bandSums[window][b] += mel[b];
            bandSquares[window][b] += mel[b] * mel[b];
        }
        frames[window]++;
        totalFrames++;
        if (frame.dbfs() > ACTIVE_DBFS) {
            activeDbfs.add(frame.dbfs());
            activeFlatness.add(frame.flatness());
        }
    }

    boolean silent() {
        return loudness < AudioFeatures.SILENCE_DBFS;
    }

    /**
     * Heuristic hints, honest about being heuristics: speech comes in bursts (sound most but not all of the
     * time, with a strongly varying level) and is neither a pure tone nor noise; music is sound nearly all
     * the time, at a steadier level, and tonal (low spectral flatness).
     */
    AudioHints hints() {
        if (silent() || totalFrames == 0) {
            return AudioHints.NO_AUDIO;
        }
        double activeFraction = (double) activeDbfs.size() / totalFrames;
        double levelSpread = standardDeviation(activeDbfs);
        double flatness = median(activeFlatness);
        boolean speech = activeFraction > 0.3 && activeFraction < 0.97 && levelSpread > 5 && flatness > 0.01 && flatness < 0.5;
        boolean music = activeFraction >= 0.9 && levelSpread <= 6 && flatness < 0.1;
        return new AudioHints(false, speech, music);
    }

    private static double standardDeviation(List<Double> values) {
        if (values.size() < 2) {
            return 0;
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return Math.sqrt(values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (values.size() - 1));
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 1;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }
}
