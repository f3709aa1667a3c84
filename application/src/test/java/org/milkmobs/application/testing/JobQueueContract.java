package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.pipeline.JobQueuePort;
import org.milkmobs.application.port.out.pipeline.JobQueuePort.FailResult;
import org.milkmobs.domain.pipeline.JobLease;
import org.milkmobs.domain.pipeline.JobState;
import org.milkmobs.domain.pipeline.PipelineJob;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.video.VideoId;

/**
 * The job queue as workers rely on it: due jobs are claimed oldest first and never early, a claim's attempt fences
 * every later write, an expired lease is rescued, failures retry until the attempts are spent, a snooze or a release
 * spends none and keeps the job's data, a cluster limit caps the running jobs of a step, a claim of several steps
 * keeps each step's own limit. Run on the twin and on
 * PostgreSQL. Jobs are the first step of workflows started here; each test cancels what it left unfinished, so the
 * tests share one job table without claiming each other's jobs.
 */
public abstract class JobQueueContract extends PipelinePortsFixture {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private static final PipelineStep STEP = PipelineStep.first();
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final List<VideoId> started = new ArrayList<>();

    @AfterEach
    void cancelWhatIsLeft() {
        started.forEach(video -> inTransaction(() -> workflows().cancelUnfinished(video, NOW)));
    }

    @Test
    void dueJobsAreClaimedOldestFirstUpToTheLimitAndNeverEarly() {
        VideoId oldest = start(NOW.minusSeconds(20), 3);
        VideoId next = start(NOW.minusSeconds(10), 3);
        VideoId future = start(NOW.plusSeconds(60), 3);

        assertThat(claim(Set.of(PipelineStep.EMBED), 5, NOW)).isEmpty();
        assertThat(claim(Set.of(STEP), 1, NOW)).extracting(job -> job.lease().videoId()).containsExactly(oldest);
        assertThat(claim(Set.of(STEP), 5, NOW)).extracting(job -> job.lease().videoId()).containsExactly(next);
        assertThat(claim(Set.of(STEP), 5, NOW.plusSeconds(59))).isEmpty();
        assertThat(claim(Set.of(STEP), 5, NOW.plusSeconds(60))).singleElement().satisfies(job -> {
            assertThat(job.lease().videoId()).isEqualTo(future);
            assertThat(job.lease().step()).isEqualTo(STEP);
            assertThat(job.attemptsUsed()).isEqualTo(1);
            assertThat(job.data()).isEmpty();
        });
        assertThat(state(future)).isEqualTo(JobState.RUNNING);
    }

    @Test
    void aLeaseExpiredIsRescuedAndEveryWriteOfItsStaleHolderChangesNothing() {
        VideoId video = start(NOW, 3);
        JobLease stale = claimOne(NOW).lease();

        assertThat(rescue(NOW.plus(LEASE))).as("a lease is good until its instant").isEmpty();
        assertThat(rescue(NOW.plus(LEASE).plusMillis(1))).singleElement().satisfies(rescued -> {
            assertThat(rescued.lease()).isEqualTo(stale);
            assertThat(rescued.dead()).isFalse();
        });
        assertThat(state(video)).isEqualTo(JobState.AVAILABLE);
        PipelineJob again = claimOne(NOW.plus(LEASE).plusMillis(1));

        assertThat(again.lease().attempt()).isGreaterThan(stale.attempt());
        assertThat(again.attemptsUsed()).isEqualTo(2);
        assertThat(inTransaction(() -> queue().heartbeat(stale, NOW.plus(Duration.ofHours(1))))).isFalse();
        assertThat(inTransaction(() -> queue().complete(stale, NOW))).isFalse();
        assertThat(inTransaction(() -> queue().fail(stale, "late", true, NOW, NOW))).isEqualTo(FailResult.LOST);
        assertThat(inTransaction(() -> queue().snooze(stale, NOW, Map.of(), NOW))).isFalse();
        assertThat(inTransaction(() -> queue().release(stale, NOW))).isFalse();
        assertThat(inTransaction(() -> queue().completeAll(List.of(stale), NOW))).isEmpty();
        assertThat(state(video)).isEqualTo(JobState.RUNNING);

        assertThat(inTransaction(() -> queue().complete(again.lease(), NOW))).isTrue();
        assertThat(state(video)).isEqualTo(JobState.COMPLETED);
        assertThat(inTransaction(() -> queue().complete(again.lease(), NOW))).as("once").isFalse();
    }

