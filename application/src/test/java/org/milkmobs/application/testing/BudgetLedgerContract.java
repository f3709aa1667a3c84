package org.milkmobs.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.milkmobs.application.port.out.budget.BudgetLedger;
import org.milkmobs.application.port.out.budget.PaidCall;
import org.milkmobs.application.port.out.budget.Reservation;
import org.milkmobs.application.port.out.usage.UsageRecorder;
import org.milkmobs.domain.budget.BudgetLimit;
import org.milkmobs.domain.budget.BudgetLimits;
import org.milkmobs.domain.budget.BudgetMode;
import org.milkmobs.domain.budget.BudgetPeriod;
import org.milkmobs.domain.budget.BudgetScope;
import org.milkmobs.domain.budget.BudgetStanding;
import org.milkmobs.domain.budget.BudgetWindow;
import org.milkmobs.domain.usage.ModelOperation;
import org.milkmobs.domain.usage.PricedUnit;
import org.milkmobs.domain.usage.UsageRecord;
import org.milkmobs.domain.usage.UsageRecord.Subject;
import org.milkmobs.domain.video.VideoId;

/**
 * What the budget ledger and the usage recorder promise together: a ceiling refuses (or, in WARN mode, reports) an
 * estimate that does not fit, a settlement books the actual cost and takes the estimate back once, a dead holder's
 * reservation expires, a request token already paid for costs nothing again, and configuration never overwrites an
 * admin's ceiling. Run on the twins and on PostgreSQL. Each test spends in the windows of a model of its own, so the
 * tests share one database without meeting (the global windows are only read).
 */
public abstract class BudgetLedgerContract {

    protected static final Instant AT = Instant.parse("2026-12-04T10:15:00Z");
    private static final BigDecimal CENT = new BigDecimal("0.01");

    protected abstract BudgetLedger ledger();

    protected abstract UsageRecorder usage();

    /** The costs written to the usage table for {@code model}, oldest first. */
    protected abstract List<BigDecimal> usageCosts(String model);

    private final String model = "contract-model-" + UUID.randomUUID();
    private final BudgetScope scope = BudgetScope.model(model);

    @Test
    void inStrictModeAnEstimateOverACeilingIsRefusedAndHoldsNothing() {
        ceiling(BudgetPeriod.DAY, "0.015");
        long heldBefore = ledger().heldReservations();

        assertThat(ledger().reserve(reservation(CENT), BudgetMode.STRICT)).isEmpty();
        assertThat(ledger().reserve(reservation(CENT), BudgetMode.STRICT)).containsExactly(window(BudgetPeriod.DAY));

        assertThat(standing(BudgetPeriod.DAY).reserved()).isEqualByComparingTo("0.01");
        assertThat(standing(BudgetPeriod.MONTH).reserved()).as("all windows or none").isEqualByComparingTo("0.01");
        assertThat(ledger().heldReservations() - heldBefore).isEqualTo(1);
    }

    @Test
    void inWarnModeTheEstimateIsHeldAnywayAndTheOverrunCeilingsAreNamed() {
        ceiling(BudgetPeriod.DAY, "0.015");
        ceiling(BudgetPeriod.MONTH, "0.015");
        ledger().reserve(reservation(CENT), BudgetMode.WARN);

        assertThat(ledger().reserve(reservation(CENT), BudgetMode.WARN))
                .containsExactlyInAnyOrder(window(BudgetPeriod.DAY), window(BudgetPeriod.MONTH));
        assertThat(standing(BudgetPeriod.DAY).reserved()).isEqualByComparingTo("0.02");
    }

    @Test
    void aZeroEstimateFitsEvenAFullWindow() {
        ceiling(BudgetPeriod.DAY, "0.01");
        Reservation spent = reservation(CENT);
        ledger().reserve(spent, BudgetMode.STRICT);
        ledger().settle(spent, usage(CENT, Optional.empty()));

        assertThat(ledger().reserve(reservation(BigDecimal.ZERO), BudgetMode.STRICT)).isEmpty();
        assertThat(ledger().reserve(reservation(new BigDecimal("0.000001")), BudgetMode.STRICT)).isNotEmpty();
    }

    /** ADR 0012: the money spent is booked even above the estimate, and even when the reservation had expired. */
    @Test
    void aSettlementBooksTheActualCostAndTakesTheEstimateBackOnce() {
        Reservation reservation = reservation(CENT);
        ledger().reserve(reservation, BudgetMode.STRICT);

        assertThat(ledger().settle(reservation, usage(new BigDecimal("0.03"), Optional.empty()))).isEqualByComparingTo("0.03");
        ledger().release(reservation);

        assertThat(standing(BudgetPeriod.DAY).spent()).isEqualByComparingTo("0.03");
        assertThat(standing(BudgetPeriod.DAY).reserved()).isEqualByComparingTo("0");
        assertThat(usageCosts(model)).singleElement().satisfies(cost -> assertThat(cost).isEqualByComparingTo("0.03"));
    }

