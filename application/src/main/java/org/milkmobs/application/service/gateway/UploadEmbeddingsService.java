package org.milkmobs.application.service.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.milkmobs.application.port.in.gateway.GatewayRefusedException;
import org.milkmobs.application.port.in.gateway.GatewayRefusedException.Reason;
import org.milkmobs.application.port.in.gateway.GatewayUseCase.VideoVector;
import org.milkmobs.application.port.in.gateway.UploadEmbeddingsUseCase;
import org.milkmobs.application.port.out.ListVideosPort;
import org.milkmobs.application.port.out.Transactions;
import org.milkmobs.application.port.out.analysis.AnalysisFailedException;
import org.milkmobs.application.port.out.analysis.UploadedMedia;
import org.milkmobs.application.port.out.analysis.VideoEmbedder;
import org.milkmobs.application.port.out.embedding.EmbeddingStore;
import org.milkmobs.application.port.out.gateway.VideoEmbeddingJobs;
import org.milkmobs.application.port.out.gateway.VideoEmbeddingJobs.JobStatus;
import org.milkmobs.application.port.out.gateway.VideoEmbeddingJobs.VideoEmbeddingJob;
import org.milkmobs.application.port.out.media.AudioClip;
import org.milkmobs.application.port.out.media.AudioClipProber;
import org.milkmobs.application.port.out.media.MediaProber;
import org.milkmobs.application.port.out.media.MediaRejectedException;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.application.port.out.storage.BlobStorage;
import org.milkmobs.domain.apikey.ApiKey;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.video.ContentHash;
import org.milkmobs.domain.video.MediaFacts;
import org.milkmobs.domain.video.VideoId;

/**
 * Embeds an uploaded video or audio file for a gateway key with the pipeline's embedder (Marengo's asynchronous invocation,
 * or the local model), and never pays twice for the same content: a catalogue video or an earlier upload with the
 * same bytes answers from what is stored, a repeated upload of a running job is that job, and another key's running
 * job is shared (its invocation polled, not started again). A job advances when it is asked about: the upload waits
 * a little for it, then the caller polls. Not in one transaction: no transaction waits on Bedrock.
 */
public class UploadEmbeddingsService implements UploadEmbeddingsUseCase {

    /** No video: what a catalogue lookup excludes when nothing is to be excluded. */
    private static final VideoId NO_VIDEO = new VideoId(new UUID(0, 0));

    private final VideoEmbedder embedder;
    private final MediaProber videos;
    private final AudioClipProber sounds;
    private final BlobStorage blobs;
    private final VideoEmbeddingJobs jobs;
    private final ListVideosPort catalogue;
    private final EmbeddingStore embeddings;
    private final Settings settings;
    private final Transactions transactions;
    private final Clock clock;
    private final Pause pause;

    /**
     * @param maxBytes the largest file taken
     * @param wait how long an upload waits for its vectors before it answers with a job to poll
     * @param pollEvery how often a waiting upload asks the embedder
     */
    public record Settings(long maxBytes, Duration waitFor, Duration pollEvery) {
        public Settings {
            if (maxBytes < 1) {
                throw new IllegalArgumentException("gateway.video.max-bytes must be positive");
            }
            Objects.requireNonNull(waitFor, "waitFor");
            if (pollEvery.isNegative() || pollEvery.isZero()) {
                throw new IllegalArgumentException("gateway.video.poll-every must be positive");
            }
        }
    }

