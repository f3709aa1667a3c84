package org.milkmobs.domain.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.usage.PriceTable;
import org.milkmobs.domain.usage.PricedUnit;

class BudgetTest {

    private static final Instant AT = Instant.parse("2026-12-31T23:40:12Z");

    @Test
    void windowsAreUtcCalendarHoursDaysAndMonths() {
        assertThat(BudgetPeriod.HOUR.windowStart(AT)).isEqualTo("2026-12-31T23:00:00Z");
        assertThat(BudgetPeriod.HOUR.nextWindowStart(AT)).isEqualTo("2027-01-01T00:00:00Z");
        assertThat(BudgetPeriod.DAY.windowStart(AT)).isEqualTo("2026-12-31T00:00:00Z");
        assertThat(BudgetPeriod.MONTH.windowStart(AT)).isEqualTo("2026-12-01T00:00:00Z");
        assertThat(BudgetPeriod.MONTH.nextWindowStart(AT)).isEqualTo("2027-01-01T00:00:00Z");
        assertThat(BudgetPeriod.MONTH.nextWindowStart(Instant.parse("2027-02-10T00:00:00Z"))).isEqualTo("2027-03-01T00:00:00Z");
        assertThatThrownBy(() -> new BudgetWindow(BudgetScope.GLOBAL, BudgetPeriod.DAY, AT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCallCountsInTheGlobalAndItsModelsWindowsOfEveryPeriod() {
        Budget budget = new Budget(PriceTable.empty(), BudgetMode.STRICT);

        assertThat(budget.windowsFor("pegasus", AT)).extracting(w -> w.scope() + "/" + w.period()).containsExactly(
                "global/HOUR", "global/DAY", "global/MONTH", "pegasus/HOUR", "pegasus/DAY", "pegasus/MONTH");
    }

    @Test
    void theEstimateIsTheMostTheCallCanConsumeAtTheConfiguredPrices() {
        PriceTable prices = PriceTable.empty().with("pegasus", PricedUnit.MEDIA_SECOND, new BigDecimal("0.00049"))
                .with("pegasus", PricedUnit.OUTPUT_TOKEN, new BigDecimal("0.0000075"));
        Budget budget = new Budget(prices, BudgetMode.STRICT);

        assertThat(budget.estimate("pegasus", Map.of(PricedUnit.MEDIA_SECOND, 60.0, PricedUnit.OUTPUT_TOKEN, 2048.0)))
                .isEqualByComparingTo("0.04476");
        assertThat(budget.estimate("local-perceptual-v1", Map.of(PricedUnit.MEDIA_SECOND, 60.0))).isEqualByComparingTo("0");
    }

    @Test
    void aRefusedCallMayTryAgainWhenTheLastOfItsFullWindowsRollsOver() {
        List<BudgetWindow> full = List.of(BudgetWindow.containing(BudgetScope.GLOBAL, BudgetPeriod.HOUR, AT),
                BudgetWindow.containing(BudgetScope.model("pegasus"), BudgetPeriod.DAY, AT));

        assertThat(Budget.reopensAt(full)).isEqualTo("2027-01-01T00:00:00Z");
        assertThat(Budget.reopensAt(full.subList(0, 1))).isEqualTo("2027-01-01T00:00:00Z");
        assertThat(Budget.reopensAt(List.of(BudgetWindow.containing(BudgetScope.GLOBAL, BudgetPeriod.HOUR, Instant.parse("2026-11-23T10:15:00Z")))))
                .isEqualTo("2026-11-23T11:00:00Z");
    }

    @Test
    void ceilingsAreNonNegativeBoundedAmountsToTheCostScale() {
        assertThat(new BudgetLimit(BudgetScope.GLOBAL, BudgetPeriod.DAY, new BigDecimal("50")).usd()).isEqualTo(new BigDecimal("50.00000000"));
        assertThat(new BudgetLimit(BudgetScope.GLOBAL, BudgetPeriod.DAY, BigDecimal.ZERO).usd()).isEqualByComparingTo("0");
        for (String bad : List.of("-0.01", "1000000001", "0.000000001")) {
            assertThatThrownBy(() -> new BudgetLimit(BudgetScope.GLOBAL, BudgetPeriod.DAY, new BigDecimal(bad)))
                    .as(bad).isInstanceOf(InvalidValueException.class);
        }
        assertThatThrownBy(() -> BudgetLimit.checkedAmount(null)).isInstanceOf(InvalidValueException.class).hasMessageContaining("required");
    }

    @Test
    void scopesAreGlobalOrAModelId() {
        assertThat(BudgetScope.parse("GLOBAL")).isEqualTo(BudgetScope.GLOBAL);
        assertThat(BudgetScope.parse("twelvelabs.pegasus-1-2-v1:0").model()).contains("twelvelabs.pegasus-1-2-v1:0");
        assertThat(BudgetScope.model("pegasus").wireName()).isEqualTo("pegasus");
        assertThat(BudgetScope.GLOBAL.wireName()).isEqualTo("global");
        assertThatThrownBy(() -> BudgetScope.model("Global")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> BudgetScope.parse(" ")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> BudgetPeriod.fromWireName("period", "week")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("hour, day, month");
        assertThatThrownBy(() -> BudgetMode.parse("lenient")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aModelsScopeIsItsBaseModelHoweverBedrockIsAskedForIt() {
        BudgetScope marengo = BudgetScope.model("twelvelabs.marengo-embed-3-0-v1:0");

        for (String alias : List.of("us.twelvelabs.marengo-embed-3-0-v1:0", "eu.twelvelabs.marengo-embed-3-0-v1:0",
                "apac.twelvelabs.marengo-embed-3-0-v1:0", "global.twelvelabs.marengo-embed-3-0-v1:0",
                "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.twelvelabs.marengo-embed-3-0-v1:0",
                "arn:aws:bedrock:us-east-1::foundation-model/twelvelabs.marengo-embed-3-0-v1:0")) {
            assertThat(BudgetScope.parse(alias)).as(alias).isEqualTo(marengo);
            assertThat(new BudgetScope(Optional.of(alias))).as(alias).isEqualTo(marengo);
        }
        assertThat(marengo.wireName()).isEqualTo("twelvelabs.marengo-embed-3-0-v1:0");
        assertThat(BudgetScope.model("us.pegasus").wireName()).as("no provider after the prefix: not a profile").isEqualTo("us.pegasus");
        assertThat(BudgetScope.model("local-perceptual-v1").wireName()).isEqualTo("local-perceptual-v1");
        assertThat(new Budget(PriceTable.empty(), BudgetMode.STRICT).windowsFor("us.twelvelabs.marengo-embed-3-0-v1:0", AT))
                .as("a call through the profile counts in the base model's windows").extracting(BudgetWindow::scope)
                .containsOnly(BudgetScope.GLOBAL, marengo);
    }

    @Test
    void aChangeReportsOnlyWhatActuallyChangedAndRefusesTheSameCeilingTwice() {
        BudgetLimits limits = BudgetLimits.of(List.of(new BudgetLimit(BudgetScope.GLOBAL, BudgetPeriod.DAY, new BigDecimal("50"))));

        BudgetLimits.Changed changed = limits.change(List.of(
                new BudgetLimits.Requested(BudgetScope.GLOBAL, BudgetPeriod.DAY, Optional.of(new BigDecimal("50.0"))),
                new BudgetLimits.Requested(BudgetScope.GLOBAL, BudgetPeriod.MONTH, Optional.of(new BigDecimal("900"))),
                new BudgetLimits.Requested(BudgetScope.model("pegasus"), BudgetPeriod.HOUR, Optional.empty())), AT);

        assertThat(changed.changes()).extracting(c -> c.scope() + "/" + c.period() + " " + c.before() + " -> " + c.after())
                .containsExactly("global/MONTH Optional.empty -> Optional[900.00000000]");
        assertThat(changed.limits().ceiling(BudgetScope.GLOBAL, BudgetPeriod.MONTH)).contains(new BigDecimal("900.00000000"));
        assertThat(changed.limits().change(List.of(new BudgetLimits.Requested(BudgetScope.GLOBAL, BudgetPeriod.DAY, Optional.empty())), AT)
                .limits().ceiling(BudgetScope.GLOBAL, BudgetPeriod.DAY)).isEmpty();
        assertThatThrownBy(() -> limits.change(List.of(
                new BudgetLimits.Requested(BudgetScope.GLOBAL, BudgetPeriod.DAY, Optional.of(BigDecimal.ONE)),
                new BudgetLimits.Requested(BudgetScope.GLOBAL, BudgetPeriod.DAY, Optional.of(BigDecimal.TEN))), AT))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("twice");
    }

    @Test
    void aStandingTellsRemainingAndOverrun() {
        BudgetWindow day = BudgetWindow.containing(BudgetScope.GLOBAL, BudgetPeriod.DAY, AT);
        BudgetStanding within = new BudgetStanding(day, Optional.of(new BigDecimal("10")), new BigDecimal("6"), new BigDecimal("1.5"));
        BudgetStanding over = new BudgetStanding(day, Optional.of(new BigDecimal("10")), new BigDecimal("10.25"), BigDecimal.ZERO);
        BudgetStanding unlimited = new BudgetStanding(day, Optional.empty(), new BigDecimal("99"), BigDecimal.ZERO);

        assertThat(within.remaining()).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("2.5"));
        assertThat(within.overrun()).isEqualByComparingTo("0");
        assertThat(over.remaining()).hasValueSatisfying(r -> assertThat(r).isEqualByComparingTo("0"));
        assertThat(over.overrun()).isEqualByComparingTo("0.25");
        assertThat(unlimited.remaining()).isEmpty();
        assertThat(day.end()).isEqualTo("2027-01-01T00:00:00Z");
    }
}
