package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.analysis.UploadedMedia;
import org.milkmobs.application.port.out.gateway.VideoEmbeddingJobs;
import org.milkmobs.application.port.out.gateway.VideoEmbeddingJobs.JobStatus;
import org.milkmobs.application.port.out.gateway.VideoEmbeddingJobs.VideoEmbeddingJob;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.video.ContentHash;

/** What every {@link VideoEmbeddingJobs} does; run on the in-memory twin and on PostgreSQL. */
public abstract class VideoEmbeddingJobsContract extends ContractSuite {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final String MODEL = EmbeddingModel.MARENGO_3.id();

    protected abstract VideoEmbeddingJobs jobs();

    private static ContentHash content() {
        byte[] bytes = new byte[32];
        new Random().nextBytes(bytes);
        return new ContentHash(HexFormat.of().formatHex(bytes));
    }

    private static UploadedMedia media(String key, ContentHash content, String jobId) {
        return new UploadedMedia(BlobKey.gatewayUpload(content), UploadedMedia.Kind.VIDEO, 12.5, 4096, content, Optional.empty(), key, jobId);
    }

    private VideoEmbeddingJob running(String key, ContentHash content, Instant at) {
        String id = "vemb_" + UUID.randomUUID().toString().replace("-", "");
        VideoEmbeddingJob job = VideoEmbeddingJob.running(id, media(key, content, id), MODEL, Map.of("marengo.invocationArn", "arn:1"), at);
        assertThat(inTransaction(() -> jobs().add(job))).isTrue();
        return job;
    }

    private static Embedding vector(Modality modality, Scope scope, double start, double end, float first) {
        float[] v = new float[512];
        v[0] = first;
        v[1] = 1;
        return new Embedding(EmbeddingModel.MARENGO_3, modality, scope, new Segment(start, end), v);
    }

    @Test
    void aJobIsStoredOnceAndFoundByIdAndByItsKeyAndContent() {
        ContentHash content = content();
        VideoEmbeddingJob job = running("key-a", content, T0);

        assertThat(inTransaction(() -> jobs().add(job))).isFalse();
        VideoEmbeddingJob found = inTransaction(() -> jobs().byId(job.id())).orElseThrow();
        assertThat(found.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(found.state()).containsEntry("marengo.invocationArn", "arn:1");
        assertThat(found.mediaSeconds()).isEqualTo(12.5);
        assertThat(found.sizeBytes()).isEqualTo(4096);
        assertThat(found.kind()).isEqualTo(UploadedMedia.Kind.VIDEO);
        assertThat(found.createdAt()).isEqualTo(T0);
        assertThat(inTransaction(() -> jobs().ofKey("key-a", MODEL, content))).extracting(VideoEmbeddingJob::id).containsExactly(job.id());
        assertThat(inTransaction(() -> jobs().ofKey("key-b", MODEL, content))).isEmpty();
        assertThat(inTransaction(() -> jobs().ofKey("key-a", "another-model", content))).isEmpty();
        assertThat(inTransaction(() -> jobs().byId("vemb_none"))).isEmpty();
    }

    @Test
    void aCompletedJobKeepsItsVectorsInOrderAndIsNotFailedAfterwards() {
        ContentHash content = content();
        VideoEmbeddingJob job = running("key-a", content, T0);
        List<Embedding> vectors = List.of(vector(Modality.VISUAL, Scope.CLIP, 0, 6, 0.5f), vector(Modality.AUDIO, Scope.CLIP, 6, 12.5, 0.25f),
                vector(Modality.VISUAL, Scope.ASSET, 0, 12.5, 0.75f));

        inTransaction(() -> {
            jobs().updateState(job.id(), Map.of("marengo.invocationArn", "arn:2"), T0.plusSeconds(1));
            jobs().complete(job.id(), vectors, T0.plusSeconds(2));
            jobs().fail(job.id(), "too late", T0.plusSeconds(3));
            jobs().updateState(job.id(), Map.of("marengo.invocationArn", "arn:3"), T0.plusSeconds(4));
            return null;
        });

        VideoEmbeddingJob done = inTransaction(() -> jobs().byId(job.id())).orElseThrow();
        assertThat(done.status()).isEqualTo(JobStatus.DONE);
        assertThat(done.failure()).isEmpty();
        assertThat(done.updatedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(done.vectors()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            Embedding stored = done.vectors().get(i);
            assertThat(stored.modality()).isEqualTo(vectors.get(i).modality());
            assertThat(stored.scope()).isEqualTo(vectors.get(i).scope());
            assertThat(stored.segment()).isEqualTo(vectors.get(i).segment());
            assertThat(stored.vector()).containsExactly(vectors.get(i).vector());
            assertThat(stored.model()).isEqualTo(EmbeddingModel.MARENGO_3);
        }
    }

    @Test
    void aUsableJobOfAnyKeyIsADoneOneBeforeARunningOneAndNeverAFailedOne() {
        ContentHash content = content();
        VideoEmbeddingJob failed = running("key-a", content, T0);
        inTransaction(() -> {
            jobs().fail(failed.id(), "Marengo could not embed the video", T0.plusSeconds(1));
            return null;
        });
        assertThat(inTransaction(() -> jobs().anyUsable(MODEL, content))).isEmpty();
        assertThat(inTransaction(() -> jobs().byId(failed.id()))).hasValueSatisfying(j -> {
            assertThat(j.status()).isEqualTo(JobStatus.FAILED);
            assertThat(j.failure()).contains("Marengo could not embed the video");
        });

        VideoEmbeddingJob runningJob = running("key-b", content, T0.plusSeconds(2));
        assertThat(inTransaction(() -> jobs().anyUsable(MODEL, content))).hasValueSatisfying(j -> assertThat(j.id()).isEqualTo(runningJob.id()));
        VideoEmbeddingJob doneJob = running("key-c", content, T0.plusSeconds(3));
        inTransaction(() -> {
            jobs().complete(doneJob.id(), List.of(vector(Modality.VISUAL, Scope.ASSET, 0, 12.5, 0.5f)), T0.plusSeconds(4));
            return null;
        });

        assertThat(inTransaction(() -> jobs().anyUsable(MODEL, content))).hasValueSatisfying(j -> assertThat(j.id()).isEqualTo(doneJob.id()));
        assertThat(inTransaction(() -> jobs().anyUsable(MODEL, content()))).isEmpty();
        assertThat(inTransaction(() -> jobs().ofKey("key-a", MODEL, content))).extracting(VideoEmbeddingJob::status).containsExactly(JobStatus.FAILED);
    }
}
