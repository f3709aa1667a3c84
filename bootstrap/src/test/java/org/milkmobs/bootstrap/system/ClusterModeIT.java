package org.milkmobs.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, point 4: an instance of a cluster refuses to start on its own local disk (the others could not read
 * its files nor check its signed URLs), before it migrates or works; S3 is the cluster's store.
 */
class ClusterModeIT {

    @Test
    void aClusterInstanceOnAnUnsharedLocalDiskRefusesToStartAndSaysWhy() {
        Map<String, String> env = new HashMap<>(SystemTestServer.DEFAULTS);
        env.putAll(MilkMobsServer.env("CLUSTER_ENABLED", "true", "STORAGE_BACKEND", "local"));
        assertThatThrownBy(() -> MilkMobsServer.start("cluster-local-disk", env).close())
                .hasMessageContaining("Milk Mobs failed to deploy")
                .hasMessageContaining("cluster.enabled=true with the local disk store needs storage.local.shared=true")
                .hasMessageContaining("storage.local.signing-key");
    }
}
