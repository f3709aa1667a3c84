package org.milkmobs.adapters.persistence.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.adapters.persistence.testing.PersistenceTest;
import org.milkmobs.application.port.out.budget.BudgetExhaustedException;
import org.milkmobs.application.port.out.budget.BudgetLedger;
import org.milkmobs.application.port.out.budget.PaidCall;
import org.milkmobs.application.port.out.budget.Reservation;
import org.milkmobs.application.service.budget.BudgetGuard;
import org.milkmobs.application.testing.TestClock;
import org.milkmobs.domain.budget.Budget;
import org.milkmobs.domain.budget.BudgetLimit;
import org.milkmobs.domain.budget.BudgetLimits;
import org.milkmobs.domain.budget.BudgetMode;
import org.milkmobs.domain.budget.BudgetPeriod;
import org.milkmobs.domain.budget.BudgetScope;
import org.milkmobs.domain.budget.BudgetStanding;
import org.milkmobs.domain.usage.ModelOperation;
import org.milkmobs.domain.usage.PriceTable;
import org.milkmobs.domain.usage.PricedUnit;
import org.milkmobs.domain.usage.UsageRecord;
import org.milkmobs.domain.usage.UsageRecord.Subject;
import org.milkmobs.domain.video.VideoId;

/** The budget's guarantees on a real PostgreSQL, with concurrent workers on connections of their own. */
class BudgetLedgerTest extends PersistenceTest {

    private static final String MARENGO = "twelvelabs.marengo-embed-3-0-v1:0";
    /** $0.001 a second: a 10-second video is estimated at exactly one cent. */
    private static final PriceTable PRICES = PriceTable.empty().with(MARENGO, PricedUnit.MEDIA_SECOND, new BigDecimal("0.001"));
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private final TestClock clock = TestClock.at("2026-11-23T10:15:00Z");
    private final BudgetLedger ledger = BudgetStorageForTests.ledger(em);

