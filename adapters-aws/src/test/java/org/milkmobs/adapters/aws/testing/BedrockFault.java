package org.milkmobs.adapters.aws.testing;

/** The errors the Bedrock double can answer with, as Bedrock sends them (status and error name). */
public enum BedrockFault {
    THROTTLING(429, "ThrottlingException", "Too many requests, please wait before trying again."),
    MODEL_NOT_READY(429, "ModelNotReadyException", "The model is not ready to serve inference requests."),
    MODEL_TIMEOUT(408, "ModelTimeoutException", "The model took too long to respond."),
    MODEL_ERROR(424, "ModelErrorException", "The model failed to process the request."),
    INTERNAL(500, "InternalServerException", "An internal server error occurred."),
    SERVICE_UNAVAILABLE(503, "ServiceUnavailableException", "The service is unavailable. Try again later."),
    VALIDATION(400, "ValidationException", "The provided request is not valid."),
    ACCESS_DENIED(403, "AccessDeniedException", "You don't have access to the model with the specified model ID."),
    NOT_FOUND(404, "ResourceNotFoundException", "The requested resource could not be found."),
    QUOTA_EXCEEDED(400, "ServiceQuotaExceededException", "Your request exceeds the service quota for your account.");

    private final int status;
    private final String errorType;
    private final String message;

    BedrockFault(int status, String errorType, String message) {
        this.status = status;
        this.errorType = errorType;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public String errorType() {
        return errorType;
    }

    public String message() {
        return message;
    }
}