    @Test
    void aHeartbeatKeepsTheJobFromBeingRescued() {
        start(NOW, 3);
        JobLease lease = claimOne(NOW).lease();

        assertThat(inTransaction(() -> queue().heartbeat(lease, NOW.plus(Duration.ofMinutes(10))))).isTrue();

        assertThat(rescue(NOW.plus(Duration.ofMinutes(5)))).isEmpty();
        assertThat(rescue(NOW.plus(Duration.ofMinutes(11)))).extracting(rescued -> rescued.lease()).containsExactly(lease);
    }

    @Test
    void aFailureRetriesAtItsTimeUntilTheAttemptsAreSpentAndALastAttemptRescuedDies() {
        VideoId video = start(NOW, 2);
        JobLease first = claimOne(NOW).lease();
        assertThat(inTransaction(() -> queue().fail(first, "throttled", false, NOW.plusSeconds(30), NOW)))
                .isEqualTo(FailResult.RETRY_SCHEDULED);
        assertThat(claim(Set.of(STEP), 1, NOW.plusSeconds(29))).isEmpty();

        JobLease last = claimOne(NOW.plusSeconds(30)).lease();
        assertThat(rescue(NOW.plusSeconds(30).plus(LEASE).plusMillis(1))).singleElement()
                .satisfies(rescued -> assertThat(rescued.dead()).isTrue());
        assertThat(state(video)).isEqualTo(JobState.DEAD);
        assertThat(inTransaction(() -> queue().fail(last, "too late", false, NOW, NOW))).isEqualTo(FailResult.LOST);

        VideoId other = start(NOW, 3);
        JobLease permanent = claimOne(NOW).lease();
        assertThat(inTransaction(() -> queue().fail(permanent, "not a video", true, NOW, NOW))).isEqualTo(FailResult.DEAD);
        assertThat(state(other)).isEqualTo(JobState.DEAD);
    }

    @Test
    void aSnoozeOrAReleaseSpendsNoAttemptAndTheJobKeepsItsData() {
        VideoId video = start(NOW, 1);
        JobLease first = claimOne(NOW).lease();
        assertThat(inTransaction(() -> queue().snooze(first, NOW.plusSeconds(30), Map.of("invocation", "arn:1"), NOW))).isTrue();
        assertThat(claim(Set.of(STEP), 1, NOW.plusSeconds(29))).isEmpty();

        PipelineJob resumed = claimOne(NOW.plusSeconds(30));
        assertThat(resumed.attemptsUsed()).isEqualTo(1);
        assertThat(resumed.snoozes()).isEqualTo(1);
        assertThat(resumed.data()).containsExactly(Map.entry("invocation", "arn:1"));
        assertThat(inTransaction(() -> queue().release(resumed.lease(), NOW.plusSeconds(40)))).isTrue();

        PipelineJob after = claimOne(NOW.plusSeconds(40));
        assertThat(after.attemptsUsed()).isEqualTo(1);
        assertThat(after.data()).as("a release keeps the data").containsExactly(Map.entry("invocation", "arn:1"));
        assertThat(inTransaction(() -> queue().fail(after.lease(), "broken", false, NOW.plusSeconds(50), NOW.plusSeconds(40))))
                .as("its one attempt is spent").isEqualTo(FailResult.DEAD);
        assertThat(state(video)).isEqualTo(JobState.DEAD);
    }

