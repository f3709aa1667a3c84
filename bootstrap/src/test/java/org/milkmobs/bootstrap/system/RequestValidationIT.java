package org.milkmobs.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.milkmobs.bootstrap.system.ApiClient.ApiResponse;

/**
 * Bean Validation on every bound request model, through the real WAR: each refusal is a 400
 * problem+json naming every bad field by its JSON path, and a refused request changes nothing.
 */
@ExtendWith(SystemTestServer.class)
class RequestValidationIT {

    private static ApiClient consumer;
    private static ApiClient admin;

    @BeforeAll
    static void connect(MilkMobsServer server) {
        consumer = server.as(server.tokens().consumer("vera"));
        admin = server.as(server.tokens().admin("ada"));
    }

    @Test
    void aSubmissionNamesEveryBadFieldWithTheReason() {
        Map<String, String> errors = fieldErrors(consumer.postJson("/api/videos/submit",
                "{\"description\":\"" + "x".repeat(5001) + "\",\"hashtags\":[\"ok\",\"not ok\"]}"));

        assertThat(errors).containsOnlyKeys("title", "description", "hashtags");
        assertThat(errors.get("title")).isEqualTo("title is required");
        assertThat(errors.get("description")).contains("at most 5000 characters");
        assertThat(errors.get("hashtags")).contains("'not ok'");
        assertThat(consumer.get("/api/videos/user").json().getJsonArray("items")).isEmpty();
    }

    @Test
    void aMissingOrNullBodyIsNamedBody() {
        for (String body : List.of("", "null")) {
            ApiResponse refused = consumer.postJson("/api/videos/submit", body);
            assertThat(refused.status()).as("body '%s': %s", body, refused).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().getString("detail")).contains("body").contains("required");
        }
    }

    @Test
    void nestedBudgetFieldsAreNamedByPathAndAllReportedAtOnce() {
        Map<String, String> errors = fieldErrors(admin.putJson("/api/admin/budget",
                "{\"limits\":[{\"scope\":\"global\",\"period\":\"week\",\"usd\":-2},null,{\"usd\":1}]}"));

        assertThat(errors).containsOnlyKeys("limits[0].period", "limits[0].usd", "limits[1]", "limits[2].scope", "limits[2].period");
        assertThat(errors.get("limits[0].period")).contains("hour, day, month");
        assertThat(errors.get("limits[0].usd")).contains("negative");
        assertThat(errors.get("limits[1]")).isEqualTo("limits[1] is required");
    }

    @Test
    void aValidationRequestNeedsAUuidAndAKnownDecision() {
        Map<String, String> errors = fieldErrors(admin.postJson("/api/validate",
                "{\"videoId\":\"../../etc/passwd\",\"decision\":\"MAYBE\",\"reason\":\"\\u0000\"}"));

        assertThat(errors).containsOnlyKeys("videoId", "decision", "reason");
        assertThat(errors.get("decision")).isEqualTo("decision must be VALIDATED or REJECTED");
        assertThat(errors.get("reason")).contains("control");
    }

    @Test
    void theCampaignReadBackIsAValidCampaignAndABrokenOneChangesNothing() {
        JsonObject current = admin.get("/api/admin/campaign").json();

        ApiResponse unchanged = admin.putJson("/api/admin/campaign", current.toString());
        assertThat(unchanged.status()).as(unchanged.toString()).isEqualTo(200);
        assertThat(unchanged.json()).isEqualTo(current);

        JsonObject broken = Json.createObjectBuilder(current).add("name", " ").remove("threshold")
                .add("weights", Json.createObjectBuilder(current.getJsonObject("weights")).addNull("visual"))
                .add("keywords", Json.createArrayBuilder().add("x".repeat(65))).build();
        Map<String, String> errors = fieldErrors(admin.putJson("/api/admin/campaign", broken.toString()));
        assertThat(errors).containsOnlyKeys("name", "threshold", "weights[visual]", "keywords");
        assertThat(errors.get("name")).isEqualTo("name must not be blank");
        assertThat(errors.get("threshold")).isEqualTo("threshold is required");
        assertThat(admin.get("/api/admin/campaign").json()).isEqualTo(current);
    }

    @Test
    void aReferenceImageIsLimitedBeforeItIsDecoded() {
        String tooLarge = "A".repeat(5 * 1024 * 1024 / 3 * 4 + 8); // within the endpoint's body limit, past the field's
        Map<String, String> errors = fieldErrors(admin.postJson("/api/admin/campaign/references",
                "{\"name\":\"cow\",\"imageBase64\":\"" + tooLarge + "\",\"videoId\":\"nope\"}"));

        assertThat(errors).containsOnlyKeys("imageBase64", "videoId");
        assertThat(errors.get("imageBase64")).isEqualTo("imageBase64 must encode at most 5242880 bytes");
    }

    @Test
    void aJsonBodyPastTheDefaultLimitIsRefusedWithoutBeingRead() {
        String twoMegabytes = "{\"title\":\"big\",\"description\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        for (ApiResponse refused : List.of(consumer.postJson("/api/videos/submit", twoMegabytes),
                admin.putJson("/api/admin/budget", twoMegabytes), admin.postJson("/api/validate", twoMegabytes))) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().getString("detail")).contains("1 MB");
        }
    }

    /** Asserts a 400 problem+json without a trace and returns its field errors by field. */
    private static Map<String, String> fieldErrors(ApiResponse refused) {
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).doesNotContain("Exception").doesNotContain("at org.");
        JsonObject problem = refused.json();
        assertThat(problem.getString("detail")).isNotBlank();
        return problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(e -> e.getString("field"), e -> e.getString("message")));
    }
}
