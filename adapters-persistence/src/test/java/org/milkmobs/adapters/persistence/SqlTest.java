package org.milkmobs.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.milkmobs.adapters.persistence.testing.PersistenceTest;

/**
 * Plain SQL outside a transaction, as a read-only use case runs it (ADR 0029): statements sent in one round trip share one
 * implicit transaction, so a prelude's transaction-local settings (the k-NN's) hold for the statement after it, and only
 * for it.
 */
class SqlTest extends PersistenceTest {

    @Test
    void aPreludesTransactionLocalSettingHoldsForTheQueryAfterItAndEndsWithIt() {
        Sql sql = new Sql(em);
        assertThat(em.unwrap(Session.class).doReturningWork(Connection::getAutoCommit)).as("no transaction: autocommit").isTrue();

        List<String> during = sql.queryAfter("SELECT set_config('hnsw.ef_search', '77', true)",
                "SELECT current_setting('hnsw.ef_search', true) AS value", row -> row.getString("value"));
        List<String> after = sql.query("SELECT current_setting('hnsw.ef_search', true) AS value", row -> row.getString("value"));

        assertThat(during).containsExactly("77");
        assertThat(after).doesNotContain("77");
    }

    @Test
    void aPreludeIsChosenByWhetherATransactionHoldsTheConnection() {
        Sql sql = new Sql(em);
        java.util.function.Function<Boolean, String> prelude = autocommit -> "SELECT set_config('hnsw.ef_search', '"
                + (autocommit ? "77" : "88") + "', true)";
        String read = "SELECT current_setting('hnsw.ef_search', true) AS value";

        List<String> outside = sql.queryAfter(prelude, read, row -> row.getString("value"));
        List<String> inside = tx(() -> sql.queryAfter(prelude, read, row -> row.getString("value")));
        Sql.Both<String, String> both = sql.queryBothAfter(prelude, read, row -> row.getString("value"), read, row -> row.getString("value"));

        assertThat(outside).containsExactly("77");
        assertThat(inside).containsExactly("88");
        assertThat(both.first()).containsExactly("77");
        assertThat(both.second()).containsExactly("77");
    }

    @Test
    void twoQueriesInOneRoundTripEachGetTheirParametersAndTheirRows() {
        Sql.Both<Integer, String> both = new Sql(em).queryBoth("SELECT g AS n FROM generate_series(1, ?) g", row -> row.getInt("n"),
                "SELECT ? || '-' || ? AS s", row -> row.getString("s"), 3, "a", "b");

        assertThat(both.first()).containsExactly(1, 2, 3);
        assertThat(both.second()).containsExactly("a-b");
    }

    @Test
    void manyQueriesInOneRoundTripEachGetTheirParametersAndTheirRowsInOrder() {
        Sql.Many<Integer, String> many = new Sql(em).queryManyAfter(autocommit -> null, "SELECT g AS n FROM generate_series(1, ?) g",
                row -> row.getInt("n"), List.of(new Sql.Query<>("SELECT ? || '-' || ? AS s", row -> row.getString("s")),
                        new Sql.Query<>("SELECT upper(?) AS s UNION ALL SELECT 'z'", row -> row.getString("s"))), 2, "a", "b", "c");

        assertThat(many.first()).containsExactly(1, 2);
        assertThat(many.rest()).containsExactly(List.of("a-b"), List.of("C", "z"));
    }
}
