package org.milkmobs.adapters.aws.bedrock;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.milkmobs.application.port.out.budget.PaidCall;
import org.milkmobs.application.port.out.budget.PaidCallGate;
import org.milkmobs.application.port.out.budget.Reservation;
import org.milkmobs.application.port.out.usage.UsageRecorder;
import org.milkmobs.domain.usage.ModelOperation;
import org.milkmobs.domain.usage.PriceTable;
import org.milkmobs.domain.usage.PricedUnit;
import org.milkmobs.domain.usage.UsageRecord;
import org.milkmobs.domain.usage.UsageRecord.Subject;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Makes one paid invocation: reserves its estimate with the budget, makes the call through the
 * fault-tolerance guard, and settles with the actual usage (or releases the reservation when the call
 * failed). Every attempt is written down: a failed one as a usage record costing nothing, the successful
 * one by the settlement.
 */
final class MeteredCall {

    private final BedrockCalls calls;
    private final UsageRecorder usage;
    private final PaidCallGate budget;
    private final PriceTable prices;
    private final Clock clock;

    MeteredCall(BedrockCalls calls, UsageRecorder usage, PaidCallGate budget, PriceTable prices, Clock clock) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.usage = Objects.requireNonNull(usage, "usage");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.prices = Objects.requireNonNull(prices, "prices");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What was invoked, for what, and how much of it.
     *
     * @param maxOutputTokens the cap sent with the request, which the budget reserves as if all were written
     */
    record Invocation(String model, ModelOperation operation, Subject subject, Map<PricedUnit, Double> units,
                      Optional<String> requestToken, long maxOutputTokens) {

        Invocation(String model, ModelOperation operation, Subject subject, Map<PricedUnit, Double> units, Optional<String> requestToken) {
            this(model, operation, subject, units, requestToken, 0);
        }

        PaidCall paidCall() {
            Map<PricedUnit, Double> most = new EnumMap<>(PricedUnit.class);
            most.putAll(units);
            if (maxOutputTokens > 0) {
                most.put(PricedUnit.OUTPUT_TOKEN, (double) maxOutputTokens);
            }
            return new PaidCall(model, operation, most, subject);
        }
    }

    /**
     * @param outputTokens reads the output tokens from the response
     * @param measuredUnits reads units only the response knows
     * @throws org.milkmobs.application.port.out.budget.BudgetExhaustedException when the budget refuses the call; nothing was called
     */
    <T> T invoke(Invocation invocation, Supplier<T> attempt, ToLongFunction<T> outputTokens, UnitReader<T> measuredUnits) {
        Reservation reservation = budget.reserve(invocation.paidCall());
        boolean settled = false;
        try {
            Metered<T> done = calls.call(() -> attempt(invocation, attempt, outputTokens, measuredUnits));
            budget.settle(reservation, done.usage());
            settled = true;
            return done.response();
        } finally {
            if (!settled) {
                budget.release(reservation);
            }
        }
    }

    private <T> Metered<T> attempt(Invocation invocation, Supplier<T> attempt, ToLongFunction<T> outputTokens, UnitReader<T> measuredUnits) {
        long started = System.nanoTime();
        try {
            T response = attempt.get();
            Map<PricedUnit, Double> units = new EnumMap<>(PricedUnit.class);
            units.putAll(invocation.units());
            units.putAll(measuredUnits.units(response));
            long output = outputTokens.applyAsLong(response);
            Map<PricedUnit, Double> priced = new EnumMap<>(units);
            priced.put(PricedUnit.OUTPUT_TOKEN, (double) output);
            return new Metered<>(response, record(invocation, units, output, started, prices.cost(invocation.model(), priced), Optional.empty()));
        } catch (SdkException e) {
            BedrockCallException failure = BedrockCallException.classify(e);
            usage.record(record(invocation, invocation.units(), 0, started, BigDecimal.ZERO, Optional.of(failure.code())));
            throw failure;
        }
    }

    /** A call that costs nothing (polling an asynchronous job), still guarded and classified. */
    <T> T free(Supplier<T> attempt) {
        return calls.call(() -> {
            try {
                return attempt.get();
            } catch (SdkException e) {
                throw BedrockCallException.classify(e);
            }
        });
    }

    private UsageRecord record(Invocation invocation, Map<PricedUnit, Double> units, long outputTokens, long started, BigDecimal cost,
                               Optional<String> error) {
        return new UsageRecord(clock.instant(), invocation.model(), invocation.operation(), units, outputTokens,
                Duration.ofNanos(System.nanoTime() - started), cost, error, invocation.subject(), invocation.requestToken());
    }

    private record Metered<T>(T response, UsageRecord usage) {
    }

    /** Units only the response knows (Bedrock's token-count headers). */
    @FunctionalInterface
    interface UnitReader<T> {
        Map<PricedUnit, Double> units(T response);

        static <T> UnitReader<T> none() {
            return response -> Map.of();
        }
    }
}
