package org.milkmobs.application.testing;

import java.time.Instant;
import java.util.function.Supplier;
import org.milkmobs.application.port.out.mob.LoadMobsPort;
import org.milkmobs.application.port.out.mob.MobClusteringPort;
import org.milkmobs.application.port.out.mob.MobMembershipPort;
import org.milkmobs.domain.embedding.Vectors;
import org.milkmobs.domain.mob.MembershipRule;
import org.milkmobs.domain.mob.MobSpace;
import org.milkmobs.domain.video.VideoId;

/**
 * What the three mob port contracts share: the ports of one store (the twin, or the SQL adapter), videos that exist in
 * its world, a transaction around each call, and a fresh space per test, so the suites need no clean database.
 */
public abstract class MobPortsFixture {

    protected static final Instant T0 = Instant.parse("2026-12-04T08:00:00Z");
    protected static final MembershipRule RULE = new MembershipRule(0.8, 100);

    protected final MobSpace space = new MobSpace("contract-" + System.nanoTime());

    /** The three ports of one store. */
    public record Ports(LoadMobsPort loading, MobMembershipPort membership, MobClusteringPort clustering) {

        public static <S extends LoadMobsPort & MobMembershipPort & MobClusteringPort> Ports of(S store) {
            return new Ports(store, store, store);
        }
    }

    /** The store under test and its world: the twin's has any video and needs no transaction. */
    public interface World {

        Ports ports();

        /** A video that exists in the store's world. */
        default VideoId newVideo() {
            return VideoId.generate();
        }

        default <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    }

    protected abstract World world();

    protected LoadMobsPort loading() {
        return world().ports().loading();
    }

    protected MobMembershipPort membership() {
        return world().ports().membership();
    }

    protected MobClusteringPort clustering() {
        return world().ports().clustering();
    }

    protected VideoId newVideo() {
        return world().newVideo();
    }

    protected <T> T inTransaction(Supplier<T> work) {
        return world().inTransaction(work);
    }

    protected void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    protected static float[] axis(int dimension, int index) {
        float[] v = new float[dimension];
        v[index] = 1;
        return v;
    }

    /** A unit vector mostly along {@code index}, a little along the next axis. */
    protected static float[] near(int dimension, int index, float tilt) {
        float[] v = axis(dimension, index);
        v[(index + 1) % dimension] = tilt;
        return Vectors.normalised(v);
    }
}
