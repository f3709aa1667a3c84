package org.milkmobs.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.milkmobs.bootstrap.system.ApiClient.ApiResponse;

/** The admin's budget, usage and operations numbers through the real WAR; what a careless client sends is refused clearly. */
@ExtendWith(SystemTestServer.class)
class BudgetAdminIT {

    private static MilkMobsServer server;
    private static ApiClient admin;
    private static ApiClient consumer;

    @BeforeAll
    static void start(MilkMobsServer running) {
        server = running;
        admin = server.as(server.tokens().admin("budget-admin"));
        consumer = server.as(server.tokens().consumer("budget-consumer"));
    }

    @Test
    void theBudgetShowsEveryGlobalWindowAndItsMode() {
        ApiResponse budget = admin.get("/api/admin/budget");

        assertThat(budget.status()).as(budget.toString()).isEqualTo(200);
        assertThat(budget.json().getString("mode")).isEqualTo("strict");
        assertThat(budget.json().getJsonArray("windows").getValuesAs(JsonObject.class)).filteredOn(w -> w.getString("scope").equals("global"))
                .extracting(w -> w.getString("period")).containsExactly("hour", "day", "month");
        assertThat(consumer.get("/api/admin/budget").status()).isEqualTo(403);
    }

    @Test
    void aCeilingChangeIsAppliedAuditedAndCanBeLifted() {
        try {
            ApiResponse set = admin.putJson("/api/admin/budget",
                    "{\"limits\":[{\"scope\":\"global\",\"period\":\"day\",\"usd\":12.5}],\"reason\":\"launch week\"}");
            assertThat(set.status()).as(set.toString()).isEqualTo(200);
            JsonObject day = globalWindow(set.json(), "day");
            assertThat(day.getJsonNumber("limitUsd").bigDecimalValue()).isEqualByComparingTo("12.5");
            assertThat(day.getJsonNumber("remainingUsd").bigDecimalValue()).isEqualByComparingTo(
                    day.getJsonNumber("limitUsd").bigDecimalValue().subtract(day.getJsonNumber("spentUsd").bigDecimalValue())
                            .subtract(day.getJsonNumber("reservedUsd").bigDecimalValue()));
            JsonObject audit = set.json().getJsonArray("recentChanges").getJsonObject(0);
            assertThat(audit.getString("actor")).isEqualTo("budget-admin");
            assertThat(audit.getString("reason")).isEqualTo("launch week");
            assertThat(absent(audit, "beforeUsd")).isTrue();
            assertThat(audit.getJsonNumber("afterUsd").bigDecimalValue()).isEqualByComparingTo("12.5");
        } finally {
            ApiResponse lifted = admin.putJson("/api/admin/budget",
                    "{\"limits\":[{\"scope\":\"global\",\"period\":\"day\",\"lift\":true}],\"reason\":\"back to normal\"}");
            assertThat(lifted.status()).as(lifted.toString()).isEqualTo(200);
            assertThat(absent(globalWindow(lifted.json(), "day"), "limitUsd")).isTrue();
            assertThat(lifted.json().getJsonArray("recentChanges").getJsonObject(0).getString("reason")).isEqualTo("back to normal");
        }
    }

