package org.milkmobs.application.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.milkmobs.application.port.out.budget.BudgetLedger;
import org.milkmobs.application.port.out.budget.Reservation;
import org.milkmobs.domain.budget.BudgetAuditEntry;
import org.milkmobs.domain.budget.BudgetLimit;
import org.milkmobs.domain.budget.BudgetLimits;
import org.milkmobs.domain.budget.BudgetMode;
import org.milkmobs.domain.budget.BudgetPeriod;
import org.milkmobs.domain.budget.BudgetScope;
import org.milkmobs.domain.budget.BudgetStanding;
import org.milkmobs.domain.budget.BudgetWindow;
import org.milkmobs.domain.usage.UsageRecord;

/**
 * The budget ledger in memory, one lock for everything; settled usage goes to {@code usage}, which tells the
 * ledger when a request token was already paid for. Behaves as the PostgreSQL ledger does ({@code BudgetLedgerContract});
 * it does not announce budget thresholds (no service test reads them).
 */
public final class InMemoryBudgetLedger implements BudgetLedger {

    private static final Comparator<BudgetStanding> STANDING_ORDER = Comparator
            .comparing((BudgetStanding s) -> s.window().scope().model().isPresent())
            .thenComparing(s -> s.window().scope().wireName()).thenComparing(s -> s.window().period());

    private final InMemoryUsage usage;
    private final Map<BudgetWindow, BigDecimal[]> counters = new HashMap<>();
    private final Map<UUID, Reservation> held = new LinkedHashMap<>();
    private final List<BudgetAuditEntry> audit = new ArrayList<>();
    /** Every (scope, period) a ceiling was ever stored for, lifted or not: configuration never seeds these again. */
    private final Set<String> stored = new HashSet<>();
    private BudgetLimits limits = BudgetLimits.of(List.of());

    public InMemoryBudgetLedger(InMemoryUsage usage) {
        this.usage = usage;
    }

    public synchronized InMemoryBudgetLedger withLimits(BudgetLimit... ceilings) {
        limits = BudgetLimits.of(List.of(ceilings));
        limits.all().forEach(l -> stored.add(key(l.scope(), l.period())));
        return this;
    }

    @Override
    public synchronized List<BudgetWindow> reserve(Reservation reservation, BudgetMode mode) {
        List<BudgetWindow> full = new ArrayList<>();
        for (BudgetWindow window : reservation.windows()) {
            BigDecimal[] counter = counter(window);
            limits.ceiling(window.scope(), window.period()).ifPresent(ceiling -> {
                if (reservation.estimate().signum() > 0 && counter[0].add(counter[1]).add(reservation.estimate()).compareTo(ceiling) > 0) {
                    full.add(window);
                }
            });
        }
        if (full.isEmpty() || mode == BudgetMode.WARN) {
            reservation.windows().forEach(w -> counter(w)[1] = counter(w)[1].add(reservation.estimate()));
            held.put(reservation.id(), reservation);
        }
        return full;
    }

    @Override
    public synchronized BigDecimal settle(Reservation reservation, UsageRecord record) {
        BigDecimal booked = usage.book(record);
        BigDecimal estimate = held.remove(reservation.id()) == null ? BigDecimal.ZERO : reservation.estimate();
        reservation.windows().forEach(w -> {
            BigDecimal[] counter = counter(w);
            counter[0] = counter[0].add(booked);
            counter[1] = counter[1].subtract(estimate).max(BigDecimal.ZERO);
        });
        return booked;
    }

    @Override
    public synchronized void release(Reservation reservation) {
        if (held.remove(reservation.id()) != null) {
            reservation.windows().forEach(w -> counter(w)[1] = counter(w)[1].subtract(reservation.estimate()).max(BigDecimal.ZERO));
        }
    }

    @Override
    public synchronized int expire(Instant now) {
        List<Reservation> stale = held.values().stream().filter(r -> !r.expiresAt().isAfter(now)).toList();
        stale.forEach(this::release);
        return stale.size();
    }

    @Override
    public synchronized List<BudgetStanding> standings(Instant at) {
        Set<BudgetWindow> windows = new HashSet<>();
        for (BudgetPeriod period : BudgetPeriod.values()) {
            windows.add(BudgetWindow.containing(BudgetScope.GLOBAL, period, at));
        }
        limits.all().forEach(l -> windows.add(BudgetWindow.containing(l.scope(), l.period(), at)));
        counters.keySet().stream().filter(w -> w.start().equals(w.period().windowStart(at))).forEach(windows::add);
        return windows.stream().map(w -> new BudgetStanding(w, limits.ceiling(w.scope(), w.period()), spent(w), reserved(w)))
                .sorted(STANDING_ORDER).toList();
    }

    @Override
    public synchronized long heldReservations() {
        return held.size();
    }

    @Override
    public synchronized BudgetLimits limits() {
        return limits;
    }

    @Override
    public synchronized void changeLimits(BudgetLimits.Changed changed, String actor, String reason) {
        limits = changed.limits();
        changed.changes().forEach(c -> stored.add(key(c.scope(), c.period())));
        changed.changes().forEach(c -> audit.add(0, new BudgetAuditEntry(c, actor, reason)));
    }

    @Override
    public synchronized void seedLimits(List<BudgetLimit> configured, Instant at) {
        List<BudgetLimit> all = new ArrayList<>(limits.all());
        configured.stream().filter(c -> stored.add(key(c.scope(), c.period()))).forEach(all::add);
        limits = BudgetLimits.of(all);
    }

    @Override
    public synchronized List<BudgetAuditEntry> audit(int limit) {
        return audit.stream().limit(limit).toList();
    }

    /** Spent money in {@code window}, as booked by settlements. */
    public synchronized BigDecimal spent(BudgetWindow window) {
        return Optional.ofNullable(counters.get(window)).map(c -> c[0]).orElse(BigDecimal.ZERO);
    }

    public synchronized BigDecimal reserved(BudgetWindow window) {
        return Optional.ofNullable(counters.get(window)).map(c -> c[1]).orElse(BigDecimal.ZERO);
    }

    private static String key(BudgetScope scope, BudgetPeriod period) {
        return scope.wireName() + "|" + period;
    }

    private BigDecimal[] counter(BudgetWindow window) {
        return counters.computeIfAbsent(window, w -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
    }
}
