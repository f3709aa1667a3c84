package org.milkmobs.adapters.openai;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.List;
import java.util.Optional;
import org.milkmobs.application.port.in.gateway.GatewayUseCase;
import org.milkmobs.application.port.in.gateway.GatewayUseCase.GatewayModel;
import org.milkmobs.application.port.in.gateway.UploadEmbeddingsUseCase;
import org.milkmobs.domain.apikey.ApiKey;

/**
 * The OpenAI-compatible gateway under {@code /v1} (ADR 0017). A servlet rather than JAX-RS resources: a second
 * JAX-RS application would share its resources and providers with {@code /api}'s (which lists none, so takes
 * every one in the WAR), and /v1 has its own authentication (API keys), error shape and streaming.
 */
@WebServlet(name = "openai-gateway", urlPatterns = {"/v1/*"}, asyncSupported = true)
// uploads past a megabyte go to disk; past a GiB the container refuses them (gateway.video.max-bytes is the limit that applies below it)
@MultipartConfig(fileSizeThreshold = 1024 * 1024, maxFileSize = 1L << 30, maxRequestSize = (1L << 30) + (1 << 20))
public class GatewayServlet extends HttpServlet {

    /** Room for a batch of texts or a 5 MB image in base64. */
    static final int MAX_BODY_BYTES = 8 * 1024 * 1024;

    @Inject
    GatewayUseCase gateway;

    @Inject
    UploadEmbeddingsUseCase uploads;

    @Inject
    KeyRateLimits rateLimits;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = Optional.ofNullable(request.getPathInfo()).orElse("/").replaceAll("/+$", "");
        String route = request.getMethod() + " " + path;
        try {
            if (route.equals("GET /models")) {
                authenticate(request);
                writeJson(response, 200, models());
            } else if (route.startsWith("GET /models/")) {
                authenticate(request);
                writeJson(response, 200, model(path.substring("/models/".length())));
            } else if (route.equals("POST /embeddings")) {
                ApiKey key = authenticate(request);
                EmbeddingsJson.Parsed parsed = EmbeddingsJson.request(RequestJson.object(request.getInputStream(), MAX_BODY_BYTES));
                GatewayUseCase.Embeddings answer = gateway.embed(key, parsed.request());
                response.setStatus(200);
                response.setContentType("application/json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                EmbeddingsJson.write(answer, parsed.encoding(), response.getWriter());
            } else if (route.equals("POST /embeddings/video")) {
                ApiKey key = authenticate(request);
                try (VideoUploads.Request asked = VideoUploads.isMultipart(request) ? VideoUploads.multipart(request, uploads.maxBytes())
                        : VideoUploads.json(RequestJson.object(request.getInputStream(), MAX_BODY_BYTES), uploads.maxBytes())) {
                    if (asked.videoId().isPresent()) {
                        List<GatewayUseCase.VideoVector> vectors = gateway.videoEmbeddings(key, asked.model(), asked.videoId().get());
                        writeJson(response, 200, VideoEmbeddingsJson.list(asked.model(), vectors, 0));
                    } else {
                        writeUpload(response, uploads.embed(key, asked.model(), asked.file().orElseThrow()));
                    }
                }
            } else if (route.startsWith("GET /embeddings/video/jobs/")) {
                ApiKey key = authenticate(request);
                writeJson(response, 200, VideoEmbeddingsJson.job(uploads.job(key, path.substring("/embeddings/video/jobs/".length()))));
            } else if (route.equals("POST /chat/completions")) {
                ApiKey key = authenticate(request);
                ChatJson.Parsed parsed = ChatJson.request(RequestJson.object(request.getInputStream(), MAX_BODY_BYTES));
                String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
                long created = Instant.now().getEpochSecond();
                if (parsed.stream()) {
                    ChatStream stream = new ChatStream(response, id, created, parsed.request().model());
                    try {
                        stream.finish(gateway.chatStreaming(key, parsed.request(), stream::text));
                    } catch (RuntimeException e) {
                        if (!stream.started()) {
                            throw e;
                        }
                        stream.fail(OpenAiErrors.of(e));
                    }
                } else {
                    writeJson(response, 200, ChatJson.completion(id, created, gateway.chat(key, parsed.request())));
                }
            } else {
                throw new GatewayRequestException(new OpenAiError(404, "invalid_request_error", "unknown_url", "Unknown request URL: "
                        + request.getMethod() + " /v1" + path + ". This gateway serves GET /v1/models, POST /v1/embeddings, POST /v1/embeddings/video,"
                        + " GET /v1/embeddings/video/jobs/{id} and POST /v1/chat/completions.", null,
                        Optional.empty(), false));
            }
        } catch (RuntimeException e) {
            writeError(response, OpenAiErrors.of(e));
        }
    }

    /** An upload's vectors (200), or its job to poll (202, with its URL in {@code Location}); a failed job is the model's error. */
    private static void writeUpload(HttpServletResponse response, UploadEmbeddingsUseCase.Answer answer) throws IOException {
        switch (answer.status()) {
            case COMPLETED -> writeJson(response, 200, VideoEmbeddingsJson.completed(answer));
            case IN_PROGRESS -> {
                response.setHeader("Location", VideoEmbeddingsJson.JOBS_PATH + answer.jobId().orElseThrow());
                writeJson(response, 202, VideoEmbeddingsJson.job(answer));
            }
            case FAILED -> throw new GatewayRequestException(new OpenAiError(502, "server_error", "embedding_failed",
                    answer.failure().orElse("the model could not embed the file"), "file", Optional.empty(), false));
        }
    }

    /** The key of {@code Authorization: Bearer sk-mm-…}, checked, and within its rate limit. */
    private ApiKey authenticate(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new GatewayRequestException(new OpenAiError(401, "invalid_request_error", "invalid_api_key",
                    "You didn't provide an API key. Send 'Authorization: Bearer sk-mm-…' (an admin issues keys at /api/admin/api-keys).",
                    null, Optional.empty(), false));
        }
        ApiKey key = gateway.authenticate(header.substring(7).strip());
        rateLimits.acquire(key.id()).ifPresent(wait -> {
            throw new GatewayRequestException(new OpenAiError(429, "requests", "rate_limit_exceeded",
                    "Rate limit reached for this API key; try again later", null, Optional.of(wait), true));
        });
        return key;
    }

    private JsonObject models() {
        JsonArrayBuilder data = Json.createArrayBuilder();
        gateway.models().forEach(m -> data.add(json(m)));
        return Json.createObjectBuilder().add("object", "list").add("data", data).build();
    }

    private JsonObject model(String id) {
        return gateway.models().stream().filter(m -> m.id().equals(id)).findFirst().map(GatewayServlet::json)
                .orElseThrow(() -> new GatewayRequestException(new OpenAiError(404, "invalid_request_error", "model_not_found",
                        "The model '" + id + "' does not exist", "model", Optional.empty(), false)));
    }

    private static JsonObject json(GatewayModel model) {
        return Json.createObjectBuilder().add("id", model.id()).add("object", "model").add("created", 0).add("owned_by", model.ownedBy())
                .build();
    }

    private static void writeJson(HttpServletResponse response, int status, JsonObject body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(body.toString());
    }

    private static void writeError(HttpServletResponse response, OpenAiError error) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        error.retryAfterHeader().ifPresent(seconds -> response.setHeader("Retry-After", seconds));
        response.setHeader("x-should-retry", String.valueOf(error.retryable()));
        writeJson(response, error.status(), error.toJson());
    }
}
