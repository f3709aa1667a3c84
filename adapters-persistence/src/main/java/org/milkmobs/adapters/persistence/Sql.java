package org.milkmobs.adapters.persistence;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.Session;

/**
 * Plain SQL on the JPA transaction's own connection (so it commits and rolls back with the use case),
 * for statements JPQL cannot say: SKIP LOCKED claims, CTEs, ON CONFLICT.
 */
public final class Sql {

    private final EntityManager entityManager;

    public Sql(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public int update(String sql, Object... parameters) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, parameters)) {
                return statement.executeUpdate();
            }
        });
    }

    /** Runs {@code sql} once per row of parameters, in one JDBC batch. */
    public int[] batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        bind(connection, statement, i + 1, row[i]);
                    }
                    statement.addBatch();
                }
                return statement.executeBatch();
            }
        });
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... parameters) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = prepare(connection, sql, parameters)) {
                return rows(statement.executeQuery(), mapper);
            }
        });
    }

    /**
     * {@code prelude} (a statement without parameters, e.g. transaction-local settings) and then {@code sql}, sent together
     * in one round trip (the driver sends both before it waits); the prelude's result is skipped.
     */
    public <T> List<T> queryAfter(String prelude, String sql, RowMapper<T> mapper, Object... parameters) {
        return queryAfter(autocommit -> prelude, sql, mapper, parameters);
    }

    /**
     * As {@link #queryAfter(String, String, RowMapper, Object...)}, the prelude chosen by whether the connection is in
     * autocommit (no transaction: transaction-local settings then end with this round trip).
     */
    public <T> List<T> queryAfter(Function<Boolean, String> prelude, String sql, RowMapper<T> mapper, Object... parameters) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = prepare(connection, prelude.apply(connection.getAutoCommit()) + ";\n" + sql, parameters)) {
                statement.execute();
                if (!statement.getMoreResults()) {
                    throw new SQLException("no rows after the prelude: " + sql);
                }
                return rows(statement.getResultSet(), mapper);
            }
        });
    }

    /**
     * Two queries sent together in one round trip (the driver sends both before it waits), {@code parameters} bound in
     * order across both; each one's rows mapped by its own mapper.
     */
    public <A, B> Both<A, B> queryBoth(String first, RowMapper<A> firstMapper, String second, RowMapper<B> secondMapper,
                                       Object... parameters) {
        return queryBothAfter((String) null, first, firstMapper, second, secondMapper, parameters);
    }

    /** As {@link #queryBoth}, after {@code prelude} (a statement without parameters, as in {@link #queryAfter}), all in one round trip. */
    public <A, B> Both<A, B> queryBothAfter(String prelude, String first, RowMapper<A> firstMapper, String second,
                                            RowMapper<B> secondMapper, Object... parameters) {
        return queryBothAfter(autocommit -> prelude, first, firstMapper, second, secondMapper, parameters);
    }

    /** As {@link #queryBothAfter(String, String, RowMapper, String, RowMapper, Object...)}, the prelude chosen as in {@link #queryAfter(Function, String, RowMapper, Object...)}. */
    public <A, B> Both<A, B> queryBothAfter(Function<Boolean, String> preludes, String first, RowMapper<A> firstMapper, String second,
                                            RowMapper<B> secondMapper, Object... parameters) {
        Many<A, B> many = queryManyAfter(preludes, first, firstMapper, List.of(new Query<>(second, secondMapper)), parameters);
        return new Both<>(many.first(), many.rest().get(0));
    }

    /**
     * As {@link #queryBothAfter(Function, String, RowMapper, String, RowMapper, Object...)} with any number of queries after the
     * first, each with its own mapper to one type: all in one round trip, {@code parameters} bound in order across them.
     */
    public <A, B> Many<A, B> queryManyAfter(Function<Boolean, String> preludes, String first, RowMapper<A> firstMapper, List<Query<B>> rest,
                                            Object... parameters) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            String prelude = preludes.apply(connection.getAutoCommit());
            StringBuilder statements = new StringBuilder(prelude == null ? "" : prelude + ";\n").append(first);
            rest.forEach(query -> statements.append(";\n").append(query.sql()));
            try (PreparedStatement statement = prepare(connection, statements.toString(), parameters)) {
                boolean rows = statement.execute();
                if (prelude != null) {
                    rows = statement.getMoreResults();
                }
                if (!rows) {
                    throw new SQLException("no rows from the first query: " + first);
                }
                List<A> firstRows = rows(statement.getResultSet(), firstMapper);
                List<List<B>> restRows = new ArrayList<>();
                for (Query<B> query : rest) {
                    if (!statement.getMoreResults()) {
                        throw new SQLException("no rows from the query: " + query.sql());
                    }
                    restRows.add(rows(statement.getResultSet(), query.mapper()));
                }
                return new Many<>(firstRows, restRows);
            }
        });
    }

    /** A query of {@link #queryManyAfter} after the first: its SQL and how its rows map. */
    public record Query<T>(String sql, RowMapper<T> mapper) {
    }

    /** The rows of the queries of {@link #queryManyAfter}: the first's, and each of the rest's in order. */
    public record Many<A, B>(List<A> first, List<List<B>> rest) {
    }

    /** The rows of the two queries of {@link #queryBoth}. */
    public record Both<A, B>(List<A> first, List<B> second) {
    }

    private static <T> List<T> rows(ResultSet rows, RowMapper<T> mapper) throws SQLException {
        try (rows) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        bind(connection, statement, 1, Arrays.asList(parameters)); // asList: a parameter may be null
        return statement;
    }

    /**
     * Binds {@code parameters} to {@code statement} from the {@code first} placeholder on, as this class binds its own (arrays
     * as SQL arrays, instants as timestamps with time zone): for code outside the adapters that sends their statements, such
     * as a benchmark.
     */
    public static void bind(Connection connection, PreparedStatement statement, int first, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            bind(connection, statement, first + i, parameters.get(i));
        }
    }

    private static void bind(Connection connection, PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value instanceof String[] strings) {
            statement.setArray(index, connection.createArrayOf("text", strings));
        } else if (value instanceof Long[] longs) {
            statement.setArray(index, connection.createArrayOf("int8", longs));
        } else if (value instanceof Integer[] ints) {
            statement.setArray(index, connection.createArrayOf("int4", ints));
        } else if (value instanceof Double[] doubles) {
            statement.setArray(index, connection.createArrayOf("float8", doubles));
        } else if (value instanceof UUID[] uuids) {
            statement.setArray(index, connection.createArrayOf("uuid", uuids));
        } else if (value instanceof Json json) {
            statement.setObject(index, json.text(), Types.OTHER);
        } else {
            statement.setObject(index, value);
        }
    }

    /*
     * Plain getTimestamp/getObject rather than getObject(column, type): Payara's pooled ResultSet wrapper
     * calls the typed variant through reflection, looking the method up anew on every call (measured: 9%
     * of a search request's CPU).
     */

    public static Instant instant(ResultSet rows, String column) throws SQLException {
        java.sql.Timestamp value = rows.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    public static UUID uuid(ResultSet rows, String column) throws SQLException {
        return (UUID) rows.getObject(column);
    }

    /** A JSON text bound as {@code jsonb}. */
    public record Json(String text) {
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }
}