    @Test
    void fiftyConcurrentReservationsNeverSettleMoreThanTheCeiling() throws Exception {
        ceiling(BudgetScope.GLOBAL, BudgetPeriod.DAY, "0.25");
        int workers = 50;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        List<EntityManager> connections = new ArrayList<>();
        try {
            for (int i = 0; i < workers; i++) {
                EntityManager own = jpa.newEntityManager();
                connections.add(own);
                BudgetGuard guard = guard(BudgetStorageForTests.ledger(own), BudgetMode.STRICT);
                outcomes.add(pool.submit((Callable<Boolean>) () -> {
                    start.await();
                    try {
                        Reservation reservation = guard.reserve(call(10));
                        guard.settle(reservation, usage(CENT, Optional.empty()));
                        return true;
                    } catch (BudgetExhaustedException refused) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int paid = 0;
            for (Future<Boolean> outcome : outcomes) {
                paid += outcome.get(2, TimeUnit.MINUTES) ? 1 : 0;
            }

            assertThat(paid).isEqualTo(25);
            BudgetStanding day = standing(BudgetScope.GLOBAL, BudgetPeriod.DAY);
            assertThat(day.spent()).isEqualByComparingTo("0.25");
            assertThat(day.reserved()).isEqualByComparingTo("0");
            assertThat(usageTotal()).isEqualByComparingTo("0.25");
            assertThat(ledger.heldReservations()).isZero();
        } finally {
            pool.shutdownNow();
            connections.forEach(EntityManager::close);
        }
    }

    @Test
    void aRefusalHoldsNothingAndNamesWhenTheFullWindowReopens() {
        ceiling(BudgetScope.GLOBAL, BudgetPeriod.HOUR, "0.015");
        BudgetGuard guard = guard(ledger, BudgetMode.STRICT);
        guard.settle(guard.reserve(call(10)), usage(CENT, Optional.empty()));

        assertThatThrownBy(() -> guard.reserve(call(10))).isInstanceOfSatisfying(BudgetExhaustedException.class, e -> {
            assertThat(e.reopensAt()).isEqualTo(Instant.parse("2026-11-23T11:00:00Z"));
            assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(45));
            assertThat(e.getMessage()).contains("global hour ceiling");
        });
        assertThat(standing(BudgetScope.GLOBAL, BudgetPeriod.HOUR).reserved()).isEqualByComparingTo("0");
        assertThat(ledger.heldReservations()).isZero();

        clock.set(Instant.parse("2026-11-23T11:00:00Z"));
        guard.settle(guard.reserve(call(10)), usage(CENT, Optional.empty()));
        assertThat(standing(BudgetScope.GLOBAL, BudgetPeriod.DAY).spent()).isEqualByComparingTo("0.02");
    }

    @Test
    void aModelCeilingBindsOnlyThatModel() {
        ceiling(BudgetScope.model(MARENGO), BudgetPeriod.MONTH, "0.01");
        BudgetGuard guard = guard(ledger, BudgetMode.STRICT);
        guard.settle(guard.reserve(call(10)), usage(CENT, Optional.empty()));

        assertThatThrownBy(() -> guard.reserve(call(1))).isInstanceOf(BudgetExhaustedException.class)
                .hasMessageContaining(MARENGO + " month ceiling");
        Reservation otherModel = guard.reserve(new PaidCall("pegasus", ModelOperation.ANALYZE_VIDEO, Map.of(PricedUnit.MEDIA_SECOND, 10.0),
                Subject.video(VideoId.generate())));
        assertThat(otherModel.estimate()).isEqualByComparingTo("0");
        guard.release(otherModel);
    }

    /** The rule (ADR 0012): the actual cost is booked even above the estimate; the excess shows as an overrun and blocks further calls. */
    @Test
    void anActualCostAboveTheEstimateIsBookedAndShowsAsOverrun() {
        ceiling(BudgetScope.GLOBAL, BudgetPeriod.DAY, "0.015");
        BudgetGuard guard = guard(ledger, BudgetMode.STRICT);
        Reservation reservation = guard.reserve(call(10));
        guard.settle(reservation, usage(new BigDecimal("0.02"), Optional.empty()));

        BudgetStanding day = standing(BudgetScope.GLOBAL, BudgetPeriod.DAY);
        assertThat(day.spent()).isEqualByComparingTo("0.02");
        assertThat(day.overrun()).isEqualByComparingTo("0.005");
        assertThat(day.remaining()).hasValueSatisfying(remaining -> assertThat(remaining).isEqualByComparingTo("0"));
        assertThat(tx(() -> new Sql(em).query("SELECT estimate_usd FROM model_usage", r -> r.getBigDecimal(1)))).singleElement()
                .satisfies(estimate -> assertThat(estimate).isEqualByComparingTo("0.01"));
        assertThatThrownBy(() -> guard.reserve(call(1))).isInstanceOf(BudgetExhaustedException.class);
    }

    @Test
    void warnModeAllowsTheOverrunAndReportsIt() {
        ceiling(BudgetScope.GLOBAL, BudgetPeriod.DAY, "0.015");
        BudgetGuard guard = guard(ledger, BudgetMode.WARN);
        guard.settle(guard.reserve(call(10)), usage(CENT, Optional.empty()));
        Reservation over = guard.reserve(call(10));

        assertThat(tx(() -> new Sql(em).query("SELECT over_ceiling FROM budget_reservation", r -> r.getBoolean(1)))).containsExactly(true);
        guard.settle(over, usage(CENT, Optional.empty()));
        assertThat(standing(BudgetScope.GLOBAL, BudgetPeriod.DAY).overrun()).isEqualByComparingTo("0.005");
    }

    @Test
    void theReservationOfACrashedWorkerExpiresAndGivesItsMoneyBack() {
        ceiling(BudgetScope.GLOBAL, BudgetPeriod.DAY, "0.01");
        BudgetGuard guard = guard(ledger, BudgetMode.STRICT);
        guard.reserve(call(10)); // its worker dies: never settled, never released
        assertThatThrownBy(() -> guard.reserve(call(10))).isInstanceOf(BudgetExhaustedException.class);

        assertThat(ledger.expire(clock.instant().plus(Duration.ofMinutes(9)))).isZero();
        assertThat(ledger.expire(clock.instant().plus(Duration.ofMinutes(10)))).isEqualTo(1);

        assertThat(ledger.heldReservations()).isZero();
        assertThat(standing(BudgetScope.GLOBAL, BudgetPeriod.DAY).reserved()).isEqualByComparingTo("0");
        guard.settle(guard.reserve(call(10)), usage(CENT, Optional.empty()));
    }

    @Test
    void aSettlementAfterExpiryStillBooksTheMoneyThatWasSpent() {
        BudgetGuard guard = guard(ledger, BudgetMode.STRICT);
        Reservation slow = guard.reserve(call(10));
        ledger.expire(clock.instant().plus(Duration.ofHours(1)));
        guard.settle(slow, usage(CENT, Optional.empty()));
        guard.release(slow);

        BudgetStanding day = standing(BudgetScope.GLOBAL, BudgetPeriod.DAY);
        assertThat(day.spent()).isEqualByComparingTo("0.01");
        assertThat(day.reserved()).isEqualByComparingTo("0");
    }

    @Test
    void aRepeatedAsynchronousStartOfAPaidTokenCostsNothingAgain() {
        BudgetGuard guard = guard(ledger, BudgetMode.STRICT);
        guard.settle(guard.reserve(call(10)), usage(CENT, Optional.of("mm-token")));
        guard.settle(guard.reserve(call(10)), usage(CENT, Optional.of("mm-token")));

        assertThat(usageTotal()).isEqualByComparingTo("0.01");
        assertThat(standing(BudgetScope.GLOBAL, BudgetPeriod.DAY).spent()).isEqualByComparingTo("0.01");
    }

    @Test
    void releasingAFailedCallGivesTheEstimateBackOnce() {
        BudgetGuard guard = guard(ledger, BudgetMode.STRICT);
        Reservation failed = guard.reserve(call(10));
        Reservation held = guard.reserve(call(20));
        guard.release(failed);
        guard.release(failed);

        assertThat(standing(BudgetScope.GLOBAL, BudgetPeriod.HOUR).reserved()).isEqualByComparingTo("0.02");
        assertThat(standing(BudgetScope.model(MARENGO), BudgetPeriod.MONTH).reserved()).isEqualByComparingTo("0.02");
        guard.release(held);
    }

    @Test
    void limitChangesAreAuditedAndConfigurationNeverOverwritesThem() {
        ledger.seedLimits(List.of(new BudgetLimit(BudgetScope.GLOBAL, BudgetPeriod.DAY, new BigDecimal("50"))), clock.instant());
        BudgetLimits.Changed changed = ledger.limits().change(List.of(
                new BudgetLimits.Requested(BudgetScope.GLOBAL, BudgetPeriod.DAY, Optional.empty()),
                new BudgetLimits.Requested(BudgetScope.model(MARENGO), BudgetPeriod.HOUR, Optional.of(new BigDecimal("2.5")))), clock.instant());
        ledger.changeLimits(changed, "admin-1", "launch week");
        ledger.seedLimits(List.of(new BudgetLimit(BudgetScope.GLOBAL, BudgetPeriod.DAY, new BigDecimal("50")),
                new BudgetLimit(BudgetScope.GLOBAL, BudgetPeriod.MONTH, new BigDecimal("900"))), clock.instant());

        assertThat(ledger.limits().all()).containsExactly(
                new BudgetLimit(BudgetScope.GLOBAL, BudgetPeriod.MONTH, new BigDecimal("900")),
                new BudgetLimit(BudgetScope.model(MARENGO), BudgetPeriod.HOUR, new BigDecimal("2.5")));
        assertThat(ledger.audit(10)).extracting(e -> e.change().scope() + " " + e.change().period() + " " + e.change().before()
                + " -> " + e.change().after() + " by " + e.actor() + ": " + e.reason()).containsExactlyInAnyOrder(
                "global DAY Optional[50.00000000] -> Optional.empty by admin-1: launch week",
                MARENGO + " HOUR Optional.empty -> Optional[2.50000000] by admin-1: launch week");
    }

    @Test
    void standingsShowEveryGlobalWindowAndEveryCeilingEvenBeforeAnySpending() {
        ceiling(BudgetScope.model(MARENGO), BudgetPeriod.DAY, "3");
        assertThat(ledger.standings(clock.instant())).extracting(s -> s.window().scope() + "/" + s.window().period() + "=" + s.ceiling()
                .map(BigDecimal::stripTrailingZeros).map(BigDecimal::toPlainString).orElse("-")).containsExactly(
                "global/HOUR=-", "global/DAY=-", "global/MONTH=-", MARENGO + "/DAY=3");
    }

    private void ceiling(BudgetScope scope, BudgetPeriod period, String usd) {
        ledger.changeLimits(ledger.limits().change(List.of(new BudgetLimits.Requested(scope, period, Optional.of(new BigDecimal(usd)))),
                clock.instant()), "test", "test ceiling");
    }

    private BudgetGuard guard(BudgetLedger on, BudgetMode mode) {
        return new BudgetGuard(new Budget(PRICES, mode), on, Duration.ofMinutes(10), clock);
    }

    private static PaidCall call(double seconds) {
        return new PaidCall(MARENGO, ModelOperation.EMBED_VIDEO, Map.of(PricedUnit.MEDIA_SECOND, seconds), Subject.video(VideoId.generate()));
    }

    private UsageRecord usage(BigDecimal cost, Optional<String> token) {
        return new UsageRecord(clock.instant(), MARENGO, ModelOperation.EMBED_VIDEO, Map.of(PricedUnit.MEDIA_SECOND, 10.0), 0,
                Duration.ofMillis(5), cost, Optional.empty(), Subject.video(VideoId.generate()), token);
    }

    private BudgetStanding standing(BudgetScope scope, BudgetPeriod period) {
        return ledger.standings(clock.instant()).stream().filter(s -> s.window().scope().equals(scope) && s.window().period() == period)
                .findFirst().orElseThrow();
    }

    private static BigDecimal usageTotal() {
        return tx(() -> new Sql(em).query("SELECT coalesce(sum(cost_usd), 0) FROM model_usage", r -> r.getBigDecimal(1)).get(0));
    }
}