    @Test
    void badCeilingsGetAProblemNamingTheFieldAndChangeNothing() {
        String before = admin.get("/api/admin/budget").json().getJsonArray("limits").toString();
        for (String[] bad : List.of(
                new String[] {"{\"limits\":[{\"scope\":\"global\",\"period\":\"day\",\"usd\":-1}]}", "limits[0].usd", "negative"},
                new String[] {"{\"limits\":[{\"scope\":\"global\",\"period\":\"day\",\"usd\":\"lots\"}]}", null, null},
                new String[] {"{\"limits\":[{\"scope\":\"global\",\"period\":\"week\",\"usd\":5}]}", "limits[0].period", "hour, day, month"},
                new String[] {"{\"limits\":[{\"scope\":\"global\",\"period\":\"day\"}]}", "limits[0].usd", "required"},
                new String[] {"{\"limits\":[{\"scope\":\"global\",\"period\":\"day\",\"usd\":1e400}]}", "limits[0].usd", "at most"},
                new String[] {"{\"limits\":[]}", "limits", "at least one"},
                new String[] {"[1,2]", null, null},
                new String[] {"{\"limits\":[{\"scope\":\"global\",\"period\":\"day\",\"usd\":1},"
                        + "{\"scope\":\"global\",\"period\":\"day\",\"usd\":2}]}", "limits", "twice"})) {
            ApiResponse refused = admin.putJson("/api/admin/budget", bad[0]);
            assertThat(refused.status()).as(bad[0] + " -> " + refused).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().getString("detail")).isNotBlank();
            if (bad[1] != null) {
                assertThat(refused.body()).as(bad[0]).contains(bad[1]).contains(bad[2]);
            }
        }
        assertThat(consumer.putJson("/api/admin/budget", "{\"limits\":[{\"scope\":\"global\",\"period\":\"day\",\"usd\":1}]}").status())
                .isEqualTo(403);
        assertThat(admin.get("/api/admin/budget").json().getJsonArray("limits").toString()).isEqualTo(before);
    }

    @Test
    void usageStatsAreASeriesWithATotalAndRefuseNonsense() {
        ApiResponse stats = admin.get("/api/admin/usage-stats?from=2026-01-01T00:00:00Z&to=2026-12-31T00:00:00Z&groupBy=model");
        assertThat(stats.status()).as(stats.toString()).isEqualTo(200);
        assertThat(stats.json().getString("groupBy")).isEqualTo("model");
        assertThat(stats.json().getJsonObject("total").getJsonNumber("invocations").longValue())
                .isEqualTo(stats.json().getJsonArray("series").getValuesAs(JsonObject.class).stream()
                        .mapToLong(b -> b.getJsonNumber("invocations").longValue()).sum());

        assertThat(admin.get("/api/admin/usage-stats?groupBy=week").status()).isEqualTo(400);
        assertThat(admin.get("/api/admin/usage-stats?from=yesterday").status()).isEqualTo(400);
        assertThat(admin.get("/api/admin/usage-stats?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z").status()).isEqualTo(400);
        assertThat(admin.get("/api/admin/usage-stats?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z").status()).isEqualTo(400);
        assertThat(consumer.get("/api/admin/usage-stats").status()).isEqualTo(403);
    }

    @Test
    void operationsStatsCountVideosJobsAndFailures() {
        new Uploads(consumer).submit("counted", List.of());
        ApiResponse stats = admin.get("/api/admin/stats");

        assertThat(stats.status()).as(stats.toString()).isEqualTo(200);
        assertThat(stats.json().getJsonObject("videosByStatus").getJsonNumber("SUBMITTED").longValue()).isPositive();
        assertThat(stats.json().getJsonObject("jobsByState").keySet()).contains("AVAILABLE", "RUNNING", "COMPLETED", "DEAD");
        assertThat(stats.json().containsKey("failuresByReason")).isTrue();
        assertThat(consumer.get("/api/admin/stats").status()).isEqualTo(403);
    }

    @Test
    void metricsExposeJobsVideosAndBudgetGauges() {
        ApiResponse metrics = server.anonymous().get("/metrics");

        assertThat(metrics.status()).as(metrics.toString()).isEqualTo(200);
        assertThat(metrics.body()).contains("milkmobs_jobs").contains("milkmobs_videos").contains("milkmobs_budget_remaining_usd")
                .contains("milkmobs_pipeline_latency_p95_seconds");
        // every gauge has a HELP line that says what it counts
        assertThat(metrics.body()).contains("Pipeline jobs in the job table, by state")
                .contains("Room left under a budget ceiling in its current window")
                .doesNotContainPattern("# HELP milkmobs_\\w+\\s*\\n");
    }

    /** JSON-B leaves null fields out. */
    private static boolean absent(JsonObject object, String field) {
        return !object.containsKey(field) || object.isNull(field);
    }

    private static JsonObject globalWindow(JsonObject budget, String period) {
        return budget.getJsonArray("windows").getValuesAs(JsonObject.class).stream()
                .filter(w -> w.getString("scope").equals("global") && w.getString("period").equals(period)).findFirst().orElseThrow();
    }
}
