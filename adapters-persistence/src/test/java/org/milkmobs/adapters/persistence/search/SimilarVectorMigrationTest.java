package org.milkmobs.adapters.persistence.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.milkmobs.adapters.persistence.DatabaseMigrations;
import org.milkmobs.adapters.persistence.testing.TestDatabase;

/** Videos analysed before V44 get their fused vectors (ADR 0036) from the migration itself. */
class SimilarVectorMigrationTest {

    @Test
    void videosAnalysedBeforeTheMigrationGetTheirFusedVectors() {
        TestDatabase database = TestDatabase.migratedTo("similar_vector_migration", "43");
        database.execute("""
                INSERT INTO video (id, owner_id, title, description, hashtags, status, created_at, updated_at, version, in_mob) VALUES
                    ('01a20a00-0000-7000-8000-000000000001', 'o', 'look and sound', '', '{}', 'VALIDATED', now(), now(), 0, false),
                    ('01a20a00-0000-7000-8000-000000000002', 'o', 'look only', '', '{}', 'VALIDATED', now(), now(), 0, false),
                    ('01a20a00-0000-7000-8000-000000000003', 'o', 'clips only', '', '{}', 'VALIDATED', now(), now(), 0, false);
                INSERT INTO embedding (video_id, model_id, modality, scope, start_seconds, end_seconds, dimension, vector) VALUES
                    ('01a20a00-0000-7000-8000-000000000001', 'm', 'VISUAL', 'ASSET', 0, 8, 2, '[3,4]'),
                    ('01a20a00-0000-7000-8000-000000000001', 'm', 'AUDIO', 'ASSET', 0, 8, 2, '[0,2]'),
                    ('01a20a00-0000-7000-8000-000000000001', 'm', 'VISUAL', 'CLIP', 0, 4, 2, '[1,1]'),
                    ('01a20a00-0000-7000-8000-000000000002', 'm', 'VISUAL', 'ASSET', 0, 8, 2, '[0,5]'),
                    ('01a20a00-0000-7000-8000-000000000003', 'm', 'VISUAL', 'CLIP', 0, 4, 2, '[1,0]');
                """);

        DatabaseMigrations.migrate(database.dataSource());

        assertThat(database.column("SELECT title || ' ' || has_audio || ' ' || s.vector::text FROM similar_vector s"
                + " JOIN video v ON v.id = s.video_id ORDER BY title")).as("unit halves, zeros for no sound, none without a visual asset vector")
                .containsExactly("look and sound true [0.60009766,0.7998047,0,1]", "look only false [0,1,0,0]");
    }
}
