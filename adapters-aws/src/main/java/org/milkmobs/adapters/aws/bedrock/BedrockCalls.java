package org.milkmobs.adapters.aws.bedrock;

import java.util.function.Supplier;

/**
 * The protection every Bedrock call passes through: retries of {@link BedrockCallException.Transient}
 * failures with backoff and jitter, a circuit breaker, a bulkhead and a timeout. The application's
 * implementation does it with MicroProfile Fault Tolerance; each attempt inside is one invocation.
 */
@FunctionalInterface
public interface BedrockCalls {

    <T> T call(Supplier<T> attempt);

    /** No protection: each call is made once. */
    BedrockCalls DIRECT = Supplier::get;
}
