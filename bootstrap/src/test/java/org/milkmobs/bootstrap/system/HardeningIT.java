package org.milkmobs.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.milkmobs.adapters.media.testing.MediaFixtures;
import org.milkmobs.bootstrap.system.ApiClient.ApiResponse;

/** Regression tests, through the real WAR, for the defects of issue 19 that only the running service shows. */
@ExtendWith(SystemTestServer.class)
class HardeningIT {

    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path dir;

    private static MilkMobsServer server;
    private static ApiClient consumer;

    @BeforeAll
    static void connect(MilkMobsServer running) {
        server = running;
        consumer = server.as(server.tokens().consumer("hardening"));
    }

    /** Defect 7: anyone may ask whether the service is up, nobody learns the database's build or address. */
    @Test
    void healthSaysUpOrDownAndNothingAboutTheDatabase() {
        for (String path : new String[] {"/health", "/health/ready"}) {
            ApiResponse health = server.anonymous().get(path);
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body()).contains("\"database\"").doesNotContain("product", "PostgreSQL", "Debian", "data\":{\"");
        }
    }

    /** Defect 8: the framework's WADL would list every resource to anyone. */
    @Test
    void theFrameworksWadlIsNotServed() {
        ApiResponse wadl = consumer.get("/api/application.wadl");
        assertThat(wadl.status()).isEqualTo(404);
        assertThat(wadl.contentType()).startsWith("application/problem+json");

        ApiResponse options = consumer.send(consumer.request("/api/feed").method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(options.status()).isLessThan(500);
        assertThat(options.contentType()).doesNotContain("wadl");
        assertThat(options.body()).doesNotContain("<resource", "application");
    }

    /** Defect 2: deep nesting is a client error on every JSON endpoint, including those that read their body by hand. */
    @Test
    void deeplyNestedJsonIsA400() {
        String deep = "{\"query\":" + "[".repeat(3000) + "]".repeat(3000) + "}";
        for (String path : new String[] {"/api/search/videos", "/api/search/videos/by-image", "/api/search/videos/by-audio"}) {
            ApiResponse refused = consumer.postJson(path, deep);
            assertThat(refused.status()).as(path + ": " + refused).isEqualTo(400);
            assertThat(refused.json().getString("detail")).contains("nests deeper than 32 levels");
        }
    }

    /** Defect 6: a wrongly typed field is named by its JSON path, without Java names. */
    @Test
    void aWronglyTypedFieldIsNamedWithoutJavaNames() {
        ApiResponse refused = consumer.postJson("/api/videos/submit", "{\"title\":{\"a\":1},\"hashtags\":\"x\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain("org.milkmobs", "java.", "class");
        assertThat(refused.json().getJsonArray("errors").toString()).contains("\"field\":\"title\"", "title must be a string",
                "\"field\":\"hashtags\"", "hashtags must be an array");
        assertThat(consumer.postJson("/api/videos/submit", "[]").json().getString("detail")).isEqualTo("the request body must be an object");
    }
}
