package org.milkmobs.application.service.mob;

import org.milkmobs.domain.mob.MobSummary;
import org.milkmobs.domain.mob.ReclusterRun;
import org.milkmobs.domain.mob.ReclusterSchedule;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.milkmobs.application.port.in.mob.ReclusterUseCase;
import org.milkmobs.application.port.out.Transactions;
import org.milkmobs.application.port.out.mob.LoadMobsPort;
import org.milkmobs.application.port.out.mob.MobClusteringPort;
import org.milkmobs.application.port.out.mob.ReclusterRuns;
import org.milkmobs.application.service.campaign.CampaignProvider;
import org.milkmobs.domain.campaign.Campaign;
import org.milkmobs.domain.mob.ClusterCount;
import org.milkmobs.domain.mob.KMeans;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.domain.mob.MobIdentity;
import org.milkmobs.domain.mob.MobLabels;
import org.milkmobs.domain.video.VideoId;

/**
 * The batch half of clustering: k-means (k-means++ seeding, restarts) over every mob member's vector,
 * K from configuration or chosen by silhouette on a sample (the fewest clusters within the tolerance of the best); new clusters inherit old mob ids by
 * centroid, so ids survive (and with them admins' names); labels are recomputed. Runs outside a transaction except for its writes.
 */
public class ReclusterService implements ReclusterUseCase {

    private static final int SAMPLE_FOR_K = 1000;
    private static final int LABEL_TERMS = 3;

    private final LoadMobsPort mobs;
    private final MobClusteringPort clustering;
    private final ReclusterRuns runs;
    private final VideoVectors vectors;
    private final MobSettings settings;
    private final CampaignProvider campaign;
    private final Transactions transactions;
    private final Clock clock;
    /** When this instance last computed labels; they are recomputed after any mob changes. */
    private volatile Instant labelledAt = Instant.EPOCH;
    /** The members' count at the last look, and since when it has been that: what the settled trigger waits on. */
    private int countSeen = -1;
    private Instant countSeenSince = Instant.EPOCH;

    public ReclusterService(LoadMobsPort mobs, MobClusteringPort clustering, ReclusterRuns runs, VideoVectors vectors, MobSettings settings, CampaignProvider campaign,
                            Transactions transactions, Clock clock) {
        this.mobs = mobs;
        this.clustering = clustering;
        this.campaign = campaign;
        this.runs = runs;
        this.vectors = vectors;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public ReclusterRun start(String trigger) {
        return transactions.inTransaction(() -> runs.startOrGetRunning(trigger, clock.instant()));
    }

    @Override
    public Optional<ReclusterRun> startIfDue() {
        ReclusterSchedule schedule = settings.recluster();
        boolean counting = schedule.growth() > 0 || !schedule.settle().isZero();
        int members = counting ? transactions.inTransaction(() -> mobs.memberCount(vectors.space())) : 0;
        Instant now = clock.instant();
        return schedule.due(latest(), members, unchangedSince(members, now), now).map(this::start);
    }

    private synchronized Instant unchangedSince(int members, Instant now) {
        if (members != countSeen) {
            countSeen = members;
            countSeenSince = now;
        }
        return countSeenSince;
    }

    /** A run that reported no progress for this long is considered dead. */
    private static final java.time.Duration STALE_AFTER = java.time.Duration.ofMinutes(15);

    @Override
    public Optional<ReclusterRun> executeNextQueued() {
        Optional<UUID> run = transactions.inTransaction(() -> runs.claimQueued(clock.instant()));
        return run.map(this::execute);
    }

    @Override
    public int failStale() {
        return transactions.inTransaction(() -> runs.failStale(clock.instant().minus(STALE_AFTER), clock.instant()));
    }

    ReclusterRun execute(UUID run) {
        MobSpace space = vectors.space();
        try {
            progress(run, "loading vectors", 0.05);
            Map<VideoId, float[]> members = transactions.inTransaction(() -> clustering.memberVectors(space));
            if (members.size() < 2) {
                return finish(run, 0, 0, members.size(), 0);
            }
            List<VideoId> ids = new ArrayList<>(members.keySet());
            float[][] points = ids.stream().map(members::get).toArray(float[][]::new);
            int k;
            if (settings.k().isPresent()) {
                k = Math.min(settings.k().get(), points.length);
            } else {
                progress(run, "choosing K", 0.15);
                k = ClusterCount.choose(points, 2, Math.min(settings.maxMobs(), points.length - 1), SAMPLE_FOR_K, 42, settings.kTolerance()).k();
            }
            progress(run, "clustering with k-means (K=" + k + ")", 0.3);
            KMeans.Result result = KMeans.cluster(points, k, settings.restarts(), 100, 42);
            progress(run, "matching clusters to mobs", 0.8);
            List<MobIdentity.OldMob> old = transactions.inTransaction(() -> currentCentroids(space, members));
            MobId[] clusterIds = MobIdentity.match(result.centroids(), old, settings.keepIdSimilarity());
            List<MobClusteringPort.NewMob> replacement = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                List<VideoId> cluster = new ArrayList<>();
                Map<VideoId, float[]> clusterVectors = new HashMap<>();
                for (int i = 0; i < ids.size(); i++) {
                    if (result.assignments()[i] == c) {
                        cluster.add(ids.get(i));
                        clusterVectors.put(ids.get(i), points[i]);
                    }
                }
                if (!cluster.isEmpty()) {
                    replacement.add(new MobClusteringPort.NewMob(clusterIds[c], cluster, clusterVectors));
                }
            }
            progress(run, "writing mobs and labels", 0.9);
            int moved = transactions.inTransaction(() -> {
                Instant now = clock.instant();
                int changed = clustering.replaceClustering(space, replacement, now);
                clustering.relabel(labels(space));
                return changed;
            });
            return finish(run, k, result.inertia(), ids.size(), moved);
        } catch (RuntimeException e) {
            transactions.inTransaction(() -> {
                runs.fail(run, e.getClass().getSimpleName() + ": " + e.getMessage(), clock.instant());
                return null;
            });
            throw e;
        }
    }