    @Test
    void aReleaseGivesTheEstimateBackOnceAndLeavesOtherReservationsHeld() {
        Reservation failed = reservation(CENT);
        Reservation other = reservation(new BigDecimal("0.02"));
        ledger().reserve(failed, BudgetMode.STRICT);
        ledger().reserve(other, BudgetMode.STRICT);

        ledger().release(failed);
        ledger().release(failed);

        assertThat(standing(BudgetPeriod.HOUR).reserved()).isEqualByComparingTo("0.02");
        assertThat(standing(BudgetPeriod.DAY).spent()).isEqualByComparingTo("0");
        ledger().release(other);
        assertThat(standing(BudgetPeriod.HOUR).reserved()).isEqualByComparingTo("0");
    }

    /** Its times lie years before the other tests', so expiring them touches no other test's reservations. */
    @Test
    void theReservationOfADeadHolderExpiresAtItsExpiryAndGivesItsMoneyBack() {
        Instant reservedAt = Instant.parse("2020-01-01T00:00:00Z");
        Instant expiresAt = reservedAt.plus(Duration.ofMinutes(10));
        List<BudgetWindow> windows = windowsAt(reservedAt);
        Reservation orphan = new Reservation(UUID.randomUUID(), call(), CENT, windows, reservedAt, expiresAt);
        ledger().reserve(orphan, BudgetMode.STRICT);
        long held = ledger().heldReservations();

        assertThat(ledger().expire(expiresAt.minusSeconds(1))).isZero();
        assertThat(ledger().expire(expiresAt)).isEqualTo(1);

        assertThat(ledger().heldReservations()).isEqualTo(held - 1);
        assertThat(standingAt(reservedAt, BudgetPeriod.DAY).reserved()).isEqualByComparingTo("0");
        assertThat(ledger().settle(orphan, usage(CENT, Optional.empty()))).as("a late settlement still books what was spent")
                .isEqualByComparingTo("0.01");
        assertThat(standingAt(reservedAt, BudgetPeriod.DAY).reserved()).isEqualByComparingTo("0");
    }

    /** Bedrock answers a repeated request token with the same invocation and bills it once. */
    @Test
    void aRequestTokenAlreadyPaidForCostsNothingAgainWhoeverWroteTheFirstRecord() {
        String settled = "token-" + UUID.randomUUID();
        assertThat(settle(usage(CENT, Optional.of(settled)))).isEqualByComparingTo("0.01");
        assertThat(settle(usage(CENT, Optional.of(settled)))).isEqualByComparingTo("0");

        String recorded = "token-" + UUID.randomUUID();
        usage().record(usage(CENT, Optional.of(recorded)));
        assertThat(settle(usage(CENT, Optional.of(recorded)))).isEqualByComparingTo("0");

        String failedFirst = "token-" + UUID.randomUUID();
        usage().record(failed(Optional.of(failedFirst)));
        assertThat(settle(usage(CENT, Optional.of(failedFirst)))).as("a failed call paid nothing").isEqualByComparingTo("0.01");

        assertThat(standing(BudgetPeriod.DAY).spent()).isEqualByComparingTo("0.02");
        assertThat(usageCosts(model)).extracting(BigDecimal::stripTrailingZeros)
                .containsExactly(costs("0.01", "0", "0.01", "0", "0", "0.01"));
    }

    @Test
    void configurationSeedsOnlyCeilingsNoAdminEverSetOrLifted() {
        ledger().seedLimits(List.of(new BudgetLimit(scope, BudgetPeriod.DAY, new BigDecimal("50"))), AT);
        ledger().changeLimits(ledger().limits().change(List.of(new BudgetLimits.Requested(scope, BudgetPeriod.DAY, Optional.empty()),
                new BudgetLimits.Requested(scope, BudgetPeriod.HOUR, Optional.of(new BigDecimal("2.5")))), AT), "admin-1", "launch week");
        ledger().seedLimits(List.of(new BudgetLimit(scope, BudgetPeriod.DAY, new BigDecimal("50")),
                new BudgetLimit(scope, BudgetPeriod.HOUR, new BigDecimal("9")),
                new BudgetLimit(scope, BudgetPeriod.MONTH, new BigDecimal("900"))), AT);

        BudgetLimits limits = ledger().limits();
        assertThat(limits.ceiling(scope, BudgetPeriod.DAY)).as("lifted by the admin").isEmpty();
        assertThat(limits.ceiling(scope, BudgetPeriod.HOUR)).hasValueSatisfying(usd -> assertThat(usd).isEqualByComparingTo("2.5"));
        assertThat(limits.ceiling(scope, BudgetPeriod.MONTH)).hasValueSatisfying(usd -> assertThat(usd).isEqualByComparingTo("900"));
        assertThat(ledger().audit(100)).filteredOn(entry -> entry.change().scope().equals(scope))
                .extracting(entry -> entry.change().period() + " " + amount(entry.change().before()) + " -> " + amount(entry.change().after())
                        + " by " + entry.actor() + ": " + entry.reason())
                .as("newest first, configuration unaudited").containsExactly(
                        "HOUR - -> 2.5 by admin-1: launch week",
                        "DAY 50 -> - by admin-1: launch week");
    }

