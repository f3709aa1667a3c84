package org.milkmobs.bootstrap.system;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Checks every JSON answer the system tests read against {@code openapi.yaml}: a required field the WAR leaves out,
 * a wrong type or an undocumented enum value fails the test that met it. The generated clients only prove that the
 * document compiles; this proves the server keeps it. Requests are not checked (the hostile client sends wrong ones
 * on purpose), nor statuses and paths the document does not describe (health, metrics, the console's files).
 */
final class ContractCheck {

    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForInlineApiSpecification(document())
            .withLevelResolver(LevelResolver.create()
                    .withLevel("validation.request", ValidationReport.Level.IGNORE)
                    .withLevel("validation.response.status.unknown", ValidationReport.Level.IGNORE)
                    .build())
            .build();

    /** Off ({@code -Dmilkmobs.contract-check=off}) when a benchmark drives another build: its answers keep its own document. */
    private static final boolean ON = !"off".equals(System.getProperty("milkmobs.contract-check"));

    private ContractCheck() {
    }

    static void verify(HttpResponse<String> response) {
        if (!ON) {
            return;
        }
        verify(response.request().method(), response.request().uri().getPath(), response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    static void verify(String method, String path, int status, String contentType, String body) {
        if (!contentType.toLowerCase(Locale.ROOT).contains("json") || body.isEmpty()) {
            return;
        }
        ValidationReport report = VALIDATOR.validateResponse(path, Request.Method.valueOf(method),
                SimpleResponse.Builder.status(status).withContentType(contentType).withBody(body).build());
        if (report.hasErrors()) {
            throw new AssertionError("the answer to " + method + " " + path + " (" + status + ") breaks openapi.yaml: "
                    + report.getMessages() + "\n" + body);
        }
    }

    private static String document() {
        try (InputStream in = ContractCheck.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
