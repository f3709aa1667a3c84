package org.milkmobs.application.service.housekeeping;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.milkmobs.application.port.in.housekeeping.HousekeeperElectionUseCase;
import org.milkmobs.application.port.out.housekeeping.HousekeeperTerms;

public class HousekeeperElectionService implements HousekeeperElectionUseCase {

    private final HousekeeperTerms terms;
    private final Duration term;
    private final Clock clock;

    /** @param term how long a term lasts without renewal: the longest the cluster goes without a housekeeper when one dies */
    public HousekeeperElectionService(HousekeeperTerms terms, Duration term, Clock clock) {
        if (term.isNegative() || term.isZero()) {
            throw new IllegalArgumentException("a housekeeper's term must be positive, not " + term);
        }
        this.terms = Objects.requireNonNull(terms);
        this.term = term;
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public boolean serve(String instance) {
        Instant now = clock.instant();
        return terms.holdUntil(instance, now, now.plus(term));
    }

    @Override
    public void stepDown(String instance) {
        terms.resign(instance);
    }
}
