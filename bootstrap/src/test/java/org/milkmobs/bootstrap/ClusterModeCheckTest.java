package org.milkmobs.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClusterModeCheckTest {

    @Test
    void aClusterOnTheLocalDiskNeedsASharedDiskAndASharedSigningKey() {
        assertThat(ClusterModeCheck.missing(true, "local", false, false)).hasSize(2)
                .anySatisfy(m -> assertThat(m).startsWith("storage.local.shared=true"))
                .anySatisfy(m -> assertThat(m).startsWith("storage.local.signing-key"));
        assertThat(ClusterModeCheck.missing(true, "local", true, false)).singleElement().asString().startsWith("storage.local.signing-key");
        assertThat(ClusterModeCheck.missing(true, "local", false, true)).singleElement().asString().startsWith("storage.local.shared");
    }

    @Test
    void aClusterOnS3OrASharedDiskWithItsKeyStartsAndSoDoesASingleInstance() {
        assertThat(ClusterModeCheck.missing(true, "s3", false, false)).isEmpty();
        assertThat(ClusterModeCheck.missing(true, "local", true, true)).isEmpty();
        assertThat(ClusterModeCheck.missing(false, "local", false, false)).isEmpty();
    }
}
