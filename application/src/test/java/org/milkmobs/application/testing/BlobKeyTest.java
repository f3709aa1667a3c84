package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.domain.video.VideoId;

class BlobKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"../etc/passwd", "/etc/passwd", "videos/../../x", "videos//x", "Videos/X", "a/./b", "a\\b", "", "a/b/"})
    void unsafeKeysAreRefused(String key) {
        assertThatThrownBy(() -> new BlobKey(key)).isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void keysMadeFromIdsAreSafe() {
        VideoId id = VideoId.generate();
        assertThat(BlobKey.allOf(id)).extracting(BlobKey::value)
                .containsExactly("uploads/" + id, "videos/" + id + "/source", "videos/" + id + "/thumbnail.jpg");
    }
}
