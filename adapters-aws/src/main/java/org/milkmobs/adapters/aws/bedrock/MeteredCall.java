package org.milkmobs.adapters.aws.bedrock;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.milkmobs.application.port.out.usage.UsageRecorder;
import org.milkmobs.domain.usage.ModelOperation;
import org.milkmobs.domain.usage.PriceTable;
import org.milkmobs.domain.usage.PricedUnit;
import org.milkmobs.domain.usage.UsageRecord;
import org.milkmobs.domain.usage.UsageRecord.Subject;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Makes one paid invocation through the fault-tolerance guard and writes one usage record per attempt,
 * successful or not. A failed attempt costs nothing; a successful one costs its units at the configured
 * prices.
 */
final class MeteredCall {

    private final BedrockCalls calls;
    private final UsageRecorder usage;
    private final PriceTable prices;
    private final Clock clock;

    MeteredCall(BedrockCalls calls, UsageRecorder usage, PriceTable prices, Clock clock) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.usage = Objects.requireNonNull(usage, "usage");
        this.prices = Objects.requireNonNull(prices, "prices");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What was invoked, for what, and how much of it. */
    record Invocation(String model, ModelOperation operation, Subject subject, Map<PricedUnit, Double> units,
                      Optional<String> requestToken) {
    }

    /**
     * @param outputTokens reads the output tokens (and may add measured input units) from the response
     */
    <T> T invoke(Invocation invocation, Supplier<T> attempt, ToLongFunction<T> outputTokens, UnitReader<T> measuredUnits) {
        return calls.call(() -> {
            long started = System.nanoTime();
            try {
                T response = attempt.get();
                Map<PricedUnit, Double> units = new EnumMap<>(PricedUnit.class);
                units.putAll(invocation.units());
                units.putAll(measuredUnits.units(response));
                long output = outputTokens.applyAsLong(response);
                Map<PricedUnit, Double> priced = new EnumMap<>(units);
                priced.put(PricedUnit.OUTPUT_TOKEN, (double) output);
                write(invocation, units, output, started, prices.cost(invocation.model(), priced), Optional.empty());
                return response;
            } catch (SdkException e) {
                BedrockCallException failure = BedrockCallException.classify(e);
                write(invocation, invocation.units(), 0, started, java.math.BigDecimal.ZERO, Optional.of(failure.code()));
                throw failure;
            }
        });
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

    private void write(Invocation invocation, Map<PricedUnit, Double> units, long outputTokens, long started,
                       java.math.BigDecimal cost, Optional<String> error) {
        usage.record(new UsageRecord(clock.instant(), invocation.model(), invocation.operation(), units, outputTokens,
                Duration.ofNanos(System.nanoTime() - started), cost, error, invocation.subject(), invocation.requestToken()));
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
