package org.milkmobs.bootstrap.bedrock;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.milkmobs.adapters.aws.bedrock.BedrockCallException;
import org.milkmobs.adapters.aws.bedrock.BedrockCalls;

/**
 * Every Bedrock call passes through here: MicroProfile Fault Tolerance retries transient failures
 * (throttling, a model not ready or timing out, 5xx) with a delay and jitter, opens a circuit when
 * nearly every call fails, bounds concurrent calls with a bulkhead, and times out a call that hangs.
 * Permanent failures pass straight through. The numbers are MicroProfile Config keys, for example
 * {@code org.milkmobs.bootstrap.bedrock.FaultTolerantBedrockCalls/call/Retry/maxRetries}.
 */
@ApplicationScoped
public class FaultTolerantBedrockCalls implements BedrockCalls {

    @Override
    @Retry(maxRetries = 5, delay = 400, jitter = 300, maxDuration = 120_000,
            retryOn = BedrockCallException.Transient.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.9, delay = 15_000,
            failOn = BedrockCallException.Transient.class)
    @Bulkhead(8)
    @Timeout(90_000)
    public <T> T call(Supplier<T> attempt) {
        return attempt.get();
    }
}
