package org.milkmobs.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.milkmobs.bootstrap.system.ApiClient.ApiResponse;

/** The first slice, through the real WAR on Payara Micro: submit, read, and the errors around them. */
@ExtendWith(SystemTestServer.class)
class VideoApiIT {

    private static MilkMobsServer server;
    private static ApiClient alice;

    @BeforeAll
    static void connect(MilkMobsServer running) {
        server = running;
        alice = server.as(server.tokens().consumer("alice"));
    }

    @Test
    void aSubmittedVideoCanBeReadBackByItsOwner() {
        ApiResponse created = alice.postJson("/api/videos/submit",
                "{\"title\":\"  Milk mob at the park \",\"description\":\"slow motion\",\"hashtags\":[\"#MilkMob\",\"slowmo\"]}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonObject video = created.json().getJsonObject("video");
        String id = created.json().getString("videoId");
        assertThat(created.header("Location")).endsWith("/api/videos/" + id);
        assertThat(video.getString("status")).isEqualTo("SUBMITTED");
        assertThat(video.getString("ownerId")).isEqualTo("alice");

        ApiResponse read = alice.get("/api/videos/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().getString("title")).isEqualTo("Milk mob at the park");
        assertThat(read.json().getJsonArray("hashtags").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("milkmob", "slowmo");
        assertThat(read.json().getString("createdAt")).isEqualTo(video.getString("createdAt"));
    }

    @Test
    void anInvalidBodyIsA400ProblemNamingEveryBadField() {
        ApiResponse response = alice.postJson("/api/videos/submit", "{\"title\":\"   \",\"hashtags\":[\"no spaces allowed\"]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonObject problem = response.json();
        assertThat(problem.getInt("status")).isEqualTo(400);
        assertThat(problem.getString("detail")).contains("title must not be blank");
        assertThat(problem.getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("field")).containsExactly("hashtags", "title");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void malformedOrMissingBodiesAre400Problems() {
        for (String body : new String[] {"{\"title\":", "[]", "\"just a string\"", "{\"title\":5,\"hashtags\":\"x\"}", ""}) {
            ApiResponse response = alice.postJson("/api/videos/submit", body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.contentType()).as(body).startsWith("application/problem+json");
            assertThat(response.json().getString("detail")).as(body).isNotBlank();
        }
        ApiResponse wrongType = alice.post("/api/videos/submit", "text/plain", "title".getBytes());
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.contentType()).startsWith("application/problem+json");
    }

    @Test
    void unknownAndMalformedIdsAreProblems() {
        ApiResponse unknown = alice.get("/api/videos/01a207e3-dd7e-73b0-9260-bcf4cd908245");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().getString("detail")).contains("01a207e3-dd7e-73b0-9260-bcf4cd908245");

        ApiResponse malformed = alice.get("/api/videos/..%2F..%2Fetc%2Fpasswd");
        assertThat(malformed.status()).isIn(400, 404);
        assertThat(malformed.contentType()).startsWith("application/problem+json");

        ApiResponse notAUuid = alice.get("/api/videos/not-a-uuid");
        assertThat(notAUuid.status()).isEqualTo(400);
        assertThat(notAUuid.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("videoId");
    }

    @Test
    void anotherConsumerCannotSeeAnUnvalidatedVideoButAnAdminCan() {
        String id = alice.postJson("/api/videos/submit", "{\"title\":\"mine\"}").json().getString("videoId");
        assertThat(id).isNotBlank();

        assertThat(server.as(server.tokens().consumer("bob")).get("/api/videos/" + id).status()).isEqualTo(404);
        assertThat(server.as(server.tokens().admin("root")).get("/api/videos/" + id).status()).isEqualTo(200);
    }

    @Test
    void requestsWithoutAValidTokenAre401Problems() {
        ApiResponse anonymous = server.anonymous().postJson("/api/videos/submit", "{\"title\":\"t\"}");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");

        for (String token : new String[] {server.tokens().forged("alice"), server.tokens().expired("alice"),
                server.tokens().fromOtherIssuer("alice"), "not.a.jwt"}) {
            ApiResponse response = server.as(token).get("/api/videos/01a207e3-dd7e-73b0-9260-bcf4cd908245");
            assertThat(response.status()).as(token).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void healthIsUpAndTheOpenApiDocumentListsTheEndpoints() {
        ApiResponse ready = server.anonymous().get("/health/ready");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().getString("status")).isEqualTo("UP");

        ApiResponse openapi = server.anonymous().get("/openapi");
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.body()).contains("/api/videos/submit:").contains("/api/videos/{videoId}:")
                .contains("operationId: submitVideo").contains("operationId: getVideo");
    }

    @Test
    void aMalformedIdempotencyKeyIsAFieldError() {
        ApiResponse response = alice.send(alice.request("/api/videos/submit").header("Content-Type", "application/json")
                .header("Idempotency-Key", "has spaces in it").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"title\":\"t\"}")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("Idempotency-Key");
    }

    @Test
    void unknownPathsAreProblemsToo() {
        ApiResponse response = alice.get("/api/no/such/thing");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
