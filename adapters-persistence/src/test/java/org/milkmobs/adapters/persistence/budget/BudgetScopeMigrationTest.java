package org.milkmobs.adapters.persistence.budget;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.milkmobs.adapters.persistence.DatabaseMigrations;
import org.milkmobs.adapters.persistence.testing.TestDatabase;

/** Budget rows written under a model's aliases before V9 end up under its base model id. */
class BudgetScopeMigrationTest {

    private static final String BASE = "twelvelabs.marengo-embed-3-0-v1:0";

    @Test
    void aliasScopesMergeIntoTheirBaseModel() {
        TestDatabase database = TestDatabase.migratedTo("budget_scope_migration", "8");
        database.execute("""
                INSERT INTO budget_counter (scope, period, window_start, spent_usd, reserved_usd) VALUES
                    ('us.%1$s', 'HOUR', '2026-11-23T10:00:00Z', 1, 0.5),
                    ('%1$s', 'HOUR', '2026-11-23T10:00:00Z', 2, 0),
                    ('eu.%1$s', 'HOUR', '2026-11-23T10:00:00Z', 3, 0.25),
                    ('arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.%1$s', 'DAY', '2026-11-23T00:00:00Z', 4, 0),
                    ('global', 'DAY', '2026-11-23T00:00:00Z', 10, 0.75);
                INSERT INTO budget_limit (scope, period, limit_usd, updated_at) VALUES
                    ('us.%1$s', 'DAY', 5, '2026-11-01T00:00:00Z'),
                    ('%1$s', 'DAY', 7, '2026-11-02T00:00:00Z'),
                    ('us.twelvelabs.pegasus-1-2-v1:0', 'MONTH', NULL, '2026-11-01T00:00:00Z'),
                    ('twelvelabs.pegasus-1-2-v1:0', 'MONTH', 40, '2026-11-01T00:00:00Z'),
                    ('us.twelvelabs.pegasus-1-2-v1:0', 'HOUR', 2, '2026-11-01T00:00:00Z');
                INSERT INTO budget_reservation (id, model_id, operation, estimate_usd, reserved_at, expires_at, over_ceiling)
                    VALUES ('01a20a00-0000-7000-8000-000000000001', 'us.%1$s', 'EMBED_TEXT', 0.5, now(), now(), false);
                INSERT INTO budget_reservation_window (reservation_id, scope, period, window_start) VALUES
                    ('01a20a00-0000-7000-8000-000000000001', 'us.%1$s', 'HOUR', '2026-11-23T10:00:00Z'),
                    ('01a20a00-0000-7000-8000-000000000001', 'global', 'HOUR', '2026-11-23T10:00:00Z');
                """.formatted(BASE));

        DatabaseMigrations.migrate(database.dataSource());

        assertThat(database.column("SELECT scope || ' ' || period || ' ' || trim_scale(spent_usd) || ' ' || trim_scale(reserved_usd)"
                + " FROM budget_counter ORDER BY scope, period")).containsExactly(
                "global DAY 10 0.75",
                BASE + " DAY 4 0",
                BASE + " HOUR 6 0.75");
        assertThat(database.column("SELECT scope || ' ' || period || ' ' || coalesce(trim_scale(limit_usd)::text, 'lifted')"
                + " FROM budget_limit ORDER BY scope, period")).as("the stricter ceiling stays; a set one beats a lifted one")
                .containsExactly(
                        BASE + " DAY 5",
                        "twelvelabs.pegasus-1-2-v1:0 HOUR 2",
                        "twelvelabs.pegasus-1-2-v1:0 MONTH 40");
        assertThat(database.column("SELECT scope FROM budget_reservation_window ORDER BY scope")).containsExactly("global", BASE);
    }
}