    /** Waits between polls; tests pass one that moves their clock instead. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration);

        Pause SLEEP = duration -> {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    public UploadEmbeddingsService(VideoEmbedder embedder, MediaProber videos, AudioClipProber sounds, BlobStorage blobs,
                                   VideoEmbeddingJobs jobs, ListVideosPort catalogue, EmbeddingStore embeddings, Settings settings,
                                   Transactions transactions, Clock clock, Pause pause) {
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.videos = Objects.requireNonNull(videos, "videos");
        this.sounds = Objects.requireNonNull(sounds, "sounds");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.embeddings = Objects.requireNonNull(embeddings, "embeddings");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pause = Objects.requireNonNull(pause, "pause");
    }

    @Override
    public long maxBytes() {
        return settings.maxBytes();
    }

    @Override
    public Answer embed(ApiKey key, String model, Path file) {
        if (!embedder.model().id().equals(model)) {
            throw new GatewayRefusedException(Reason.MODEL_NOT_FOUND, "model", "The model '" + model + "' does not embed videos here; "
                    + embedder.model().id() + " does (GET /v1/models)");
        }
        Probed probed = probe(file);
        List<VideoEmbeddingJob> mine = transactions.inTransaction(() -> jobs.ofKey(key.id(), model, probed.hash()));
        Optional<VideoEmbeddingJob> live = mine.stream().filter(j -> j.status() != JobStatus.FAILED).findFirst();
        if (live.isPresent()) {
            return awaited(live.get(), Source.EARLIER_UPLOAD, 0);
        }
        Optional<Answer> stored = catalogued(model, probed);
        if (stored.isPresent()) {
            return stored.get();
        }
        UploadedMedia media = probed.media(key.id(), jobId(key, model, probed.hash(), mine.size()));
        Optional<VideoEmbeddingJob> other = transactions.inTransaction(() -> jobs.anyUsable(model, probed.hash()));
        if (other.isPresent() && other.get().status() == JobStatus.DONE) {
            // another key's job: its vectors, not its id
            return answer(Optional.empty(), other.get(), Source.EARLIER_UPLOAD, 0);
        }
        if (other.isPresent()) {
            VideoEmbeddingJob shared = VideoEmbeddingJob.running(media.jobId(), media, model, other.get().state(), clock.instant());
            return awaited(stored(shared), Source.EARLIER_UPLOAD, 0);
        }
        return awaited(stored(start(media, model, file)), Source.EMBEDDED, media.seconds());
    }

    @Override
    public Answer job(ApiKey key, String jobId) {
        VideoEmbeddingJob job = transactions.inTransaction(() -> jobs.byId(jobId)).filter(j -> j.apiKeyId().equals(key.id()))
                .orElseThrow(() -> new GatewayRefusedException(Reason.NOT_FOUND, "job_id", "No video embeddings job " + jobId
                        + " of this API key"));
        return answer(Optional.of(job.id()), advance(job), Source.EMBEDDED, 0);
    }

    /** The catalogue's vectors of a video with these bytes, made by this model. */
    private Optional<Answer> catalogued(String model, Probed probed) {
        return transactions.inTransaction(() -> catalogue.findAnalysedByContent(probed.hash(), NO_VIDEO)
                .map(video -> embeddings.findEmbeddings(video, embedder.model())))
                .filter(vectors -> !vectors.isEmpty())
                .map(vectors -> new Answer(Optional.empty(), model, Status.COMPLETED, Source.CATALOGUE, kind(probed.kind()), probed.seconds(), 0,
                        vectors(vectors), Optional.empty(), clock.instant()));
    }

