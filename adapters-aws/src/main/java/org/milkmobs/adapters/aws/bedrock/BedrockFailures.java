package org.milkmobs.adapters.aws.bedrock;

import java.time.Duration;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.milkmobs.application.port.out.analysis.AnalysisFailedException;
import org.milkmobs.application.port.out.analysis.AnalyzerBusyException;

/** Turns what a guarded Bedrock call threw into what the pipeline understands. */
final class BedrockFailures {

    /** How long a step waits when Bedrock (or our circuit breaker) holds it back. */
    static final Duration BUSY_WAIT = Duration.ofSeconds(20);

    private BedrockFailures() {
    }

    static AnalysisFailedException of(String model, RuntimeException e) {
        if (e instanceof BedrockCallException.Transient || e instanceof FaultToleranceException) {
            return new AnalyzerBusyException(model + " is busy (" + e.getMessage() + "); waiting before the next try", BUSY_WAIT, e);
        }
        if (e instanceof BedrockCallException.Permanent permanent) {
            return new AnalysisFailedException(model + " refused the call: " + permanent.getMessage(), true, e);
        }
        if (e instanceof BedrockCallException.ModelFailed || e instanceof MalformedAnswerException) {
            return new AnalysisFailedException(model + " failed on this video: " + e.getMessage(), false, e);
        }
        throw e;
    }
}
