package org.milkmobs.application.port.out.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.milkmobs.domain.budget.BudgetWindow;

/**
 * Money held in every window a call counts in, until the call is settled or released (or, when its
 * worker died, until {@code expiresAt}).
 */
public record Reservation(UUID id, PaidCall call, BigDecimal estimate, List<BudgetWindow> windows, Instant at, Instant expiresAt) {

    public Reservation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(estimate, "estimate");
        windows = List.copyOf(windows);
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (estimate.signum() < 0) {
            throw new IllegalArgumentException("an estimate is never negative");
        }
    }
}
