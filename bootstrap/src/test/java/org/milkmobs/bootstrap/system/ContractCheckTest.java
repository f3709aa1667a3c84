package org.milkmobs.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The contract check bites: answers that leave out a required field or change a type fail; conforming ones pass. */
class ContractCheckTest {

    private static final String STATS = """
            {"at":"2026-12-03T10:00:00Z","videosByStatus":{"SUBMITTED":2},"mobs":0,"mobMembers":0,
             "averageSignalScores":{},"failuresByReason":{},"jobsByState":{"AVAILABLE":2},"costByModel":{}%s}""";

    @Test
    void statsWithoutAFinishedWorkflowConform() {
        assertThatCode(() -> ContractCheck.verify("GET", "/api/admin/stats", 200, "application/json", STATS.formatted("")))
                .doesNotThrowAnyException();
    }

    @Test
    void aMissingRequiredFieldFails() {
        String withoutAt = STATS.formatted("").replace("\"at\":\"2026-12-03T10:00:00Z\",", "");
        assertThatThrownBy(() -> ContractCheck.verify("GET", "/api/admin/stats", 200, "application/json", withoutAt))
                .isInstanceOf(AssertionError.class).hasMessageContaining("at");
    }

    @Test
    void aLatencyWithoutItsFiguresFails() {
        String halfLatency = STATS.formatted(",\"pipelineLatency\":{\"workflows\":3}");
        assertThatThrownBy(() -> ContractCheck.verify("GET", "/api/admin/stats", 200, "application/json", halfLatency))
                .isInstanceOf(AssertionError.class).hasMessageContaining("p50Seconds");
    }

    @Test
    void aWrongTypeFails() {
        String textCount = STATS.formatted("").replace("\"mobs\":0", "\"mobs\":\"none\"");
        assertThatThrownBy(() -> ContractCheck.verify("GET", "/api/admin/stats", 200, "application/json", textCount))
                .isInstanceOf(AssertionError.class).hasMessageContaining("mobs");
    }

    @Test
    void problemAnswersAreCheckedToo() {
        assertThatThrownBy(() -> ContractCheck.verify("GET", "/api/admin/stats", 403, "application/problem+json", "{\"status\":\"forbidden\"}"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void filesAndUndocumentedPathsAreLeftAlone() {
        assertThatCode(() -> {
            ContractCheck.verify("GET", "/console/console.js", 200, "text/javascript", "let x = 1;");
            ContractCheck.verify("GET", "/health/ready", 200, "application/json", "{\"status\":\"UP\",\"checks\":[]}");
        }).doesNotThrowAnyException();
    }
}
