package org.milkmobs.adapters.persistence.pipeline;

import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.adapters.persistence.testing.JpaTestSupport;
import org.milkmobs.adapters.persistence.testing.ResourceLocalTransactions;
import org.milkmobs.adapters.persistence.testing.TestDatabase;
import org.milkmobs.adapters.persistence.video.VideoStorageForTests;
import org.milkmobs.application.port.in.pipeline.PipelineWorkerUseCase;
import org.milkmobs.application.service.pipeline.PipelineWorkerService;
import org.milkmobs.application.service.pipeline.RetryPolicy;
import org.milkmobs.application.service.pipeline.StepLimits;
import org.milkmobs.application.service.pipeline.WorkflowFailures;
import org.milkmobs.application.testing.TestClock;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

/**
 * The pipeline engine on a real database, as several independent "nodes": each {@link Node} has its own
 * EntityManager (its own connection) and its own transactional worker, like a WAR instance or thread.
 */
final class PipelineRig implements AutoCloseable {

    static final RetryPolicy RETRY = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60));

    final TestDatabase database;
    final JpaTestSupport jpa;
    final TestClock clock = TestClock.at("2026-11-23T10:00:00Z");
    private final List<EntityManager> opened = new CopyOnWriteArrayList<>();

    PipelineRig(String name) {
        database = TestDatabase.create(name);
        jpa = new JpaTestSupport(database.dataSource());
        database.execute("CREATE TABLE test_execution (video_id uuid, step text, attempt int, PRIMARY KEY (video_id, step))");
    }

    Node node() {
        return node(StepLimits.NONE);
    }

    /** A node (an instance's worker) whose claims respect {@code limits} across every node. */
    Node node(StepLimits limits) {
        EntityManager em = jpa.newEntityManager();
        opened.add(em);
        return new Node(em, limits);
    }

    /** Makes {@code count} uploaded videos and starts their workflows. */
    List<VideoId> startWorkflows(int count) {
        Node setup = node();
        return setup.inTransaction(em -> {
            List<VideoId> ids = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                Video video = TestVideos.submitted("owner" + i);
                video.markUploaded(TestVideos.mediaFacts(), TestVideos.NOW);
                VideoStorageForTests.adapter(em).saveVideo(video);
                setup.workflows.start(video.id(), RETRY.maxAttempts(), clock.instant());
                ids.add(video.id());
            }
            return ids;
        });
    }

    long count(String sql) {
        Node n = node();
        return n.inTransaction(em -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    @Override
    public void close() {
        opened.forEach(EntityManager::close);
        jpa.close();
    }

    final class Node {
        final EntityManager em;
        final JobQueueAdapter queue;
        final WorkflowAdapter workflows;
        final PipelineAdminAdapter admin;
        final PipelineControlAdapter control;
        final PipelineWorkerUseCase worker;

        Node(EntityManager em, StepLimits limits) {
            this.em = em;
            this.queue = new JobQueueAdapter(em);
            this.workflows = new WorkflowAdapter(em);
            this.admin = new PipelineAdminAdapter(em);
            this.control = new PipelineControlAdapter(em);
            var videos = VideoStorageForTests.adapter(em);
            WorkflowFailures failures = new WorkflowFailures(workflows, videos, videos, WorkflowFailures.RejectedMediaCleanup.KEEP_FILES);
            this.worker = ResourceLocalTransactions.wrap(PipelineWorkerUseCase.class,
                    new PipelineWorkerService(queue, workflows, control, failures, RETRY, limits, clock, new Random(7)), em);
        }

        <T> T inTransaction(Function<EntityManager, T> work) {
            return JpaTestSupport.inTransaction(em, work);
        }

        /** A result write that records, in the finishing transaction, that this run of the step took effect. */
        void recordExecution(VideoId video, String step, int attempt) {
            new Sql(em).update("INSERT INTO test_execution (video_id, step, attempt) VALUES (?, ?, ?)", video.value(), step, attempt);
        }
    }
}
