package org.milkmobs.application.service.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.pipeline.PipelineAdminPort;
import org.milkmobs.application.testing.InMemoryEvents;
import org.milkmobs.application.testing.InMemoryStallMarks;
import org.milkmobs.application.testing.TestClock;
import org.milkmobs.domain.events.PublishedEvent;
import org.milkmobs.domain.pipeline.JobState;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.pipeline.QueueStats;

class WatchStallsServiceTest {

    private final TestClock clock = TestClock.at("2026-12-01T10:00:00Z");
    private final InMemoryEvents events = new InMemoryEvents();
    private final List<QueueStats> queues = new ArrayList<>();
    private final PipelineAdminPort pipeline = (PipelineAdminPort) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {PipelineAdminPort.class}, (proxy, method, args) -> {
                if (method.getName().equals("queueStats")) {
                    return List.copyOf(queues);
                }
                throw new UnsupportedOperationException(method.getName());
            });
    private final WatchStallsService watch = new WatchStallsService(pipeline, new InMemoryStallMarks(), events, Duration.ofMinutes(10),
            clock);

    private void waiting(PipelineStep step, Duration oldest, boolean paused) {
        queues.removeIf(q -> q.step() == step);
        queues.add(new QueueStats(step, Map.of(JobState.AVAILABLE, 7L), oldest, paused));
    }

    @Test
    void aStallIsAnnouncedOnceUntilTheStepRecovers() {
        waiting(PipelineStep.EMBED, Duration.ofMinutes(15), false);
        waiting(PipelineStep.THUMBNAIL, Duration.ofMinutes(1), false);

        assertThat(watch.check()).isEqualTo(1);
        assertThat(watch.check()).isZero();
        waiting(PipelineStep.EMBED, Duration.ZERO, false);
        watch.check();
        waiting(PipelineStep.EMBED, Duration.ofMinutes(11), false);
        assertThat(watch.check()).isEqualTo(1);

        List<PublishedEvent> stalls = events.pending();
        assertThat(stalls).extracting(PublishedEvent::type).containsExactly("pipeline.stalled", "pipeline.stalled");
        assertThat(stalls.get(0).data()).containsEntry("step", "embed").containsEntry("oldestWaitingSeconds", "900")
                .containsEntry("waiting", "7");
    }

    @Test
    void aPausedStepIsNotStalled() {
        waiting(PipelineStep.UNDERSTAND, Duration.ofHours(2), true);

        assertThat(watch.check()).isZero();
        assertThat(events.pending()).isEmpty();
    }
}
