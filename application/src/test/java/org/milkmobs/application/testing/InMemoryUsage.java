package org.milkmobs.application.testing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.milkmobs.application.port.out.usage.UsageRecorder;
import org.milkmobs.domain.usage.UsageRecord;

/**
 * The usage table in memory, written by the recorder and by the budget ledger's settlements alike. As in
 * PostgreSQL, a record whose request token a successful record already paid for is kept at no cost: Bedrock
 * answers a repeated token with the same invocation and does not bill it twice.
 */
public final class InMemoryUsage implements UsageRecorder {

    private final List<UsageRecord> records = new ArrayList<>();
    private final UsageRecorder copyTo;

    public InMemoryUsage() {
        this(written -> { });
    }

    /** Usage that also hands each record, as written, to {@code copyTo} (a test's own list). */
    public InMemoryUsage(UsageRecorder copyTo) {
        this.copyTo = copyTo;
    }

    @Override
    public synchronized void record(UsageRecord usage) {
        book(usage);
    }

    /** Writes {@code usage}; returns the cost written (zero when its request token was already paid for). */
    synchronized BigDecimal book(UsageRecord usage) {
        boolean paidBefore = usage.requestToken().isPresent() && records.stream().anyMatch(r -> r.requestToken().equals(usage.requestToken())
                && r.succeeded() && r.cost().signum() > 0);
        UsageRecord written = paidBefore ? withCost(usage, BigDecimal.ZERO) : usage;
        records.add(written);
        copyTo.record(written);
        return written.cost();
    }

    /** Every record written, oldest first, with the cost it was written at. */
    public synchronized List<UsageRecord> records() {
        return List.copyOf(records);
    }

    private static UsageRecord withCost(UsageRecord usage, BigDecimal cost) {
        return new UsageRecord(usage.at(), usage.model(), usage.operation(), usage.units(), usage.outputTokens(), usage.latency(), cost,
                usage.errorCode(), usage.subject(), usage.requestToken());
    }
}