    @Test
    void standingsShowTheGlobalWindowsFirstAndEveryCeilingBeforeAnySpending() {
        ceiling(BudgetPeriod.DAY, "3");

        List<BudgetStanding> standings = ledger().standings(AT);

        assertThat(standings).extracting(s -> s.window().scope().wireName() + "/" + s.window().period()).startsWith(
                "global/HOUR", "global/DAY", "global/MONTH");
        assertThat(standings).filteredOn(s -> s.window().scope().equals(scope)).singleElement().satisfies(s -> {
            assertThat(s.window()).isEqualTo(window(BudgetPeriod.DAY));
            assertThat(s.ceiling()).hasValueSatisfying(usd -> assertThat(usd).isEqualByComparingTo("3"));
            assertThat(s.spent()).isEqualByComparingTo("0");
            assertThat(s.reserved()).isEqualByComparingTo("0");
        });
    }

    @Test
    void standingsReadOnlyTheWindowsContainingTheirInstant() {
        ceiling(BudgetPeriod.DAY, "3");
        Reservation reservation = reservation(CENT);
        ledger().reserve(reservation, BudgetMode.STRICT);
        ledger().settle(reservation, usage(CENT, Optional.empty()));

        Instant nextDay = BudgetPeriod.DAY.nextWindowStart(AT);
        assertThat(ledger().standings(nextDay)).filteredOn(s -> s.window().scope().equals(scope) && s.window().period() == BudgetPeriod.DAY)
                .singleElement().satisfies(s -> {
            assertThat(s.window()).isEqualTo(BudgetWindow.containing(scope, BudgetPeriod.DAY, nextDay));
            assertThat(s.spent()).isEqualByComparingTo("0");
        });
        assertThat(standing(BudgetPeriod.MONTH).spent()).as("a window with spending shows without a ceiling").isEqualByComparingTo("0.01");
    }

    private BigDecimal settle(UsageRecord usage) {
        Reservation reservation = reservation(CENT);
        ledger().reserve(reservation, BudgetMode.STRICT);
        return ledger().settle(reservation, usage);
    }

    private void ceiling(BudgetPeriod period, String usd) {
        ledger().changeLimits(ledger().limits().change(List.of(new BudgetLimits.Requested(scope, period, Optional.of(new BigDecimal(usd)))),
                AT), "test", "contract ceiling");
    }

    private Reservation reservation(BigDecimal estimate) {
        return new Reservation(UUID.randomUUID(), call(), estimate, windowsAt(AT), AT, AT.plus(Duration.ofMinutes(10)));
    }

    private List<BudgetWindow> windowsAt(Instant at) {
        return Arrays.stream(BudgetPeriod.values()).map(period -> BudgetWindow.containing(scope, period, at)).toList();
    }

    private BudgetWindow window(BudgetPeriod period) {
        return BudgetWindow.containing(scope, period, AT);
    }

    private PaidCall call() {
        return new PaidCall(model, ModelOperation.EMBED_VIDEO, Map.of(PricedUnit.MEDIA_SECOND, 10.0), Subject.video(VideoId.generate()));
    }

    private UsageRecord usage(BigDecimal cost, Optional<String> token) {
        return new UsageRecord(AT, model, ModelOperation.EMBED_VIDEO, Map.of(PricedUnit.MEDIA_SECOND, 10.0), 0, Duration.ofMillis(5), cost,
                Optional.empty(), Subject.video(VideoId.generate()), token);
    }

    private UsageRecord failed(Optional<String> token) {
        return new UsageRecord(AT, model, ModelOperation.EMBED_VIDEO, Map.of(), 0, Duration.ofMillis(5), BigDecimal.ZERO,
                Optional.of("ThrottlingException"), Subject.video(VideoId.generate()), token);
    }

    private BudgetStanding standing(BudgetPeriod period) {
        return standingAt(AT, period);
    }

    private BudgetStanding standingAt(Instant at, BudgetPeriod period) {
        BudgetWindow window = BudgetWindow.containing(scope, period, at);
        return ledger().standings(at).stream().filter(s -> s.window().equals(window)).findFirst().orElseThrow();
    }

    private static String amount(Optional<BigDecimal> usd) {
        return usd.map(BigDecimal::stripTrailingZeros).map(BigDecimal::toPlainString).orElse("-");
    }

    private static BigDecimal[] costs(String... usd) {
        return Arrays.stream(usd).map(BigDecimal::new).map(BigDecimal::stripTrailingZeros).toArray(BigDecimal[]::new);
    }
}
