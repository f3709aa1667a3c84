package org.milkmobs.application.service.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkmobs.application.port.in.gateway.GatewayRefusedException;
import org.milkmobs.application.port.in.gateway.GatewayRefusedException.Reason;
import org.milkmobs.application.port.in.gateway.UploadEmbeddingsUseCase.Answer;
import org.milkmobs.application.port.in.gateway.UploadEmbeddingsUseCase.Source;
import org.milkmobs.application.port.in.gateway.UploadEmbeddingsUseCase.Status;
import org.milkmobs.application.port.out.ListVideosPort;
import org.milkmobs.application.port.out.analysis.AnalysisFailedException;
import org.milkmobs.application.port.out.analysis.UploadedMedia;
import org.milkmobs.application.port.out.analysis.VideoEmbedder;
import org.milkmobs.application.port.out.analysis.VideoMedia;
import org.milkmobs.application.port.out.budget.BudgetExhaustedException;
import org.milkmobs.application.port.out.media.AudioClip;
import org.milkmobs.application.port.out.media.MediaRejectedException;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.application.testing.InMemoryBlobStorage;
import org.milkmobs.application.testing.InMemoryEmbeddingStore;
import org.milkmobs.application.testing.InMemoryVideoEmbeddingJobs;
import org.milkmobs.application.testing.TestClock;
import org.milkmobs.domain.apikey.ApiKey;
import org.milkmobs.domain.apikey.ApiKeySecret;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.video.ContentHash;
import org.milkmobs.domain.video.MediaFacts;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

/** Uploaded files embedded through the gateway, on the in-memory twins and a scripted asynchronous embedder. */
class UploadEmbeddingsServiceTest {

    private static final String MARENGO = EmbeddingModel.MARENGO_3.id();

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2026-03-01T10:15:00Z");
    private final InMemoryVideoEmbeddingJobs jobs = new InMemoryVideoEmbeddingJobs();
    private final InMemoryBlobStorage blobs = new InMemoryBlobStorage();
    private final InMemoryEmbeddingStore embeddings = new InMemoryEmbeddingStore();
    private final Map<ContentHash, VideoId> catalogue = new HashMap<>();
    private final ScriptedEmbedder marengo = new ScriptedEmbedder();
    private final ApiKey alice = key("alice");
    private final ApiKey bob = key("bob");

    private UploadEmbeddingsService service(Duration wait) {
        return new UploadEmbeddingsService(marengo, UploadEmbeddingsServiceTest::probeVideo, UploadEmbeddingsServiceTest::probeAudio, blobs, jobs,
                new Catalogue(), embeddings, new UploadEmbeddingsService.Settings(1000, wait, Duration.ofSeconds(1)), ApiKeyServiceTransactions.DIRECT, clock,
                clock::advance);
    }

    @Test
    void anUploadIsEmbeddedOnceUnderItsKeyWithinTheWaitAndARepeatIsAnsweredFromTheJobForNothing() throws IOException {
        marengo.pollsUntilDone = 3;
        UploadEmbeddingsService gateway = service(Duration.ofSeconds(10));
        Path clip = file("clip.mp4", "VIDEO 12 seconds of milk");

        Answer first = gateway.embed(alice, MARENGO, clip);
        Answer again = gateway.embed(alice, MARENGO, clip);

        assertThat(first.status()).isEqualTo(Status.COMPLETED);
        assertThat(first.source()).isEqualTo(Source.EMBEDDED);
        assertThat(first.kind()).isEqualTo("video");
        assertThat(first.paidSeconds()).isEqualTo(12.0);
        assertThat(first.vectors()).extracting(v -> v.modality() + "/" + v.scope() + " " + v.startSeconds() + "-" + v.endSeconds())
                .containsExactly("visual/clip 0.0-6.0", "visual/clip 6.0-12.0", "visual/asset 0.0-12.0");
        assertThat(marengo.starts).containsExactly("alice");
        assertThat(again.status()).isEqualTo(Status.COMPLETED);
        assertThat(again.source()).isEqualTo(Source.EARLIER_UPLOAD);
        assertThat(again.paidSeconds()).isZero();
        assertThat(again.jobId()).isEqualTo(first.jobId());
        assertThat(again.vectors()).hasSize(3);
        assertThat(marengo.starts).hasSize(1);
        // the file was kept for the model while it worked, and no longer
        assertThat(blobs.contains(BlobKey.gatewayUpload(hash(clip)))).isFalse();
    }

