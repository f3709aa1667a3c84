package org.milkmobs.adapters.rest.problem;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Renders the errors the servlet container produces on its own (web.xml error pages) as problem+json:
 * a token that failed verification, a path outside the API, a body over the container's limit.
 */
@WebServlet(urlPatterns = "/container-error")
public class ContainerErrorServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ContainerErrorServlet.class.getName());
    private static final Jsonb JSON = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (thrown instanceof Throwable t) {
            LOG.log(Level.SEVERE, "unhandled error at " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), t);
            status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        }
        Problem problem = new Problem("urn:milkmobs:problem:" + slug(status), title(status), status, detail(status),
                (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), null);
        response.setStatus(status);
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSON.toJson(problem));
    }

    private static String slug(int status) {
        return switch (status) {
            case 400 -> "invalid-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 413 -> "payload-too-large";
            default -> "internal";
        };
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Payload Too Large";
            default -> "Internal Server Error";
        };
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "the request is malformed";
            case 401 -> "the bearer token is invalid, expired, or not issued for this service";
            case 403 -> "the caller may not do this";
            case 404 -> "no resource at this path";
            case 405 -> "this method is not allowed here";
            case 413 -> "the request body is larger than this endpoint accepts";
            default -> "the server failed to handle this request";
        };
    }
}
