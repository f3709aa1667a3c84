package org.milkmobs.adapters.rest.problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds problem+json responses, so every error the API returns has one shape. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

    private Problems() {
    }

    public static Response of(Response.StatusType status, String type, String detail, List<Problem.FieldError> errors) {
        Problem problem = new Problem("urn:milkmobs:problem:" + type, status.getReasonPhrase(), status.getStatusCode(),
                detail, null, errors);
        return Response.status(status).type(PROBLEM_JSON).entity(problem).build();
    }

    public static Response of(Response.StatusType status, String type, String detail) {
        return of(status, type, detail, List.of());
    }

    public static Response invalidRequest(String detail, List<Problem.FieldError> errors) {
        return of(Response.Status.BAD_REQUEST, "invalid-request", detail, errors);
    }

    public static Response unauthorized(String detail) {
        return Response.fromResponse(of(Response.Status.UNAUTHORIZED, "unauthorized", detail))
                .header("WWW-Authenticate", "Bearer").build();
    }
}
