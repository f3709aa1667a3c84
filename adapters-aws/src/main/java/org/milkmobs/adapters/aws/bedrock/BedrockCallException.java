package org.milkmobs.adapters.aws.bedrock;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A Bedrock call that failed, with Bedrock's error name as {@link #code}. The subclasses say what to do
 * about it: {@link Transient} is retried (it is a spike: throttling, a model warming up, a 5xx);
 * {@link Permanent} is not (the request or the account is wrong, or a quota is used up); {@link ModelFailed}
 * (424) is the model failing on this input, worth a few more tries but not many.
 */
public abstract class BedrockCallException extends RuntimeException {

    private static final Set<String> TRANSIENT = Set.of("ThrottlingException", "ModelNotReadyException", "ModelTimeoutException",
            "InternalServerException", "ServiceUnavailableException");
    private static final Set<String> MODEL_FAILED = Set.of("ModelErrorException", "ModelStreamErrorException");

    private final String code;

    BedrockCallException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Classifies what the SDK threw (the SDK itself never retries: our fault tolerance does). */
    static BedrockCallException classify(SdkException e) {
        if (e instanceof AwsServiceException service) {
            String code = service.awsErrorDetails() == null || service.awsErrorDetails().errorCode() == null
                    ? e.getClass().getSimpleName() : service.awsErrorDetails().errorCode();
            String message = code + ": " + (service.awsErrorDetails() == null ? e.getMessage() : service.awsErrorDetails().errorMessage());
            if (TRANSIENT.contains(code) || service.statusCode() >= 500) {
                return new Transient(code, message, e);
            }
            if (MODEL_FAILED.contains(code)) {
                return new ModelFailed(code, message, e);
            }
            return new Permanent(code, message, e);
        }
        // no answer at all: a connection refused or reset, or our own call timeout
        String code = e instanceof SdkClientException ? "ClientError" : e.getClass().getSimpleName();
        return new Transient(code, "no answer from Bedrock: " + e.getMessage(), e);
    }

    public static final class Transient extends BedrockCallException {
        Transient(String code, String message, Throwable cause) {
            super(code, message, cause);
        }
    }

    public static final class Permanent extends BedrockCallException {
        Permanent(String code, String message, Throwable cause) {
            super(code, message, cause);
        }
    }

    public static final class ModelFailed extends BedrockCallException {
        ModelFailed(String code, String message, Throwable cause) {
            super(code, message, cause);
        }
    }
}
