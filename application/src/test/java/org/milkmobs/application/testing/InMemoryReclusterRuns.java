package org.milkmobs.application.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.milkmobs.application.port.out.mob.ReclusterRuns;
import org.milkmobs.domain.mob.ReclusterRun;

/** Re-clustering runs in memory, as the table keeps them: at most one RUNNING, queued until an instance claims it. */
public class InMemoryReclusterRuns implements ReclusterRuns {

    private final List<UUID> order = new ArrayList<>();
    private final Map<UUID, ReclusterRun> runs = new HashMap<>();
    private final Map<UUID, Instant> heartbeats = new HashMap<>();

    @Override
    public synchronized ReclusterRun startOrGetRunning(String trigger, Instant now) {
        Optional<ReclusterRun> running = runs.values().stream().filter(r -> "RUNNING".equals(r.status())).findFirst();
        if (running.isPresent()) {
            return running.get();
        }
        ReclusterRun run = new ReclusterRun(UUID.randomUUID(), "RUNNING", trigger, "queued", 0, now, null, null, null, null, null, null);
        order.add(run.id());
        runs.put(run.id(), run);
        heartbeats.put(run.id(), now);
        return run;
    }

    @Override
    public synchronized Optional<UUID> claimQueued(Instant now) {
        Optional<ReclusterRun> queued = runs.values().stream().filter(r -> "RUNNING".equals(r.status()) && "queued".equals(r.phase())).findFirst();
        queued.ifPresent(r -> {
            runs.put(r.id(), with(r, "RUNNING", "starting", r.progress(), null));
            heartbeats.put(r.id(), now);
        });
        return queued.map(ReclusterRun::id);
    }

    @Override
    public synchronized void progress(UUID run, String phase, double progress, Instant now) {
        Optional.ofNullable(runs.get(run)).filter(r -> "RUNNING".equals(r.status())).ifPresent(r -> {
            runs.put(run, with(r, "RUNNING", phase, progress, null));
            heartbeats.put(run, now);
        });
    }

    @Override
    public synchronized int failStale(Instant before, Instant now) {
        List<ReclusterRun> stale = runs.values().stream()
                .filter(r -> "RUNNING".equals(r.status()) && !"queued".equals(r.phase()) && heartbeats.get(r.id()).isBefore(before)).toList();
        stale.forEach(r -> runs.put(r.id(), new ReclusterRun(r.id(), "FAILED", r.trigger(), r.phase(), r.progress(), r.startedAt(), now, null,
                null, null, null, "the instance running it stopped reporting progress")));
        return stale.size();
    }

    @Override
    public synchronized void succeed(UUID run, int k, double inertia, int videos, int moved, Instant now) {
        ReclusterRun r = runs.get(run);
        if (r == null) {
            return;
        }
        runs.put(run, new ReclusterRun(run, "SUCCEEDED", r.trigger(), "done", 1, r.startedAt(), now, k, inertia, videos, moved, null));
    }

    @Override
    public synchronized void fail(UUID run, String error, Instant now) {
        ReclusterRun r = runs.get(run);
        if (r == null || !"RUNNING".equals(r.status())) {
            return; // as the table: only a running run fails, a finished one stays as it finished
        }
        runs.put(run, new ReclusterRun(run, "FAILED", r.trigger(), r.phase(), r.progress(), r.startedAt(), now, null, null, null, null, error));
    }

    @Override
    public synchronized Optional<ReclusterRun> find(UUID run) {
        return Optional.ofNullable(runs.get(run));
    }

    @Override
    public synchronized Optional<ReclusterRun> latest() {
        return order.isEmpty() ? Optional.empty() : find(order.get(order.size() - 1));
    }

    private static ReclusterRun with(ReclusterRun r, String status, String phase, double progress, String error) {
        return new ReclusterRun(r.id(), status, r.trigger(), phase, progress, r.startedAt(), r.finishedAt(), r.k(), r.inertia(), r.videos(),
                r.moved(), error);
    }
}
