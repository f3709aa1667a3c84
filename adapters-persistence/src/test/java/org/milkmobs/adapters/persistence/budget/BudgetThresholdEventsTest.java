package org.milkmobs.adapters.persistence.budget;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.milkmobs.adapters.persistence.JsonMaps;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.adapters.persistence.testing.PersistenceTest;
import org.milkmobs.application.port.out.budget.BudgetLedger;
import org.milkmobs.application.port.out.budget.PaidCall;
import org.milkmobs.application.service.budget.BudgetGuard;
import org.milkmobs.application.testing.TestClock;
import org.milkmobs.domain.budget.Budget;
import org.milkmobs.domain.budget.BudgetLimits;
import org.milkmobs.domain.budget.BudgetMode;
import org.milkmobs.domain.budget.BudgetPeriod;
import org.milkmobs.domain.budget.BudgetScope;
import org.milkmobs.domain.usage.ModelOperation;
import org.milkmobs.domain.usage.PriceTable;
import org.milkmobs.domain.usage.PricedUnit;
import org.milkmobs.domain.usage.UsageRecord.Subject;
import org.milkmobs.domain.usage.UsageRecord;
import org.milkmobs.domain.video.VideoId;

/** budget.threshold events: each threshold of a ceiling is announced once per window, however many spend at once. */
class BudgetThresholdEventsTest extends PersistenceTest {

    private static final String MARENGO = "twelvelabs.marengo-embed-3-0-v1:0";
    /** $0.001 a second: a 10-second call is estimated at one cent. */
    private static final PriceTable PRICES = PriceTable.empty().with(MARENGO, PricedUnit.MEDIA_SECOND, new BigDecimal("0.001"));

    private final TestClock clock = TestClock.at("2026-11-23T10:15:00Z");
    private final BudgetLedger ledger = BudgetStorageForTests.ledger(em);

    @Test
    void fiftyConcurrentSpendersCrossingEightyPercentGiveExactlyOneEventForIt() throws Exception {
        ceiling("0.50");
        int spenders = 50;
        ExecutorService pool = Executors.newFixedThreadPool(spenders);
        CountDownLatch start = new CountDownLatch(1);
        List<EntityManager> connections = new ArrayList<>();
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int i = 0; i < spenders; i++) {
                EntityManager own = jpa.newEntityManager();
                connections.add(own);
                BudgetGuard guard = new BudgetGuard(new Budget(PRICES, BudgetMode.STRICT), BudgetStorageForTests.ledger(own), Duration.ofMinutes(10),
                        clock);
                done.add(pool.submit(() -> {
                    start.await();
                    guard.settle(guard.reserve(call()), usage());
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
            connections.forEach(EntityManager::close);
        }

        List<Map<String, String>> events = thresholdEvents();
        assertThat(events).filteredOn(e -> e.get("percent").equals("80")).hasSize(1);
        assertThat(events).extracting(e -> e.get("percent")).containsExactlyInAnyOrder("50", "80", "100");
        Map<String, String> eighty = events.stream().filter(e -> e.get("percent").equals("80")).findFirst().orElseThrow();
        assertThat(eighty).containsEntry("scope", "global").containsEntry("period", "day").containsEntry("limitUsd", "0.5")
                .containsEntry("windowStart", "2026-11-23T00:00:00Z");
        assertThat(new BigDecimal(eighty.get("spentUsd"))).isBetween(new BigDecimal("0.40"), new BigDecimal("0.50"));
    }

    @Test
    void aNewWindowAnnouncesAgainAndSpendingUnderHalfAnnouncesNothing() {
        ceiling("0.04");
        BudgetGuard guard = new BudgetGuard(new Budget(PRICES, BudgetMode.STRICT), ledger, Duration.ofMinutes(10), clock);
        guard.settle(guard.reserve(call()), usage());
        assertThat(thresholdEvents()).isEmpty();

        guard.settle(guard.reserve(call()), usage());
        assertThat(thresholdEvents()).extracting(e -> e.get("percent")).containsExactly("50");

        clock.advance(Duration.ofDays(1));
        guard.settle(guard.reserve(call()), usage());
        guard.settle(guard.reserve(call()), usage());
        assertThat(thresholdEvents()).extracting(e -> e.get("windowStart")).containsExactly("2026-11-23T00:00:00Z", "2026-11-24T00:00:00Z");
    }

    private void ceiling(String usd) {
        ledger.changeLimits(ledger.limits().change(List.of(new BudgetLimits.Requested(BudgetScope.GLOBAL, BudgetPeriod.DAY,
                Optional.of(new BigDecimal(usd)))), clock.instant()), "test", "test ceiling");
    }

    private static PaidCall call() {
        return new PaidCall(MARENGO, ModelOperation.EMBED_VIDEO, Map.of(PricedUnit.MEDIA_SECOND, 10.0), Subject.video(VideoId.generate()));
    }

    private UsageRecord usage() {
        return new UsageRecord(clock.instant(), MARENGO, ModelOperation.EMBED_VIDEO, Map.of(PricedUnit.MEDIA_SECOND, 10.0), 0,
                Duration.ofMillis(5), new BigDecimal("0.01"), Optional.empty(), Subject.video(VideoId.generate()), Optional.empty());
    }

    private static List<Map<String, String>> thresholdEvents() {
        return tx(() -> new Sql(em).query("SELECT payload::text AS p FROM outbox_event WHERE type = 'budget.threshold' ORDER BY id",
                row -> JsonMaps.fromJson(row.getString("p"))));
    }
}
