package org.milkmobs.adapters.rest.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.milkmobs.adapters.rest.constraint.Conforms;
import org.milkmobs.application.port.in.ConflictException;
import org.milkmobs.application.port.in.ForbiddenException;
import org.milkmobs.application.port.in.NotFoundException;
import org.milkmobs.application.port.out.ConcurrentUpdateException;
import org.milkmobs.application.port.out.analysis.AnalysisFailedException;
import org.milkmobs.application.port.out.analysis.AnalyzerBusyException;
import org.milkmobs.application.port.out.budget.BudgetExhaustedException;
import org.milkmobs.application.port.out.media.MediaRejectedException;
import org.milkmobs.application.port.out.storage.BlobGrants;
import org.milkmobs.application.port.out.storage.BlobMissingException;
import org.milkmobs.application.port.out.storage.BlobStorageException;
import org.milkmobs.application.port.out.storage.BlobTooLargeException;
import org.milkmobs.domain.DomainException;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.video.IllegalVideoTransitionException;

/** Maps every exception that can leave a resource to problem+json; nothing leaks a stack trace. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    @Provider
    public static class InvalidRequest implements ExceptionMapper<InvalidRequestException> {
        @Override
        public Response toResponse(InvalidRequestException e) {
            return Problems.invalidRequest(e.getMessage(), e.errors());
        }
    }

    /**
     * Bean Validation refused a request model: every violation is a field error named by its JSON path
     * ({@code limits[0].usd}). A violated return value is our bug, not the client's.
     */
    @Provider
    public static class ConstraintViolations implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException e) {
            if (e.getConstraintViolations().stream().anyMatch(ConstraintViolations::onReturnValue)) {
                return Internal.incident(e);
            }
            return new InvalidRequest().toResponse(new InvalidRequestException(fieldErrors(e.getConstraintViolations())));
        }

        /** One field error per violation, ordered by field so the same request always reads the same. */
        static List<Problem.FieldError> fieldErrors(Collection<? extends ConstraintViolation<?>> violations) {
            return violations.stream()
                    .map(ConstraintViolations::fieldError)
                    .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                    .toList();
        }

        private static boolean onReturnValue(ConstraintViolation<?> violation) {
            for (Path.Node node : violation.getPropertyPath()) {
                if (node.getKind() == ElementKind.RETURN_VALUE) {
                    return true;
                }
            }
            return false;
        }

        /** A domain rule's refusal names its field already; a standard constraint's message ("is required") is prefixed with it. */
        private static Problem.FieldError fieldError(ConstraintViolation<?> violation) {
            String field = field(violation.getPropertyPath());
            boolean domainRefusal = violation.getConstraintDescriptor().getAnnotation() instanceof Conforms;
            return new Problem.FieldError(field, domainRefusal ? violation.getMessage() : field + " " + violation.getMessage());
        }

        /** The violated value's path in the request body, without the resource method and parameter it came through. */
        static String field(Path path) {
            StringBuilder field = new StringBuilder();
            for (Path.Node node : path) {
                ElementKind kind = node.getKind();
                if (kind != ElementKind.PROPERTY && kind != ElementKind.CONTAINER_ELEMENT && kind != ElementKind.BEAN) {
                    continue;
                }
                if (node.isInIterable()) {
                    field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
                }
                if (kind == ElementKind.PROPERTY) {
                    field.append(field.length() == 0 ? "" : ".").append(node.getName());
                }
            }
            return field.length() == 0 ? "body" : field.toString();
        }
    }

    @Provider
    public static class Domain implements ExceptionMapper<DomainException> {
        @Override
        public Response toResponse(DomainException e) {
            if (e instanceof InvalidValueException invalid) {
                return Problems.invalidRequest(invalid.getMessage(), List.of(new Problem.FieldError(invalid.field(), invalid.getMessage())));
            }
            if (e instanceof NotFoundException) {
                return Problems.of(Response.Status.NOT_FOUND, "not-found", e.getMessage());
            }
            if (e instanceof ForbiddenException) {
                return Problems.of(Response.Status.FORBIDDEN, "forbidden", e.getMessage());
            }
            if (e instanceof ConflictException || e instanceof IllegalVideoTransitionException || e instanceof ConcurrentUpdateException) {
                return Problems.of(Response.Status.CONFLICT, "conflict", e.getMessage());
            }
            return Problems.of(Response.Status.BAD_REQUEST, "domain-rule", e.getMessage());
        }
    }

    /** The local store's signed URLs: forged, expired or spent is 403, the wrong method 405. */
    @Provider
    public static class InvalidGrant implements ExceptionMapper<BlobGrants.InvalidGrantException> {
        @Override
        public Response toResponse(BlobGrants.InvalidGrantException e) {
            if (e.reason() == BlobGrants.InvalidGrantException.Reason.WRONG_ACTION) {
                return Problems.of(Response.Status.METHOD_NOT_ALLOWED, "method-not-allowed", e.getMessage());
            }
            String type = switch (e.reason()) {
                case EXPIRED -> "url-expired";
                case SPENT -> "url-spent";
                default -> "bad-signature";
            };
            return Problems.of(Response.Status.FORBIDDEN, type, e.getMessage());
        }
    }

    @Provider
    public static class Storage implements ExceptionMapper<BlobStorageException> {
        @Override
        public Response toResponse(BlobStorageException e) {
            if (e instanceof BlobTooLargeException) {
                return Problems.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "payload-too-large", e.getMessage());
            }
            if (e instanceof BlobMissingException) {
                return Problems.of(Response.Status.NOT_FOUND, "not-found", e.getMessage());
            }
            LOG.log(Level.WARNING, "storage failure", e);
            return Response.fromResponse(Problems.of(Response.Status.SERVICE_UNAVAILABLE, "storage-unavailable",
                    "the file store did not answer; try again shortly")).header("Retry-After", "5").build();
        }
    }

    /**
     * A paid model that cannot serve a request now: out of budget or busy (both 503 with Retry-After), or
     * refusing the request (502, with the model's reason).
     */
    @Provider
    public static class Analyzer implements ExceptionMapper<AnalysisFailedException> {
        @Override
        public Response toResponse(AnalysisFailedException e) {
            if (e instanceof AnalyzerBusyException busy) {
                String type = busy instanceof BudgetExhaustedException ? "budget-exhausted" : "model-busy";
                long seconds = Math.max(1, busy.retryAfter().toSeconds());
                return Response.fromResponse(Problems.of(Response.Status.SERVICE_UNAVAILABLE, type, e.getMessage()))
                        .header("Retry-After", Long.toString(seconds)).build();
            }
            return Problems.of(Response.Status.BAD_GATEWAY, "model-failed", e.getMessage());
        }
    }

    /** A reference image or query that is not the media it claims to be. */
    @Provider
    public static class MediaRejected implements ExceptionMapper<MediaRejectedException> {
        @Override
        public Response toResponse(MediaRejectedException e) {
            return Problems.of(Response.Status.BAD_REQUEST, "invalid-media", e.getMessage());
        }
    }

    @Provider
    public static class PayloadTooLarge implements ExceptionMapper<PayloadTooLargeException> {
        @Override
        public Response toResponse(PayloadTooLargeException e) {
            return Problems.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "payload-too-large", e.getMessage());
        }
    }

    /** JAX-RS's own errors (unknown path, wrong method or media type, bad parameters) as problems. */
    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            int status = original.getStatus();
            if (e instanceof NotAuthorizedException) {
                return Problems.unauthorized(e.getMessage());
            }
            Response tooLarge = bodyTooLarge(e);
            if (tooLarge != null) {
                return tooLarge;
            }
            if (status >= 500) {
                return Internal.incident(e);
            }
            String detail;
            if (e instanceof jakarta.ws.rs.NotFoundException) {
                detail = "no resource at this path";
            } else if (e instanceof NotAllowedException) {
                detail = "this method is not allowed here; allowed: " + original.getAllowedMethods();
            } else {
                detail = causeOrMessage(e);
            }
            Response problem = Problems.of(original.getStatusInfo(), slug(status), detail);
            Response.ResponseBuilder copy = Response.fromResponse(problem);
            original.getHeaders().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("Content-Type")) {
                    values.forEach(v -> copy.header(name, v));
                }
            });
            return copy.build();
        }

        private static String causeOrMessage(WebApplicationException e) {
            if (e.getCause() instanceof NoContentException) {
                return "a request body is required";
            }
            if (e.getCause() instanceof ProcessingException) {
                return "the request body could not be read";
            }
            if (e instanceof NotSupportedException) {
                return "this endpoint does not accept the request's Content-Type; see the OpenAPI document for what it takes";
            }
            if (e instanceof NotAcceptableException) {
                return "this endpoint cannot answer in any media type the Accept header allows";
            }
            return e.getMessage();
        }

        private static String slug(int status) {
            return switch (status) {
                case 400 -> "invalid-request";
                case 403 -> "forbidden";
                case 404 -> "not-found";
                case 405 -> "method-not-allowed";
                case 406 -> "not-acceptable";
                case 409 -> "conflict";
                case 413 -> "payload-too-large";
                case 415 -> "unsupported-media-type";
                case 429 -> "too-many-requests";
                default -> "http-" + status;
            };
        }
    }

    /**
     * Anything else is our fault: log it with an incident id the client can quote, reveal nothing. That includes
     * JSON-B and JSON-P failures: every request body is read by {@code JsonBodyReader}, which answers its own
     * refusals, so such a failure comes from writing a response.
     */
    @Provider
    public static class Internal implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            Response tooLarge = bodyTooLarge(e);
            if (tooLarge != null) {
                return tooLarge;
            }
            return databaseUnreachable(e) ? databaseUnavailable(e) : incident(e);
        }

        /** An outage is not a fault of this request: 503 with Retry-After, one log line, no incident. */
        private static Response databaseUnavailable(Throwable e) {
            LOG.log(Level.WARNING, "the database did not answer: {0}", rootMessage(e));
            return Response.fromResponse(Problems.of(Response.Status.SERVICE_UNAVAILABLE, "database-unavailable",
                    "the service's database does not answer; try again shortly")).header("Retry-After", "5").build();
        }

        /**
         * The database cannot be reached: SQLState class 08 (connection exception) or 57P (PostgreSQL shutting down),
         * or the pool giving up on a connection, anywhere in the chain (JPA wraps it several times).
         */
        static boolean databaseUnreachable(Throwable e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause instanceof java.sql.SQLTransientConnectionException || cause instanceof java.sql.SQLNonTransientConnectionException) {
                    return true;
                }
                if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                        && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                    return true;
                }
            }
            return false;
        }

        private static String rootMessage(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return String.valueOf(root.getMessage());
        }

        static Response incident(Throwable e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "incident " + incident, e);
            return Problems.of(Response.Status.INTERNAL_SERVER_ERROR, "internal",
                    "the server failed to handle this request; quote incident " + incident + " when reporting it");
        }
    }

    /** A 413 when a body reader failed because the body passed its endpoint's limit (the cause is deep in the chain). */
    public static Response bodyTooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException) {
                return Problems.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "payload-too-large", cause.getMessage());
            }
        }
        return null;
    }
}
