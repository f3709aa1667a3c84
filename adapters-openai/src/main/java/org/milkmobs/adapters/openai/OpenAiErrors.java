package org.milkmobs.adapters.openai;

import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.milkmobs.application.port.in.gateway.GatewayRefusedException;
import org.milkmobs.application.port.in.gateway.InvalidApiKeyException;
import org.milkmobs.application.port.out.analysis.AnalysisFailedException;
import org.milkmobs.application.port.out.analysis.AnalyzerBusyException;
import org.milkmobs.application.port.out.budget.BudgetExhaustedException;
import org.milkmobs.application.port.out.media.MediaRejectedException;

/**
 * What the gateway answers for what went wrong, in OpenAI's terms. Bedrock's errors keep their meaning: its
 * throttling is OpenAI's rate limit (429, retryable), its validation a bad request (400), its access refusal a
 * permission error (403), its quota a quota (429, not retryable); a ceiling of our budget is OpenAI's
 * {@code insufficient_quota}.
 */
final class OpenAiErrors {

    private static final Logger LOG = Logger.getLogger(OpenAiErrors.class.getName());
    private static final Duration UPSTREAM_WAIT = Duration.ofSeconds(5);

    private OpenAiErrors() {
    }

    static OpenAiError of(RuntimeException e) {
        if (e instanceof GatewayRequestException request) {
            return request.error();
        }
        if (e instanceof InvalidApiKeyException) {
            return new OpenAiError(401, "invalid_request_error", "invalid_api_key", e.getMessage(), null, Optional.empty(), false);
        }
        if (e instanceof GatewayRefusedException refused) {
            return switch (refused.reason()) {
                case MODEL_NOT_FOUND -> new OpenAiError(404, "invalid_request_error", "model_not_found", e.getMessage(), refused.parameter(),
                        Optional.empty(), false);
                case NOT_CONFIGURED -> OpenAiError.invalidRequest("model_not_configured", refused.parameter(), e.getMessage());
                case UNSUPPORTED_OPTION -> OpenAiError.invalidRequest("unsupported_parameter", refused.parameter(), e.getMessage());
                case INVALID_INPUT -> OpenAiError.invalidRequest("invalid_value", refused.parameter(), e.getMessage());
                case IMAGE_URL_REFUSED -> OpenAiError.invalidRequest("invalid_image_url", refused.parameter(), e.getMessage());
                case NOT_FOUND -> new OpenAiError(404, "invalid_request_error", "not_found", e.getMessage(), refused.parameter(), Optional.empty(),
                        false);
            };
        }
        if (e instanceof BudgetExhaustedException budget) {
            return new OpenAiError(429, "insufficient_quota", "insufficient_quota", "You exceeded your current quota: " + e.getMessage(),
                    null, Optional.of(budget.retryAfter()), false);
        }
        if (e instanceof MediaRejectedException) {
            return OpenAiError.invalidRequest("invalid_value", "input", e.getMessage());
        }
        if (e instanceof AnalysisFailedException failed) {
            return upstream(failed);
        }
        LOG.log(Level.SEVERE, "the gateway failed on a request", e);
        return new OpenAiError(500, "server_error", null, "The server had an error while processing your request.", null, Optional.empty(),
                true);
    }

    /** Bedrock's error, by its name, as OpenAI would have said it. */
    private static OpenAiError upstream(AnalysisFailedException e) {
        String message = e.getMessage();
        Optional<Duration> wait = Optional.of(e instanceof AnalyzerBusyException busy ? busy.retryAfter() : UPSTREAM_WAIT);
        return switch (e.providerCode().orElse("")) {
            case "ThrottlingException", "ModelNotReadyException" -> new OpenAiError(429, "requests", "rate_limit_exceeded", message, null,
                    wait, true);
            case "ServiceQuotaExceededException" -> new OpenAiError(429, "insufficient_quota", "insufficient_quota", message, null,
                    Optional.empty(), false);
            case "ValidationException" -> OpenAiError.invalidRequest("invalid_request", null, message);
            case "AccessDeniedException" -> new OpenAiError(403, "permission_error", "model_access_denied", message, "model",
                    Optional.empty(), false);
            case "ResourceNotFoundException" -> new OpenAiError(404, "invalid_request_error", "model_not_found", message, "model",
                    Optional.empty(), false);
            case "ModelTimeoutException" -> new OpenAiError(504, "server_error", "model_timeout", message, null, wait, true);
            case "ModelErrorException", "ModelStreamErrorException" -> new OpenAiError(502, "server_error", "model_error", message, null,
                    Optional.empty(), true);
            default -> e.permanent()
                    ? new OpenAiError(502, "server_error", "upstream_error", message, null, Optional.empty(), false)
                    : new OpenAiError(503, "server_error", "upstream_unavailable", message, null, wait, true);
        };
    }
}
