package org.milkmobs.adapters.persistence.campaign;

import org.milkmobs.domain.campaign.CampaignSettings;
import com.pgvector.PGhalfvec;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import java.io.StringReader;
import java.sql.Array;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.application.port.out.campaign.CampaignStore;
import org.milkmobs.domain.campaign.Campaign;
import org.milkmobs.domain.embedding.Embedding;
import org.milkmobs.domain.embedding.EmbeddingModel;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.Scope;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.validation.Signal;
import org.milkmobs.domain.validation.ValidationPolicy;
import org.milkmobs.domain.video.Hashtags;

/** The campaign row, its audit trail, and its reference vectors. */
@Dependent
class CampaignStoreAdapter implements CampaignStore {

    private static final JsonProvider JSON = JsonProvider.provider();

    private final Sql sql;

    @Inject
    CampaignStoreAdapter(EntityManager entityManager) {
        this.sql = new Sql(entityManager);
    }

    @Override
    public Optional<CampaignSettings> currentCampaign() {
        return sql.query("""
                SELECT name, description, hashtags, keywords, weights::text AS weights, threshold, visual_unrelated, visual_same
                FROM campaign WHERE id = 1
                """, row -> new CampaignSettings(
                new Campaign(row.getString("name"), row.getString("description"), new Hashtags(strings(row.getArray("hashtags"))),
                        strings(row.getArray("keywords"))),
                new ValidationPolicy(weights(row.getString("weights")), row.getDouble("threshold")),
                row.getDouble("visual_unrelated"), row.getDouble("visual_same"))).stream().findFirst();
    }

    @Override
    public void saveCampaign(CampaignSettings settings, UserId changedBy, Instant now) {
        Campaign c = settings.campaign();
        Sql.Json weights = new Sql.Json(weightsJson(settings.policy()).build().toString());
        sql.update("""
                INSERT INTO campaign (id, name, description, hashtags, keywords, weights, threshold, visual_unrelated, visual_same,
                                      updated_at, updated_by)
                VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description, hashtags = EXCLUDED.hashtags,
                    keywords = EXCLUDED.keywords, weights = EXCLUDED.weights, threshold = EXCLUDED.threshold,
                    visual_unrelated = EXCLUDED.visual_unrelated, visual_same = EXCLUDED.visual_same,
                    updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
                """, c.name(), c.description(), c.hashtags().values().toArray(String[]::new), c.keywords().toArray(String[]::new),
                weights, settings.policy().threshold(), settings.visualUnrelated(), settings.visualSame(), now, changedBy.value());
        JsonObjectBuilder audit = JSON.createObjectBuilder().add("name", c.name()).add("description", c.description())
                .add("hashtags", JSON.createArrayBuilder(c.hashtags().values())).add("keywords", JSON.createArrayBuilder(c.keywords()))
                .add("weights", weightsJson(settings.policy())).add("threshold", settings.policy().threshold())
                .add("visualUnrelated", settings.visualUnrelated()).add("visualSame", settings.visualSame());
        sql.update("INSERT INTO campaign_change (changed_at, changed_by, settings) VALUES (?, ?, ?)", now, changedBy.value(),
                new Sql.Json(audit.build().toString()));
    }

    @Override
    public List<Embedding> references(EmbeddingModel model) {
        return sql.query("SELECT modality, vector::text AS vector FROM campaign_reference WHERE model_id = ? AND dimension = ? ORDER BY source",
                row -> new Embedding(model, Modality.valueOf(row.getString("modality")), Scope.ASSET, new Segment(0, 0),
                        new PGhalfvec(row.getString("vector")).toArray()), model.id(), model.dimension());
    }

    @Override
    public void addReference(String source, Embedding reference) {
        sql.update("""
                INSERT INTO campaign_reference (source, model_id, modality, dimension, vector) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (source, model_id, modality) DO UPDATE SET dimension = EXCLUDED.dimension, vector = EXCLUDED.vector
                """, source, reference.model().id(), reference.modality().name(), reference.model().dimension(),
                new PGhalfvec(reference.vector()));
    }

    @Override
    public List<String> referenceSources(EmbeddingModel model) {
        return sql.query("SELECT DISTINCT source FROM campaign_reference WHERE model_id = ? ORDER BY source",
                row -> row.getString("source"), model.id());
    }

    @Override
    public int removeReferences(String source) {
        return sql.update("DELETE FROM campaign_reference WHERE source = ?", source);
    }

    private static JsonObjectBuilder weightsJson(ValidationPolicy policy) {
        JsonObjectBuilder weights = JSON.createObjectBuilder();
        policy.weights().forEach((signal, weight) -> weights.add(signal.name(), weight));
        return weights;
    }

    private static Map<Signal, Double> weights(String json) {
        Map<Signal, Double> weights = new EnumMap<>(Signal.class);
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            object.forEach((name, value) -> weights.put(Signal.valueOf(name), object.getJsonNumber(name).doubleValue()));
        }
        return weights;
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
