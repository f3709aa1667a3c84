package org.milkmobs.adapters.aws.bedrock;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.exception.SdkException;

/** Waiting for a streamed Bedrock answer (ConverseStream, InvokeModelWithResponseStream) on the SDK's async client. */
final class StreamedCalls {

    private StreamedCalls() {
    }

    /**
     * Waits for {@code call} to end. A failure before any text was handed over is thrown as the SDK's exception, so
     * it is classified and retried like any call; one after it is a model failure that is not retried, since the
     * caller already passed that text on and a second attempt would repeat it.
     */
    static void await(CompletableFuture<Void> call, AtomicBoolean spoken) {
        try {
            call.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SdkException sdk) {
                if (spoken.get()) {
                    throw new BedrockCallException.ModelFailed("ModelStreamErrorException",
                            "the stream broke after part of the answer was sent: " + sdk.getMessage(), sdk);
                }
                throw sdk;
            }
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
