package org.milkmobs.application.service.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.IdempotencyKeyReusedException;
import org.milkmobs.application.port.in.SubmitVideoUseCase;
import org.milkmobs.application.port.in.SubmitVideoUseCase.SubmitVideoCommand;
import org.milkmobs.application.port.in.SubmitVideoUseCase.SubmittedVideo;
import org.milkmobs.application.port.out.media.MediaLimits;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.application.testing.InMemoryBlobStorage;
import org.milkmobs.application.testing.InMemoryIdempotencyKeys;
import org.milkmobs.application.testing.InMemoryWorkflows;
import org.milkmobs.application.testing.TestDetails;
import org.milkmobs.application.testing.InMemoryVideoStore;
import org.milkmobs.application.testing.TestClock;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.Description;
import org.milkmobs.domain.video.Hashtags;
import org.milkmobs.domain.video.Title;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoStatus;

/** Submitting a video: it is stored SUBMITTED with an upload grant, and an Idempotency-Key makes a retry return it again. */
class SubmitVideoServiceTest {

    private static final UserId ALICE = new UserId("alice");

    private final TestClock clock = TestClock.at("2026-12-04T08:00:00Z");
    private final InMemoryVideoStore videos = new InMemoryVideoStore();
    private final InMemoryIdempotencyKeys keys = new InMemoryIdempotencyKeys();
    private final InMemoryBlobStorage storage = new InMemoryBlobStorage();
    private final SubmitVideoUseCase submit = new SubmitVideoService(videos, videos, keys, storage,
            new MediaLimits(50_000_000, 1, 120), new UploadSettings(Duration.ofMinutes(15), Duration.ofMinutes(5), Duration.ofMinutes(20),
            Duration.ofHours(24)), TestDetails.over(storage, new InMemoryWorkflows()), clock);

    @Test
    void aSubmittedVideoIsStoredWaitingForItsUploadWithAGrantCappedAtTheMediaLimit() {
        SubmittedVideo submitted = submit.submit(command("Pour", Optional.empty()));

        Video stored = videos.loadVideo(submitted.video().id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(VideoStatus.SUBMITTED);
        assertThat(stored.owner()).isEqualTo(ALICE);
        assertThat(stored.title()).isEqualTo(new Title("Pour"));
        assertThat(stored.hashtags()).isEqualTo(Hashtags.of("#MilkMob"));
        assertThat(stored.createdAt()).isEqualTo(clock.instant());
        assertThat(submitted.upload().maxBytes()).isEqualTo(50_000_000);
        assertThat(submitted.upload().url().toString()).as("the staging key, not the video's own").endsWith(BlobKey.staging(submitted.video().id()).toString());
        assertThat(submitted.repeated()).isFalse();
        assertThat(keys.size()).as("no key, nothing remembered").isZero();
    }

    @Test
    void aRetryWithTheSameKeyReturnsTheFirstVideoAndMakesNoSecond() {
        SubmittedVideo first = submit.submit(command("Pour", Optional.of("retry-1")));
        clock.advance(Duration.ofSeconds(3));

        SubmittedVideo again = submit.submit(command("Pour", Optional.of("retry-1")));

        assertThat(again.repeated()).isTrue();
        assertThat(again.video().id()).isEqualTo(first.video().id());
        assertThat(again.upload()).as("a fresh grant for the same file").isNotNull();
        assertThat(videos.all()).hasSize(1);
    }

    @Test
    void theSameKeyForADifferentVideoIsRefusedAndStoresNothing() {
        submit.submit(command("Pour", Optional.of("retry-1")));

        assertThatThrownBy(() -> submit.submit(command("Another pour", Optional.of("retry-1"))))
                .isInstanceOf(IdempotencyKeyReusedException.class);
        assertThat(videos.all()).hasSize(1);
    }

    @Test
    void keysArePerUserAndMustBeVisibleAscii() {
        submit.submit(command("Pour", Optional.of("k")));

        SubmittedVideo bobs = submit.submit(new SubmitVideoCommand(new UserId("bob"), new Title("Pour"), Description.EMPTY,
                Hashtags.of("#MilkMob"), Optional.of("k")));

        assertThat(bobs.repeated()).isFalse();
        assertThat(videos.all()).hasSize(2);
        assertThatThrownBy(() -> command("Pour", Optional.of("with space"))).isInstanceOf(InvalidValueException.class);
    }

    private static SubmitVideoCommand command(String title, Optional<String> key) {
        return new SubmitVideoCommand(ALICE, new Title(title), new Description("a pour"), Hashtags.of("#MilkMob"), key);
    }
}