    /** The mobs as they are now: each one's centroid is its members' mean. */
    private List<MobIdentity.OldMob> currentCentroids(MobSpace space, Map<VideoId, float[]> members) {
        List<MobIdentity.OldMob> old = new ArrayList<>();
        for (MobSummary mob : mobs.listMobs(space)) {
            List<float[]> vectorsOfMob = new ArrayList<>();
            for (VideoId member : mobs.members(mob.id(), Optional.empty(), Integer.MAX_VALUE)) {
                if (members.containsKey(member)) {
                    vectorsOfMob.add(members.get(member));
                }
            }
            if (!vectorsOfMob.isEmpty()) {
                old.add(new MobIdentity.OldMob(mob.id(), org.milkmobs.domain.embedding.Vectors.mean(vectorsOfMob)));
            }
        }
        return old;
    }

    private void progress(UUID run, String phase, double progress) {
        transactions.inTransaction(() -> {
            runs.progress(run, phase, progress, clock.instant());
            return null;
        });
    }

    private ReclusterRun finish(UUID run, int k, double inertia, int videos, int moved) {
        return transactions.inTransaction(() -> {
            runs.succeed(run, k, inertia, videos, moved, clock.instant());
            return runs.find(run).orElseThrow();
        });
    }

    @Override
    public int relabel() {
        MobSpace space = vectors.space();
        Instant started = clock.instant();
        int labelled = transactions.inTransaction(() -> {
            if (!clustering.changedSince(space, labelledAt)) {
                return 0;
            }
            Map<MobId, String> labels = labels(space);
            clustering.relabel(labels);
            return labels.size();
        });
        labelledAt = started;
        return labelled;
    }

    /** Labels that leave out the campaign's own hashtags and keywords: every member carries them. */
    private Map<MobId, String> labels(MobSpace space) {
        Campaign current = campaign.current().campaign();
        Set<String> campaignTerms = new HashSet<>(current.hashtags().values());
        campaignTerms.addAll(current.keywords());
        return MobLabels.label(clustering.memberTerms(space), campaignTerms, LABEL_TERMS);
    }

    @Override
    public Optional<ReclusterRun> run(UUID id) {
        return transactions.inTransaction(() -> runs.find(id));
    }

    @Override
    public Optional<ReclusterRun> latest() {
        return transactions.inTransaction(runs::latest);
    }
}
