package org.milkmobs.application.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.milkmobs.application.port.out.budget.BudgetLedger;
import org.milkmobs.application.port.out.budget.Reservation;
import org.milkmobs.application.port.out.usage.UsageRecorder;
import org.milkmobs.domain.budget.BudgetAuditEntry;
import org.milkmobs.domain.budget.BudgetLimit;
import org.milkmobs.domain.budget.BudgetLimits;
import org.milkmobs.domain.budget.BudgetMode;
import org.milkmobs.domain.budget.BudgetStanding;
import org.milkmobs.domain.budget.BudgetWindow;
import org.milkmobs.domain.usage.UsageRecord;

/** The budget ledger in memory, one lock for everything; settled usage goes to {@code usage}. */
public final class InMemoryBudgetLedger implements BudgetLedger {

    private final UsageRecorder usage;
    private final Map<BudgetWindow, BigDecimal[]> counters = new HashMap<>();
    private final Map<UUID, Reservation> held = new LinkedHashMap<>();
    private final List<BudgetAuditEntry> audit = new ArrayList<>();
    private BudgetLimits limits = BudgetLimits.of(List.of());

    public InMemoryBudgetLedger(UsageRecorder usage) {
        this.usage = usage;
    }

    public synchronized InMemoryBudgetLedger withLimits(BudgetLimit... ceilings) {
        limits = BudgetLimits.of(List.of(ceilings));
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
        usage.record(record);
        BigDecimal estimate = held.remove(reservation.id()) == null ? BigDecimal.ZERO : reservation.estimate();
        reservation.windows().forEach(w -> {
            BigDecimal[] counter = counter(w);
            counter[0] = counter[0].add(record.cost());
            counter[1] = counter[1].subtract(estimate);
        });
        return record.cost();
    }

    @Override
    public synchronized void release(Reservation reservation) {
        if (held.remove(reservation.id()) != null) {
            reservation.windows().forEach(w -> counter(w)[1] = counter(w)[1].subtract(reservation.estimate()));
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
        return counters.entrySet().stream().filter(e -> e.getKey().start().equals(e.getKey().period().windowStart(at)))
                .map(e -> new BudgetStanding(e.getKey(), limits.ceiling(e.getKey().scope(), e.getKey().period()), e.getValue()[0], e.getValue()[1]))
                .toList();
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
        changed.changes().forEach(c -> audit.add(0, new BudgetAuditEntry(c, actor, reason)));
    }

    @Override
    public synchronized void seedLimits(List<BudgetLimit> configured, Instant at) {
        List<BudgetLimit> all = new ArrayList<>(limits.all());
        configured.stream().filter(c -> limits.ceiling(c.scope(), c.period()).isEmpty()).forEach(all::add);
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

    private BigDecimal[] counter(BudgetWindow window) {
        return counters.computeIfAbsent(window, w -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
    }
}