    @Test
    void aSlowJobIsAnsweredAsAJobThatARepeatedUploadJoinsThatOnlyItsKeyMayPollAndThatCompletesWhenPolled() throws IOException {
        marengo.pollsUntilDone = 100;
        UploadEmbeddingsService gateway = service(Duration.ofSeconds(2));
        Path clip = file("slow.mp4", "VIDEO 30 seconds, slow");

        Answer pending = gateway.embed(alice, MARENGO, clip);
        Answer repeated = gateway.embed(alice, MARENGO, clip);

        assertThat(pending.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(pending.jobId()).isPresent();
        assertThat(pending.vectors()).isEmpty();
        assertThat(repeated.jobId()).isEqualTo(pending.jobId());
        assertThat(repeated.status()).isEqualTo(Status.IN_PROGRESS);
        assertThat(marengo.starts).containsExactly("alice");
        assertThat(blobs.contains(BlobKey.gatewayUpload(hash(clip)))).isTrue();
        assertThatThrownBy(() -> gateway.job(bob, pending.jobId().get())).isInstanceOfSatisfying(GatewayRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));

        marengo.pollsUntilDone = 0;
        Answer done = gateway.job(alice, pending.jobId().get());

        assertThat(done.status()).isEqualTo(Status.COMPLETED);
        assertThat(done.vectors()).isNotEmpty();
        assertThat(done.mediaSeconds()).isEqualTo(30.0);
        assertThat(marengo.starts).hasSize(1);
    }

    @Test
    void anotherKeyUploadingTheSameContentSharesTheRunningInvocationAndAfterwardsGetsTheStoredVectors() throws IOException {
        marengo.pollsUntilDone = 100;
        UploadEmbeddingsService gateway = service(Duration.ZERO);
        Path clip = file("shared.mp4", "VIDEO 12 seconds, shared");
        ApiKey carol = key("carol");

        Answer alices = gateway.embed(alice, MARENGO, clip);
        Answer bobs = gateway.embed(bob, MARENGO, clip);
        marengo.pollsUntilDone = 0;
        Answer bobsDone = gateway.job(bob, bobs.jobId().orElseThrow());
        Answer carols = gateway.embed(carol, MARENGO, clip);

        assertThat(bobs.jobId()).isPresent().isNotEqualTo(alices.jobId());
        assertThat(bobs.paidSeconds()).isZero();
        assertThat(bobsDone.status()).isEqualTo(Status.COMPLETED);
        assertThat(carols.status()).isEqualTo(Status.COMPLETED);
        assertThat(carols.source()).isEqualTo(Source.EARLIER_UPLOAD);
        assertThat(carols.jobId()).as("another key's job is not named").isEmpty();
        assertThat(carols.vectors()).hasSameSizeAs(bobsDone.vectors());
        assertThat(marengo.starts).containsExactly("alice");
    }

    @Test
    void aFileTheCatalogueAlreadyEmbeddedIsAnsweredFromItsStoredVectors() throws IOException {
        Path clip = file("catalogued.mp4", "VIDEO 12 seconds, already in the catalogue");
        VideoId video = VideoId.generate();
        catalogue.put(hash(clip), video);
        embeddings.replaceEmbeddings(video, EmbeddingModel.MARENGO_3, List.of(vector(Modality.AUDIO, Scope.ASSET, 0, 12)));

        Answer answer = service(Duration.ofSeconds(5)).embed(alice, MARENGO, clip);

        assertThat(answer.status()).isEqualTo(Status.COMPLETED);
        assertThat(answer.source()).isEqualTo(Source.CATALOGUE);
        assertThat(answer.jobId()).isEmpty();
        assertThat(answer.vectors()).singleElement().satisfies(v -> assertThat(v.modality()).isEqualTo("audio"));
        assertThat(marengo.starts).isEmpty();
    }

