package org.milkmobs.adapters.persistence.budget;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.milkmobs.adapters.persistence.OutboxRows;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.adapters.persistence.usage.UsageRows;
import org.milkmobs.application.port.out.budget.BudgetLedger;
import org.milkmobs.application.port.out.budget.Reservation;
import org.milkmobs.domain.budget.BudgetAuditEntry;
import org.milkmobs.domain.budget.BudgetLimit;
import org.milkmobs.domain.budget.BudgetLimits;
import org.milkmobs.domain.budget.BudgetMode;
import org.milkmobs.domain.budget.BudgetPeriod;
import org.milkmobs.domain.budget.BudgetScope;
import org.milkmobs.domain.budget.BudgetStanding;
import org.milkmobs.domain.budget.BudgetThresholds;
import org.milkmobs.domain.budget.BudgetWindow;
import org.milkmobs.domain.events.EventType;
import org.milkmobs.domain.usage.UsageRecord;

/**
 * The budget in PostgreSQL. Every change of a counter first locks the counters it touches, always in the
 * same order (scope, period, window start), so concurrent reservations queue on the rows instead of
 * deadlocking; a reservation is then one conditional UPDATE that holds the estimate in all windows only
 * if it fits all their ceilings. Each method runs in a transaction of its own, committed before the paid
 * call is made.
 */
@Dependent
class BudgetLedgerAdapter implements BudgetLedger {

    private static final Comparator<BudgetWindow> LOCK_ORDER = Comparator.comparing((BudgetWindow w) -> w.scope().wireName())
            .thenComparing(w -> w.period().name()).thenComparing(BudgetWindow::start);

    private final Sql sql;

