package org.milkmobs.application.service.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.in.ForbiddenException;
import org.milkmobs.application.port.in.budget.BudgetAdminUseCase;
import org.milkmobs.application.port.in.budget.BudgetAdminUseCase.BudgetView;
import org.milkmobs.application.port.out.budget.PaidCall;
import org.milkmobs.application.port.out.budget.Reservation;
import org.milkmobs.application.testing.InMemoryBudgetLedger;
import org.milkmobs.application.testing.InMemoryUsage;
import org.milkmobs.application.testing.TestClock;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.budget.BudgetLimit;
import org.milkmobs.domain.budget.BudgetLimits;
import org.milkmobs.domain.budget.BudgetMode;
import org.milkmobs.domain.budget.BudgetPeriod;
import org.milkmobs.domain.budget.BudgetScope;
import org.milkmobs.domain.budget.BudgetWindow;
import org.milkmobs.domain.usage.ModelOperation;
import org.milkmobs.domain.usage.PricedUnit;
import org.milkmobs.domain.usage.UsageRecord;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.VideoId;

/** The admin's budget: the view, audited ceiling changes, and stale reservations, on the in-memory ledger. */
class BudgetAdminServiceTest {

    private static final Caller ADMIN = Caller.admin(new UserId("root"));

    private final TestClock clock = TestClock.at("2026-12-04T08:10:00Z");
    private final InMemoryBudgetLedger ledger = new InMemoryBudgetLedger(new InMemoryUsage())
            .withLimits(new BudgetLimit(BudgetScope.GLOBAL, BudgetPeriod.DAY, new BigDecimal("5.00")));
    private final BudgetAdminUseCase budget = new BudgetAdminService(ledger, BudgetMode.STRICT, clock);

    @Test
    void anAdminChangesCeilingsAndEveryActualChangeIsAuditedWithTheReason() {
        BudgetView view = budget.changeLimits(List.of(
                new BudgetLimits.Requested(BudgetScope.GLOBAL, BudgetPeriod.DAY, Optional.of(new BigDecimal("5.00"))),
                new BudgetLimits.Requested(BudgetScope.GLOBAL, BudgetPeriod.HOUR, Optional.of(new BigDecimal("1.00")))),
                "launch week", ADMIN);

        assertThat(view.limits().ceiling(BudgetScope.GLOBAL, BudgetPeriod.HOUR)).hasValueSatisfying(usd -> assertThat(usd).isEqualByComparingTo("1"));
        assertThat(view.recentChanges()).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("root");
            assertThat(entry.reason()).isEqualTo("launch week");
            assertThat(entry.change().period()).as("the unchanged day ceiling is not audited").isEqualTo(BudgetPeriod.HOUR);
            assertThat(entry.change().at()).isEqualTo(clock.instant());
        });
        assertThat(view.mode()).isEqualTo(BudgetMode.STRICT);
        assertThat(view.at()).isEqualTo(clock.instant());
    }

    @Test
    void liftingACeilingRemovesIt() {
        BudgetView view = budget.changeLimits(List.of(new BudgetLimits.Requested(BudgetScope.GLOBAL, BudgetPeriod.DAY, Optional.empty())),
                null, ADMIN);

        assertThat(view.limits().all()).isEmpty();
        assertThat(view.recentChanges()).singleElement().satisfies(entry -> assertThat(entry.change().after()).isEmpty());
    }

    @Test
    void aConsumerMayNotChangeTheBudgetNorMayAnyoneNameACeilingTwice() {
        List<BudgetLimits.Requested> hour = List.of(new BudgetLimits.Requested(BudgetScope.GLOBAL, BudgetPeriod.HOUR,
                Optional.of(BigDecimal.ONE)));

        assertThatThrownBy(() -> budget.changeLimits(hour, "why not", Caller.consumer(new UserId("alice"))))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> budget.changeLimits(List.of(hour.get(0), hour.get(0)), "twice", ADMIN))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> budget.changeLimits(hour, "x".repeat(501), ADMIN)).isInstanceOf(InvalidValueException.class);
        assertThat(ledger.limits().ceiling(BudgetScope.GLOBAL, BudgetPeriod.HOUR)).isEmpty();
        assertThat(ledger.audit(10)).isEmpty();
    }

    @Test
    void reservationsOfDeadWorkersAreReleasedOnceExpiredAndTheViewShowsWhatIsHeld() {
        BudgetWindow day = BudgetWindow.containing(BudgetScope.GLOBAL, BudgetPeriod.DAY, clock.instant());
        ledger.reserve(new Reservation(UUID.randomUUID(), new PaidCall("model", ModelOperation.EMBED_VIDEO, Map.of(PricedUnit.MEDIA_SECOND, 10.0),
                UsageRecord.Subject.video(VideoId.generate())), new BigDecimal("0.40"), List.of(day), clock.instant(),
                clock.instant().plus(Duration.ofMinutes(15))), BudgetMode.STRICT);

        assertThat(budget.view().heldReservations()).isEqualTo(1);
        assertThat(budget.view().windows()).filteredOn(standing -> standing.window().equals(day)).singleElement()
                .satisfies(standing -> assertThat(standing.reserved()).isEqualByComparingTo("0.40"));
        assertThat(budget.expireStaleReservations()).as("not expired yet").isZero();

        clock.advance(Duration.ofMinutes(15));

        assertThat(budget.expireStaleReservations()).isEqualTo(1);
        assertThat(budget.view().heldReservations()).isZero();
        assertThat(ledger.reserved(day)).isEqualByComparingTo("0");
    }
}
