package org.milkmobs.adapters.persistence.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.pipeline.JobSignals;
import org.milkmobs.application.testing.JobSignalsContract;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.video.VideoId;

/** The job signals contract on PostgreSQL: the enqueue's NOTIFY (trigger on the job table) wakes the LISTEN. */
class PostgresJobSignalsTest extends JobSignalsContract {

    private static PipelineRig rig;
    private static PostgresJobSignals signals;

    @BeforeAll
    static void start() {
        rig = new PipelineRig("job_signals");
        signals = new PostgresJobSignals(rig.database.jdbcUrl(), rig.database.user(), rig.database.password());
    }

    @AfterAll
    static void stop() {
        signals.close();
        rig.close();
    }

    @Override
    protected JobSignals signals() {
        return signals;
    }

    @Override
    protected void enqueueAJob() {
        rig.startWorkflows(1);
    }

    @Test
    void aJobDueLaterWakesNobody() throws Exception {
        VideoId video = rig.startWorkflows(1).get(0);
        settle();
        PipelineRig.Node node = rig.node();
        node.inTransaction(em -> node.workflows.enqueue(video, PipelineStep.THUMBNAIL, 3,
                Instant.now().plusSeconds(3600), rig.clock.instant()));

        assertThat(signals.awaitJobs(Duration.ofMillis(500))).as("polling finds it when it is due").isFalse();
    }

    @Test
    void theListenerReconnectsAfterItsConnectionIsKilledAndIsWokenAgain() throws Exception {
        rig.database.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
                + PostgresJobSignals.APPLICATION_NAME + "' AND datname = current_database()");
        // the wait that meets the broken connection ends unwoken; a later one reconnects and cannot tell what it missed
        boolean reconnected = false;
        for (int i = 0; i < 20 && !reconnected; i++) {
            reconnected = signals.awaitJobs(Duration.ofMillis(200));
        }
        assertThat(reconnected).isTrue();
        settle();
        assertThat(rig.count("SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                + PostgresJobSignals.APPLICATION_NAME + "' AND datname = current_database()")).as("listening again").isEqualTo(1);
        CompletableFuture<Boolean> woken = waitInTheBackground();

        enqueueAJob();

        assertThat(woken.get(POLL.toSeconds() * 2, TimeUnit.SECONDS)).isTrue();
    }
}
