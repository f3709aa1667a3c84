package org.milkmobs.application.service.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.ForbiddenException;
import org.milkmobs.application.port.in.events.WebhookAdminUseCase.Definition;
import org.milkmobs.application.port.in.events.WebhookAdminUseCase.SubscriptionNotFoundException;
import org.milkmobs.application.port.in.events.WebhookAdminUseCase.WithSecret;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.events.WebhookDelivery;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.user.UserId;

class WebhookAdminServiceTest {

    private static final Caller ADMIN = Caller.admin(new UserId("admin-1"));
    private final WebhookFixture f = new WebhookFixture();

    private static Definition to(String url) {
        return new Definition(URI.create(url), Set.of(), true, null);
    }

    @Test
    void aSubscriptionGetsAFreshSecretThatIsShownOnlyOnCreation() {
        WithSecret one = f.admin.create(to("https://hooks.example.com/a"), ADMIN);
        WithSecret two = f.admin.create(to("https://hooks.example.com/b"), ADMIN);

        assertThat(one.secret()).startsWith("whsec_").hasSize(6 + 64).isNotEqualTo(two.secret());
        assertThat(f.admin.list(ADMIN)).hasSize(2);
        assertThat(f.admin.get(one.subscription().id(), ADMIN).createdBy()).isEqualTo("admin-1");
    }

    @Test
    void targetsInsideTheNetworkAreRefusedByWhereTheyResolve() {
        f.resolver.name("intranet.example.com", "10.1.2.3").name("mixed.example.com", "93.184.216.34", "169.254.169.254");

        for (String url : new String[] {"http://127.0.0.1/x", "http://169.254.169.254/latest", "http://localhost/x",
                "https://intranet.example.com/x", "https://mixed.example.com/x", "http://[fd00::1]/x", "http://100.64.0.1/x",
                "https://nowhere.example.com/x"}) {
            assertThatThrownBy(() -> f.admin.create(to(url), ADMIN)).as(url).isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("resolves");
        }
        assertThat(f.admin.list(ADMIN)).isEmpty();
    }

    @Test
    void theAllowListAdmitsItsRangesOnly() {
        f.resolver.name("build.internal", "10.20.3.4").name("db.internal", "10.21.0.1");

        assertThat(f.admin.create(to("http://build.internal/hook"), ADMIN).subscription().url().getHost()).isEqualTo("build.internal");
        assertThatThrownBy(() -> f.admin.create(to("http://db.internal/hook"), ADMIN)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void onlyAdminsManageWebhooks() {
        Caller consumer = Caller.consumer(new UserId("alice"));

        assertThatThrownBy(() -> f.admin.create(to("https://hooks.example.com/a"), consumer)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.admin.list(consumer)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> f.admin.get(UUID.randomUUID(), ADMIN)).isInstanceOf(SubscriptionNotFoundException.class);
    }

    @Test
    void anUpdateKeepsTheSecretAndAnInactiveSubscriptionGetsNothing() {
        WithSecret created = f.admin.create(to("https://hooks.example.com/a"), ADMIN);
        f.admin.update(created.subscription().id(), new Definition(URI.create("https://hooks.example.com/b"), Set.of("video.validated"),
                false, "paused"), ADMIN);
        f.videoEvent("video.validated", UUID.randomUUID().toString(), "alice");

        f.relay.relay();

        assertThat(f.admin.get(created.subscription().id(), ADMIN).secret()).isEqualTo(created.secret());
        assertThat(f.admin.deliveries(created.subscription().id(), Optional.empty(), 10, ADMIN)).isEmpty();
    }

    @Test
    void aReplayDeliversTheSameEventAgainAndARangeReplaysWhatItWants() {
        WithSecret created = f.admin.create(new Definition(URI.create("https://hooks.example.com/a"), Set.of("video.uploaded"), true, null),
                ADMIN);
        String video = UUID.randomUUID().toString();
        f.videoEvent("video.submitted", video, "alice");
        f.videoEvent("video.uploaded", video, "alice");
        f.relay.relay();
        f.deliver.deliverDue("w");
        WebhookDelivery original = f.admin.deliveries(created.subscription().id(), Optional.empty(), 10, ADMIN).get(0);

        WebhookDelivery replay = f.admin.replay(created.subscription().id(), original.id(), ADMIN);
        f.deliver.deliverDue("w");

        assertThat(replay.eventId()).isEqualTo(original.eventId());
        assertThat(replay.replayOf()).isEqualTo(original.id());
        assertThat(f.sender.sent()).extracting(s -> s.headers().get("Milkmobs-Event-Id")).containsExactly(original.eventId().toString(),
                original.eventId().toString());
        Duration hour = Duration.ofHours(1);
        assertThat(f.admin.replayRange(created.subscription().id(), f.clock.instant().minus(hour), f.clock.instant().plus(hour), ADMIN))
                .isEqualTo(1);
        assertThatThrownBy(() -> f.admin.replayRange(created.subscription().id(), f.clock.instant(), f.clock.instant(), ADMIN))
                .isInstanceOf(InvalidValueException.class);
    }
}