    @Test
    void anAudioFileIsEmbeddedAsAudioForItsSecondsOfSound() throws IOException {
        marengo.pollsUntilDone = 0;

        Answer answer = service(Duration.ofSeconds(5)).embed(alice, MARENGO, file("song.mp3", "AUDIO a song"));

        assertThat(answer.kind()).isEqualTo("audio");
        assertThat(answer.paidSeconds()).isEqualTo(9.0);
        assertThat(marengo.kinds).containsExactly(UploadedMedia.Kind.AUDIO);
    }

    @Test
    void aBudgetRefusalPaysNothingStoresNoJobAndLeavesNoFileBehind() throws IOException {
        marengo.refuseBudget = true;
        Path clip = file("broke.mp4", "VIDEO 12 seconds, no money");

        assertThatThrownBy(() -> service(Duration.ofSeconds(5)).embed(alice, MARENGO, clip)).isInstanceOf(BudgetExhaustedException.class);

        assertThat(jobs.ofKey(alice.id(), MARENGO, hash(clip))).isEmpty();
        assertThat(blobs.contains(BlobKey.gatewayUpload(hash(clip)))).isFalse();
    }

    @Test
    void aFailedInvocationFailsTheJobAndTheSameFileUploadedAgainIsANewJob() throws IOException {
        marengo.pollsUntilDone = 1;
        marengo.failWith = "Marengo could not embed the video: unsupported codec";
        UploadEmbeddingsService gateway = service(Duration.ofSeconds(5));
        Path clip = file("failing.mp4", "VIDEO 12 seconds, failing");

        Answer failed = gateway.embed(alice, MARENGO, clip);
        marengo.failWith = null;
        Answer retried = gateway.embed(alice, MARENGO, clip);

        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.failure()).hasValueSatisfying(f -> assertThat(f).contains("unsupported codec"));
        assertThat(retried.status()).isEqualTo(Status.COMPLETED);
        assertThat(retried.jobId()).isPresent().isNotEqualTo(failed.jobId());
        assertThat(marengo.starts).containsExactly("alice", "alice");
        assertThat(marengo.jobIds).doesNotHaveDuplicates();
    }

    @Test
    void emptyOversizedAndNonMediaFilesAndAnotherModelAreRefusedBeforeAnythingIsPaid() throws IOException {
        UploadEmbeddingsService gateway = service(Duration.ofSeconds(5));
        Map<Path, String> refusals = Map.of(
                file("empty.mp4", ""), "the file is empty",
                file("huge.mp4", "VIDEO " + "x".repeat(1000)), "at most 1000",
                file("notes.txt", "some text"), "not a usable video or audio file",
                file("silent.mp4", "NOTHING"), "no video stream");
        refusals.forEach((file, why) -> assertThatThrownBy(() -> gateway.embed(alice, MARENGO, file)).as(why)
                .isInstanceOfSatisfying(GatewayRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID_INPUT);
                    assertThat(e.parameter()).isEqualTo("file");
                    assertThat(e.getMessage()).contains(why);
                }));
        assertThatThrownBy(() -> gateway.embed(alice, "text-embedding-3-small", file("ok.mp4", "VIDEO fine")))
                .isInstanceOfSatisfying(GatewayRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MODEL_NOT_FOUND));
        assertThat(marengo.starts).isEmpty();
    }

    // --- the scripted ports ----------------------------------------------------------------------

    /** "VIDEO n seconds…" is a video of n seconds (12 when no number), "AUDIO…" a sound, "NOTHING" a container with no streams. */
    private static MediaFacts probeVideo(Path file) {
        String text = read(file);
        if (text.startsWith("AUDIO")) {
            throw MediaRejectedException.invalid("the file has audio but no video stream");
        }
        if (text.startsWith("NOTHING")) {
            throw MediaRejectedException.invalid("the file has no video stream");
        }
        if (!text.startsWith("VIDEO")) {
            throw MediaRejectedException.invalid("the file is not a readable video: no known video format could be read from it");
        }
        String[] words = text.split(" ");
        double seconds = words.length > 1 && words[1].matches("\\d+") ? Double.parseDouble(words[1]) : 12;
        return new MediaFacts("mov,mp4,m4a,3gp,3g2,mj2", "h264", "aac", seconds, 320, 240, text.length(), hash(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static AudioClip probeAudio(byte[] bytes) {
        if (!new String(bytes, StandardCharsets.UTF_8).startsWith("AUDIO")) {
            throw MediaRejectedException.invalid("the clip holds no readable sound");
        }
        return new AudioClip(bytes, 9.0);
    }

    /** Marengo as the pipeline's embedder: a start that the budget may refuse, then polls until done (or failed). */
    private static final class ScriptedEmbedder implements VideoEmbedder {
        final List<String> starts = new ArrayList<>();
        final List<String> jobIds = new ArrayList<>();
        final List<UploadedMedia.Kind> kinds = new ArrayList<>();
        int pollsUntilDone;
        boolean refuseBudget;
        String failWith;
        private final Map<String, Integer> polls = new HashMap<>();

        @Override
        public EmbeddingModel model() {
            return EmbeddingModel.MARENGO_3;
        }

        @Override
        public Progress embed(VideoMedia media, Map<String, String> state) {
            throw new UnsupportedOperationException("the gateway embeds uploads");
        }

        @Override
        public Progress embedUpload(UploadedMedia media, Map<String, String> state) {
            if (state.isEmpty()) {
                if (refuseBudget) {
                    throw new BudgetExhaustedException("the key's day ceiling is reached", Instant.now(), Instant.now().plusSeconds(3600));
                }
                starts.add(media.apiKeyId());
                jobIds.add(media.jobId());
                kinds.add(media.kind());
                return new Progress.Pending(Map.of("arn", "arn-" + media.jobId(), "seconds", String.valueOf(media.seconds())),
                        Duration.ofSeconds(1));
            }
            int polled = polls.merge(state.get("arn"), 1, Integer::sum);
            if (polled < pollsUntilDone) {
                return new Progress.Pending(state, Duration.ofSeconds(1));
            }
            if (failWith != null) {
                throw new AnalysisFailedException(failWith, true);
            }
            double seconds = Double.parseDouble(state.get("seconds"));
            List<Embedding> vectors = new ArrayList<>();
            for (double start = 0; start < seconds; start += 6) {
                vectors.add(vector(Modality.VISUAL, Scope.CLIP, start, Math.min(seconds, start + 6)));
            }
            vectors.add(vector(Modality.VISUAL, Scope.ASSET, 0, seconds));
            return new Progress.Done(vectors);
        }
    }

    private final class Catalogue implements ListVideosPort {
        @Override
        public Optional<VideoId> findAnalysedByContent(ContentHash hash, VideoId excluding) {
            return Optional.ofNullable(catalogue.get(hash)).filter(v -> !v.equals(excluding));
        }

        @Override
        public List<Video> listVideos(VideoFilter filter, Optional<Position> after, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<FeedEntry> feed(Instant snapshot, int perMobPerRound, Optional<FeedPosition> after, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Video> findVideos(Collection<VideoId> ids) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Video> findWaitingForUpload(Instant before, int limit) {
            throw new UnsupportedOperationException();
        }
    }

    private static Embedding vector(Modality modality, Scope scope, double start, double end) {
        float[] v = new float[512];
        v[0] = 1;
        v[1] = (float) start;
        return new Embedding(EmbeddingModel.MARENGO_3, modality, scope, new Segment(start, end), v);
    }

    private ApiKey key(String id) {
        return ApiKey.issue(id, id + "'s notebook", ApiKeySecret.generate(), clock.instant());
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ContentHash hash(Path file) throws IOException {
        return hash(Files.readAllBytes(file));
    }

    private static ContentHash hash(byte[] bytes) {
        try {
            return new ContentHash(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