    @Inject
    BudgetLedgerAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<BudgetWindow> reserve(Reservation reservation, BudgetMode mode) {
        List<BudgetWindow> windows = lockCounters(reservation.windows());
        Keys keys = Keys.of(windows);
        BigDecimal amount = reservation.estimate();
        List<BudgetWindow> full = sql.query("SELECT c.scope, c.period, c.window_start FROM budget_counter c"
                + " JOIN budget_limit l ON l.scope = c.scope AND l.period = c.period"
                + " WHERE " + keys.condition("c") + " AND CAST(? AS numeric) > 0 AND c.spent_usd + c.reserved_usd + CAST(? AS numeric) > l.limit_usd"
                + " ORDER BY c.scope, c.period", BudgetLedgerAdapter::window, keys.with(amount, amount));
        if (!full.isEmpty() && mode == BudgetMode.STRICT) {
            return full;
        }
        // The check above and this hold happen under the row locks taken by lockCounters: no other
        // reservation can change these counters in between.
        sql.update("UPDATE budget_counter c SET reserved_usd = c.reserved_usd + CAST(? AS numeric) WHERE " + keys.condition("c"),
                keys.after(amount));
        sql.update("""
                INSERT INTO budget_reservation (id, model_id, operation, estimate_usd, reserved_at, expires_at, video_id, query_ref, over_ceiling)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, reservation.id(), reservation.call().model(), reservation.call().operation().name(), amount, reservation.at(),
                reservation.expiresAt(), reservation.call().subject().video().map(v -> v.value()).orElse(null),
                reservation.call().subject().query().orElse(null), !full.isEmpty());
        sql.batch("INSERT INTO budget_reservation_window (reservation_id, scope, period, window_start) VALUES (?, ?, ?, ?)",
                windows.stream().map(w -> new Object[] {reservation.id(), w.scope().wireName(), w.period().name(), w.start()}).toList());
        announceThresholds(keys, reservation.at());
        return full;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public BigDecimal settle(Reservation reservation, UsageRecord usage) {
        BigDecimal held = unhold(reservation.id()).orElse(BigDecimal.ZERO);
        BigDecimal booked = UsageRows.insert(sql, usage, reservation.estimate());
        List<BudgetWindow> windows = lockCounters(reservation.windows());
        Keys keys = Keys.of(windows);
        sql.update("UPDATE budget_counter c SET reserved_usd = c.reserved_usd - CAST(? AS numeric), spent_usd = c.spent_usd + CAST(? AS numeric)"
                + " WHERE " + keys.condition("c"), keys.after(held, booked));
        // the actual cost may exceed the estimate and reach a threshold the reservation did not
        announceThresholds(keys, usage.at());
        return booked;
    }

    /**
     * Announces each threshold (50, 80, 100 % of a ceiling) the locked windows have reached, once per window: the
     * unique row is the judge, so of concurrent spenders only the one whose insert succeeds appends the event.
     */
    private void announceThresholds(Keys keys, Instant now) {
        record Standing(String scope, String period, Instant start, BigDecimal used, BigDecimal limit) {
        }
        List<Standing> standings = sql.query("SELECT c.scope, c.period, c.window_start, c.spent_usd + c.reserved_usd AS used, l.limit_usd"
                + " FROM budget_counter c JOIN budget_limit l ON l.scope = c.scope AND l.period = c.period"
                + " WHERE " + keys.condition("c") + " AND l.limit_usd > 0", row -> new Standing(row.getString("scope"), row.getString("period"),
                Sql.instant(row, "window_start"), row.getBigDecimal("used"), row.getBigDecimal("limit_usd")), keys.with());
        for (Standing standing : standings) {
            for (int percent : BudgetThresholds.reached(standing.used(), standing.limit())) {
                int inserted = sql.update("INSERT INTO budget_threshold_reached (scope, period, window_start, percent, reached_at)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", standing.scope(), standing.period(), standing.start(), percent, now);
                if (inserted == 1) {
                    String period = standing.period().toLowerCase(java.util.Locale.ROOT);
                    OutboxRows.append(sql, EventType.BUDGET_THRESHOLD.wireName(), standing.scope() + "/" + period, Map.of(
                            "scope", standing.scope(), "period", period, "windowStart", standing.start().toString(),
                            "percent", String.valueOf(percent), "limitUsd", standing.limit().stripTrailingZeros().toPlainString(),
                            "spentUsd", standing.used().stripTrailingZeros().toPlainString()), now);
                }
            }
        }
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(Reservation reservation) {
        unhold(reservation.id()).ifPresent(held -> giveBack(reservation.windows(), held));
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int expire(Instant now) {
        List<Object[]> stale = sql.query("""
                SELECT id, estimate_usd FROM budget_reservation WHERE expires_at <= ?
                ORDER BY expires_at LIMIT 200 FOR UPDATE SKIP LOCKED
                """, row -> new Object[] {Sql.uuid(row, "id"), row.getBigDecimal("estimate_usd")}, now);
        for (Object[] reservation : stale) {
            UUID id = (UUID) reservation[0];
            List<BudgetWindow> windows = sql.query("SELECT scope, period, window_start FROM budget_reservation_window WHERE reservation_id = ?",
                    BudgetLedgerAdapter::window, id);
            sql.update("DELETE FROM budget_reservation WHERE id = ?", id);
            giveBack(windows, (BigDecimal) reservation[1]);
        }
        return stale.size();
    }

    @Override
    public List<BudgetStanding> standings(Instant at) {
        Map<String, BudgetStanding> byWindow = new LinkedHashMap<>();
        for (BudgetPeriod period : BudgetPeriod.values()) {
            BudgetWindow global = BudgetWindow.containing(BudgetScope.GLOBAL, period, at);
            byWindow.put(key(global), new BudgetStanding(global, Optional.empty(), BigDecimal.ZERO, BigDecimal.ZERO));
        }
        Instant hour = BudgetPeriod.HOUR.windowStart(at);
        Instant day = BudgetPeriod.DAY.windowStart(at);
        Instant month = BudgetPeriod.MONTH.windowStart(at);
        sql.query("""
                SELECT k.scope, k.period, k.window_start, l.limit_usd, coalesce(c.spent_usd, 0) AS spent_usd,
                       coalesce(c.reserved_usd, 0) AS reserved_usd
                FROM (SELECT scope, period, window_start FROM budget_counter
                      WHERE (period = 'HOUR' AND window_start = ?) OR (period = 'DAY' AND window_start = ?)
                         OR (period = 'MONTH' AND window_start = ?)
                      UNION
                      SELECT scope, period, CASE period WHEN 'HOUR' THEN CAST(? AS timestamptz) WHEN 'DAY' THEN CAST(? AS timestamptz)
                                                        ELSE CAST(? AS timestamptz) END
                      FROM budget_limit WHERE limit_usd IS NOT NULL) k
                LEFT JOIN budget_counter c ON c.scope = k.scope AND c.period = k.period AND c.window_start = k.window_start
                LEFT JOIN budget_limit l ON l.scope = k.scope AND l.period = k.period
                ORDER BY k.scope <> 'global', k.scope, k.period
                """, row -> new BudgetStanding(window(row), Optional.ofNullable(row.getBigDecimal("limit_usd")),
                row.getBigDecimal("spent_usd"), row.getBigDecimal("reserved_usd")), hour, day, month, hour, day, month)
                .forEach(standing -> byWindow.put(key(standing.window()), standing));
        return byWindow.values().stream().sorted(Comparator.comparing((BudgetStanding s) -> s.window().scope().model().isPresent())
                .thenComparing(s -> s.window().scope().wireName()).thenComparing(s -> s.window().period())).toList();
    }

    @Override
    public long heldReservations() {
        return sql.query("SELECT count(*) AS n FROM budget_reservation", row -> row.getLong("n")).get(0);
    }

    @Override
    public BudgetLimits limits() {
        return BudgetLimits.of(sql.query("SELECT scope, period, limit_usd FROM budget_limit WHERE limit_usd IS NOT NULL",
                row -> new BudgetLimit(BudgetScope.parse(row.getString("scope")), BudgetPeriod.valueOf(row.getString("period")),
                        row.getBigDecimal("limit_usd"))));
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void changeLimits(BudgetLimits.Changed changed, String actor, String reason) {
        for (BudgetLimits.Change change : changed.changes()) {
            sql.update("""
                    INSERT INTO budget_limit (scope, period, limit_usd, updated_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (scope, period) DO UPDATE SET limit_usd = EXCLUDED.limit_usd, updated_at = EXCLUDED.updated_at
                    """, change.scope().wireName(), change.period().name(), change.after().orElse(null), change.at());
            sql.update("""
                    INSERT INTO budget_change (changed_at, actor, reason, scope, period, before_usd, after_usd)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, change.at(), actor, reason, change.scope().wireName(), change.period().name(), change.before().orElse(null),
                    change.after().orElse(null));
        }
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void seedLimits(List<BudgetLimit> configured, Instant at) {
        sql.batch("INSERT INTO budget_limit (scope, period, limit_usd, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                configured.stream().map(l -> new Object[] {l.scope().wireName(), l.period().name(), l.usd(), at}).toList());
    }

    @Override
    public List<BudgetAuditEntry> audit(int limit) {
        return sql.query("""
                SELECT changed_at, actor, reason, scope, period, before_usd, after_usd FROM budget_change ORDER BY seq DESC LIMIT ?
                """, row -> new BudgetAuditEntry(new BudgetLimits.Change(BudgetScope.parse(row.getString("scope")),
                BudgetPeriod.valueOf(row.getString("period")), Optional.ofNullable(row.getBigDecimal("before_usd")),
                Optional.ofNullable(row.getBigDecimal("after_usd")), Sql.instant(row, "changed_at")), row.getString("actor"),
                row.getString("reason")), limit);
    }

    /** Deletes the reservation if it is still held; its estimate, if it was. */
    private Optional<BigDecimal> unhold(UUID reservation) {
        return sql.query("DELETE FROM budget_reservation WHERE id = ? RETURNING estimate_usd", row -> row.getBigDecimal("estimate_usd"),
                reservation).stream().findFirst();
    }

    private void giveBack(List<BudgetWindow> windows, BigDecimal held) {
        Keys keys = Keys.of(lockCounters(windows));
        sql.update("UPDATE budget_counter c SET reserved_usd = greatest(c.reserved_usd - CAST(? AS numeric), 0) WHERE " + keys.condition("c"),
                keys.after(held));
    }

    /** Makes sure the windows' counters exist and locks them in the one global order; returns the windows in that order. */
    private List<BudgetWindow> lockCounters(List<BudgetWindow> windows) {
        List<BudgetWindow> ordered = windows.stream().sorted(LOCK_ORDER).distinct().toList();
        sql.batch("INSERT INTO budget_counter (scope, period, window_start) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                ordered.stream().map(w -> new Object[] {w.scope().wireName(), w.period().name(), w.start()}).toList());
        Keys keys = Keys.of(ordered);
        sql.query("SELECT 1 FROM budget_counter c WHERE " + keys.condition("c") + " ORDER BY c.scope, c.period, c.window_start FOR UPDATE",
                row -> 1, keys.with());
        return ordered;
    }

    private static BudgetWindow window(ResultSet row) throws SQLException {
        return new BudgetWindow(BudgetScope.parse(row.getString("scope")), BudgetPeriod.valueOf(row.getString("period")),
                Sql.instant(row, "window_start"));
    }

    private static String key(BudgetWindow window) {
        return window.scope().wireName() + "|" + window.period() + "|" + window.start();
    }

    /** A row-value IN list naming counters, with its parameters. */
    private record Keys(String list, List<Object> parameters) {

        static Keys of(List<BudgetWindow> windows) {
            List<Object> parameters = new ArrayList<>();
            List<String> tuples = new ArrayList<>();
            for (BudgetWindow w : windows) {
                tuples.add("(?, ?, CAST(? AS timestamptz))");
                parameters.add(w.scope().wireName());
                parameters.add(w.period().name());
                parameters.add(w.start());
            }
            return new Keys(String.join(", ", tuples), parameters);
        }

        String condition(String alias) {
            return "(" + alias + ".scope, " + alias + ".period, " + alias + ".window_start) IN (" + list + ")";
        }

        /** The key parameters followed by {@code more}, for statements whose condition comes first. */
        Object[] with(Object... more) {
            List<Object> all = new ArrayList<>(parameters);
            all.addAll(List.of(more));
            return all.toArray();
        }

        /** {@code first} followed by the key parameters, for statements whose SET comes first. */
        Object[] after(Object... first) {
            List<Object> all = new ArrayList<>(List.of(first));
            all.addAll(parameters);
            return all.toArray();
        }
    }
}