    /** Has the embedder start (paid, under the key's budget); the file is stored for it first. */
    private VideoEmbeddingJob start(UploadedMedia media, String model, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            blobs.write(media.key(), in, media.sizeBytes(), media.kind() == UploadedMedia.Kind.VIDEO ? "video/mp4" : "audio/mpeg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        VideoEmbedder.Progress progress;
        try {
            progress = embedder.embedUpload(media, Map.of());
        } catch (MediaRejectedException e) {
            blobs.delete(media.key());
            throw new GatewayRefusedException(Reason.INVALID_INPUT, "file", e.getMessage());
        } catch (RuntimeException e) {
            blobs.delete(media.key());
            throw e;
        }
        if (progress instanceof VideoEmbedder.Progress.Done done) {
            blobs.delete(media.key());
            return VideoEmbeddingJob.done(media.jobId(), media, model, done.embeddings(), clock.instant());
        }
        return VideoEmbeddingJob.running(media.jobId(), media, model, ((VideoEmbedder.Progress.Pending) progress).state(), clock.instant());
    }

    /** The job as stored; an identical upload that raced this one stored its own first, with the same id and invocation. */
    private VideoEmbeddingJob stored(VideoEmbeddingJob job) {
        return transactions.inTransaction(() -> jobs.add(job) ? job : jobs.byId(job.id()).orElseThrow());
    }

    /** The job once done, or as it is after the short wait. */
    private Answer awaited(VideoEmbeddingJob job, Source source, double paid) {
        Instant deadline = clock.instant().plus(settings.waitFor());
        VideoEmbeddingJob now = advance(job);
        while (now.status() == JobStatus.RUNNING && clock.instant().isBefore(deadline)) {
            Duration left = Duration.between(clock.instant(), deadline);
            pause.pause(left.compareTo(settings.pollEvery()) < 0 ? left : settings.pollEvery());
            now = advance(now);
        }
        return answer(Optional.of(now.id()), now, source, paid);
    }

    /** Asks the embedder once about a running job (free: the invocation was paid when it started) and keeps what it says. */
    private VideoEmbeddingJob advance(VideoEmbeddingJob job) {
        if (job.status() != JobStatus.RUNNING) {
            return job;
        }
        UploadedMedia media = new UploadedMedia(BlobKey.gatewayUpload(job.content()), job.kind(), job.mediaSeconds(), job.sizeBytes(),
                job.content(), Optional.empty(), job.apiKeyId(), job.id());
        try {
            VideoEmbedder.Progress progress = embedder.embedUpload(media, job.state());
            if (progress instanceof VideoEmbedder.Progress.Done done) {
                transactions.inTransaction(() -> {
                    jobs.complete(job.id(), done.embeddings(), clock.instant());
                    return null;
                });
                blobs.delete(media.key());
            } else if (!((VideoEmbedder.Progress.Pending) progress).state().equals(job.state())) {
                transactions.inTransaction(() -> {
                    jobs.updateState(job.id(), ((VideoEmbedder.Progress.Pending) progress).state(), clock.instant());
                    return null;
                });
            } else {
                return job;
            }
        } catch (AnalysisFailedException e) {
            if (!e.permanent()) {
                return job;  // asked again at the next poll
            }
            transactions.inTransaction(() -> {
                jobs.fail(job.id(), e.getMessage(), clock.instant());
                return null;
            });
            blobs.delete(media.key());
        }
        return transactions.inTransaction(() -> jobs.byId(job.id())).orElseThrow();
    }

    private Answer answer(Optional<String> id, VideoEmbeddingJob job, Source source, double paid) {
        Status status = job.status() == JobStatus.DONE ? Status.COMPLETED : job.status() == JobStatus.FAILED ? Status.FAILED : Status.IN_PROGRESS;
        return new Answer(id, job.model(), status, source, kind(job.kind()), job.mediaSeconds(), paid, vectors(job.vectors()), job.failure(),
                job.createdAt());
    }

    private static List<VideoVector> vectors(List<Embedding> embeddings) {
        return embeddings.stream().map(e -> new VideoVector(e.modality().name().toLowerCase(Locale.ROOT), e.scope().name().toLowerCase(Locale.ROOT),
                e.segment().startSeconds(), e.segment().endSeconds(), e.vector())).toList();
    }

    private static String kind(UploadedMedia.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The job of this key, model and content: the same id for the same upload (so a concurrent identical upload is the same job and
     * the same invocation at Bedrock), a new one after each failure.
     */
    static String jobId(ApiKey key, String model, ContentHash content, int earlierJobs) {
        return "vemb_" + sha256((key.id() + "|" + model + "|" + content + "|" + earlierJobs).getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }

    /** What the file is, by its content: a video, else an audio file; anything else is refused before anything is paid. */
    private Probed probe(Path file) {
        long size = size(file);
        if (size == 0) {
            throw new GatewayRefusedException(Reason.INVALID_INPUT, "file", "the file is empty");
        }
        if (size > settings.maxBytes()) {
            throw new GatewayRefusedException(Reason.INVALID_INPUT, "file", "the file has " + size + " bytes; at most " + settings.maxBytes()
                    + " are taken (gateway.video.max-bytes)");
        }
        ContentHash hash = new ContentHash(sha256(file));
        MediaFacts facts;
        try {
            facts = videos.probe(file);
        } catch (MediaRejectedException notVideo) {
            // a file with sound and no picture is an audio file; every other refusal is the video prober's reason
            if (!notVideo.getMessage().contains("no video stream")) {
                throw new GatewayRefusedException(Reason.INVALID_INPUT, "file", "the file is not a usable video or audio file: "
                        + notVideo.getMessage());
            }
            return audio(file, size, hash, notVideo);
        }
        return new Probed(UploadedMedia.Kind.VIDEO, facts.durationSeconds(), size, hash, Optional.of(facts));
    }

    private Probed audio(Path file, long size, ContentHash hash, MediaRejectedException notVideo) {
        AudioClip clip;
        try {
            clip = sounds.probe(Files.readAllBytes(file));
        } catch (MediaRejectedException notAudio) {
            throw new GatewayRefusedException(Reason.INVALID_INPUT, "file", "the file is not a usable video or audio file: "
                    + (notVideo.getMessage().contains("has audio") ? notAudio.getMessage() : notVideo.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Probed(UploadedMedia.Kind.AUDIO, clip.seconds(), size, hash, Optional.empty());
    }

    private record Probed(UploadedMedia.Kind kind, double seconds, long size, ContentHash hash, Optional<MediaFacts> facts) {
        UploadedMedia media(String apiKeyId, String jobId) {
            return new UploadedMedia(BlobKey.gatewayUpload(hash), kind, seconds, size, hash, facts, apiKeyId, jobId);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