    @Test
    void completeAllCompletesTheLeasesStillHeldAndNamesThem() {
        VideoId one = start(NOW, 3);
        VideoId two = start(NOW, 3);
        List<PipelineJob> claimed = claim(Set.of(STEP), 2, NOW);
        JobLease first = claimed.get(0).lease();
        JobLease second = claimed.get(1).lease();
        inTransaction(() -> queue().complete(first, NOW));

        assertThat(inTransaction(() -> queue().completeAll(List.of(first, second), NOW))).containsExactly(second);
        assertThat(inTransaction(() -> queue().completeAll(List.of(), NOW))).isEmpty();
        assertThat(List.of(state(one), state(two))).containsOnly(JobState.COMPLETED);
    }

    @Test
    void aClusterLimitCapsTheRunningJobsOfAStepWhoeverClaims() {
        start(NOW, 3);
        start(NOW, 3);
        start(NOW, 3);

        List<PipelineJob> first = inTransaction(() -> queue().claimWithinClusterLimit("worker-1", STEP, 5, 2, NOW, NOW.plus(LEASE)));
        assertThat(first).hasSize(2);
        assertThat(inTransaction(() -> queue().claimWithinClusterLimit("worker-2", STEP, 5, 2, NOW, NOW.plus(LEASE)))).isEmpty();

        inTransaction(() -> queue().complete(first.get(0).lease(), NOW));
        assertThat(inTransaction(() -> queue().claimWithinClusterLimit("worker-2", STEP, 5, 2, NOW, NOW.plus(LEASE)))).hasSize(1);
    }

    @Test
    void aClaimOfEachStepTakesUpToThatStepsOwnRoomOldestFirst() {
        VideoId oldest = start(NOW.minusSeconds(30), 3);
        VideoId next = start(NOW.minusSeconds(20), 3);
        start(NOW.minusSeconds(10), 3);
        inTransaction(() -> {
            workflows().enqueue(next, PipelineStep.EMBED, 3, NOW.minusSeconds(5), NOW);
            workflows().enqueue(oldest, PipelineStep.EMBED, 3, NOW.minusSeconds(6), NOW);
            return null;
        });

        assertThat(claimEach(Map.of(PipelineStep.UNDERSTAND, 5, STEP, 0, PipelineStep.EMBED, 0))).isEmpty();
        assertThat(claimEach(Map.of(STEP, 2, PipelineStep.EMBED, 1, PipelineStep.THUMBNAIL, 3)))
                .extracting(job -> job.lease().step() + " of " + job.lease().videoId().value())
                .containsExactlyInAnyOrder(STEP + " of " + oldest.value(), STEP + " of " + next.value(),
                        PipelineStep.EMBED + " of " + oldest.value());
        assertThat(inTransaction(() -> workflows().lock(oldest)).orElseThrow().jobs().get(PipelineStep.EMBED)).isEqualTo(JobState.RUNNING);
        assertThat(claimEach(Map.of(PipelineStep.EMBED, 5))).singleElement().satisfies(job -> {
            assertThat(job.lease().videoId()).isEqualTo(next);
            assertThat(job.attemptsUsed()).isEqualTo(1);
        });
    }

    private List<PipelineJob> claimEach(Map<PipelineStep, Integer> room) {
        return inTransaction(() -> queue().claimEach("worker-1", room, NOW, NOW.plus(LEASE)));
    }

    private VideoId start(Instant at, int maxAttempts) {
        VideoId video = storedVideo();
        started.add(video);
        inTransaction(() -> {
            workflows().start(video, maxAttempts, at);
            return null;
        });
        return video;
    }

    private List<PipelineJob> claim(Set<PipelineStep> steps, int limit, Instant at) {
        return inTransaction(() -> queue().claim("worker-1", steps, limit, at, at.plus(LEASE)));
    }

    private PipelineJob claimOne(Instant at) {
        List<PipelineJob> claimed = claim(Set.of(STEP), 1, at);
        assertThat(claimed).hasSize(1);
        return claimed.get(0);
    }

    private List<JobQueuePort.RescuedJob> rescue(Instant at) {
        return inTransaction(() -> queue().rescueExpired(at));
    }

    private JobState state(VideoId video) {
        return inTransaction(() -> workflows().lock(video)).orElseThrow().jobs().get(STEP);
    }
}
