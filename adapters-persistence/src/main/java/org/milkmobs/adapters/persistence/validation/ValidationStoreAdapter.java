package org.milkmobs.adapters.persistence.validation;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import java.io.StringReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.application.port.out.validation.ValidationStore;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.validation.Signal;
import org.milkmobs.domain.validation.SignalResult;
import org.milkmobs.domain.validation.ValidationDecision;
import org.milkmobs.domain.video.VideoId;

/** Decisions append-only, each with its breakdown as JSON. */
@Dependent
class ValidationStoreAdapter implements ValidationStore {

    private static final JsonProvider JSON = JsonProvider.provider();

    private final Sql sql;

    @Inject
    ValidationStoreAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    public void recordDecision(VideoId video, ValidationDecision decision) {
        JsonArrayBuilder breakdown = JSON.createArrayBuilder();
        for (SignalResult r : decision.breakdown()) {
            var line = JSON.createObjectBuilder().add("signal", r.signal().name()).add("weight", r.weight())
                    .add("effectiveWeight", r.effectiveWeight()).add("contribution", r.contribution());
            if (r.score() == null) {
                line.addNull("score");
            } else {
                line.add("score", r.score());
            }
            breakdown.add(line);
        }
        sql.update("""
                INSERT INTO validation_decision (video_id, outcome, accepted, score, threshold, breakdown, kind, decided_by, reason,
                                                 decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, video.value(), decision.outcome().name(), decision.accepted(), decision.score(), decision.threshold(),
                new Sql.Json(breakdown.build().toString()), decision.kind().name(),
                decision.decidedBy() == null ? null : decision.decidedBy().value(), decision.reason(), decision.decidedAt());
    }

    @Override
    public List<ValidationDecision> decisions(VideoId video) {
        return sql.query("""
                SELECT outcome, score, threshold, breakdown::text AS breakdown, kind, decided_by, reason, decided_at
                FROM validation_decision WHERE video_id = ? ORDER BY seq
                """, ValidationStoreAdapter::decision, video.value());
    }

    @Override
    public Map<VideoId, ValidationDecision> latestDecisions(Collection<VideoId> videos) {
        Map<VideoId, ValidationDecision> found = new HashMap<>();
        if (!videos.isEmpty()) {
            sql.query("""
                    SELECT DISTINCT ON (video_id) video_id, outcome, score, threshold, breakdown::text AS breakdown, kind, decided_by,
                           reason, decided_at
                    FROM validation_decision WHERE video_id = ANY(?) ORDER BY video_id, seq DESC
                    """, row -> found.put(new VideoId(Sql.uuid(row, "video_id")), decision(row)),
                    (Object) videos.stream().map(VideoId::value).distinct().toArray(UUID[]::new));
        }
        return found;
    }

    private static ValidationDecision decision(ResultSet row) throws SQLException {
        return new ValidationDecision(ValidationDecision.Outcome.valueOf(row.getString("outcome")), row.getDouble("score"), row.getDouble("threshold"),
                breakdown(row.getString("breakdown")), ValidationDecision.Kind.valueOf(row.getString("kind")),
                row.getString("decided_by") == null ? null : new UserId(row.getString("decided_by")), row.getString("reason"),
                Sql.instant(row, "decided_at"));
    }

    private static List<SignalResult> breakdown(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            return reader.readArray().getValuesAs(JsonObject.class).stream().map(line -> new SignalResult(
                    Signal.valueOf(line.getString("signal")),
                    line.get("score").getValueType() == JsonValue.ValueType.NULL ? null : ((JsonNumber) line.get("score")).doubleValue(),
                    line.getJsonNumber("weight").doubleValue(), line.getJsonNumber("effectiveWeight").doubleValue(),
                    line.getJsonNumber("contribution").doubleValue())).toList();
        }
    }
}
