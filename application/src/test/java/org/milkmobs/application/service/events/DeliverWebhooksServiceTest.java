package org.milkmobs.application.service.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.events.WebhookAdminUseCase.Definition;
import org.milkmobs.application.port.in.events.WebhookAdminUseCase.WithSecret;
import org.milkmobs.application.testing.ScriptedWebhookSender.Sent;
import org.milkmobs.domain.events.DeliveryAttempt;
import org.milkmobs.domain.events.WebhookDelivery;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.user.UserId;

class DeliverWebhooksServiceTest {

    private static final Caller ADMIN = Caller.admin(new UserId("admin-1"));
    private static final URI TARGET = URI.create("https://hooks.example.com/milkmobs");

    private final WebhookFixture f = new WebhookFixture();

    private WithSecret subscribe() {
        return f.admin.create(new Definition(TARGET, Set.of(), true, "crm"), ADMIN);
    }

    @Test
    void aRequestCarriesTheEventAsBodyItsIdAndASignatureOverTimeAndBody() {
        WithSecret created = subscribe();
        f.videoEvent("video.submitted", UUID.randomUUID().toString(), "alice");
        f.relay.relay();

        assertThat(f.deliver.deliverDue("w")).isEqualTo(1);

        Sent sent = f.sender.sent().get(0);
        String body = new String(sent.body(), StandardCharsets.UTF_8);
        long t = f.clock.instant().getEpochSecond();
        assertThat(sent.headers()).containsEntry("Milkmobs-Signature", "t=" + t + ",v1=" + WebhookSignature.hmac(created.secret(), t, sent.body()))
                .containsEntry("Milkmobs-Event-Id", f.events.published().get(0).id().toString())
                .containsEntry("Content-Type", "application/json");
        assertThat(body).contains("\"type\":\"video.submitted\"").contains("\"sequence\":1");
        assertThat(log(created).get(0).state()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aFailureIsRetriedAfterItsBackoffAndTheLastAttemptEndsDead() {
        WithSecret created = subscribe();
        f.sender.script(TARGET, n -> n == 2 ? -1 : 500);
        f.videoEvent("video.submitted", UUID.randomUUID().toString(), "alice");
        f.relay.relay();

        f.deliver.deliverDue("w");
        assertThat(f.deliver.deliverDue("w")).as("not yet due").isZero();
        f.clock.advance(Duration.ofSeconds(2));
        f.deliver.deliverDue("w");
        f.clock.advance(Duration.ofSeconds(4));
        f.deliver.deliverDue("w");

        WebhookDelivery delivery = log(created).get(0);
        assertThat(delivery.state()).isEqualTo("DEAD");
        assertThat(delivery.attempts()).extracting(DeliveryAttempt::statusCode).containsExactly(500, null, 500);
        assertThat(delivery.attempts().get(1).error()).contains("no answer");
        assertThat(f.admin.failing(ADMIN)).extracting(s -> s.subscriptionId()).containsExactly(created.subscription().id());
    }

    @Test
    void aTargetThatNowResolvesInsideTheNetworkIsRefusedAtOnce() {
        WithSecret created = subscribe();
        f.resolver.name("hooks.example.com", "192.168.1.20");
        f.videoEvent("video.submitted", UUID.randomUUID().toString(), "alice");
        f.relay.relay();

        f.deliver.deliverDue("w");

        assertThat(f.sender.sent()).isEmpty();
        WebhookDelivery delivery = log(created).get(0);
        assertThat(delivery.state()).isEqualTo("DEAD");
        assertThat(delivery.attempts().get(0).error()).contains("refused").contains("192.168.1.20");
    }

    @Test
    void duringARotationsGracePeriodBothSecretsSign() {
        WithSecret created = subscribe();
        WithSecret rotated = f.admin.rotateSecret(created.subscription().id(), ADMIN);
        f.videoEvent("video.submitted", UUID.randomUUID().toString(), "alice");
        f.relay.relay();

        f.deliver.deliverDue("w");

        Sent sent = f.sender.sent().get(0);
        long t = f.clock.instant().getEpochSecond();
        assertThat(sent.headers().get("Milkmobs-Signature")).isEqualTo("t=" + t + ",v1=" + WebhookSignature.hmac(rotated.secret(), t, sent.body())
                + ",v1=" + WebhookSignature.hmac(created.secret(), t, sent.body()));
        f.clock.advance(Duration.ofHours(2));
        f.videoEvent("video.uploaded", UUID.randomUUID().toString(), "alice");
        f.relay.relay();
        f.deliver.deliverDue("w");
        assertThat(f.sender.sent().get(1).headers().get("Milkmobs-Signature")).doesNotContain(
                WebhookSignature.hmac(created.secret(), f.clock.instant().getEpochSecond(), f.sender.sent().get(1).body()));
    }

    private java.util.List<WebhookDelivery> log(WithSecret created) {
        return f.admin.deliveries(created.subscription().id(), Optional.empty(), 10, ADMIN);
    }
}
