package org.milkmobs.adapters.persistence.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.milkmobs.adapters.persistence.testing.TestDatabase;
import org.postgresql.PGConnection;

/**
 * vector or halfvec? Loads the same clustered vectors (what embeddings look like: tight groups, not uniform
 * noise) into a table of each type, builds the same HNSW index, and reports size, build time, k-NN latency
 * and recall@10 against an exact scan. Run with {@code ./mm bench vectors [count] [dimension]}.
 */
public final class VectorStorageBenchmark {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int dimension = args.length > 1 ? Integer.parseInt(args[1]) : 512;
        int queries = 200;
        TestDatabase database = TestDatabase.create("bench_vectors");
        Random random = new Random(7);
        float[][] centres = new float[500][dimension];
        for (float[] c : centres) {
            for (int d = 0; d < dimension; d++) {
                c[d] = (float) random.nextGaussian();
            }
        }
        System.out.printf(Locale.ROOT, "%d clustered %d-d vectors (500 clusters), %d queries, HNSW m=16 ef_construction=64%n",
                count, dimension, queries);
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("SET maintenance_work_mem = '1GB'");
            }
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < count; i++) {
                rows.append(i).append('\t').append(vectorText(point(centres[i % centres.length], random))).append('\n');
            }
            List<float[]> queryVectors = new ArrayList<>();
            for (int q = 0; q < queries; q++) {
                queryVectors.add(point(centres[random.nextInt(centres.length)], random));
            }
            for (String type : List.of("vector", "halfvec")) {
                measure(c, type, dimension, rows.toString(), queryVectors);
            }
        }
    }

    private static void measure(Connection c, String type, int dimension, String rows, List<float[]> queries) throws Exception {
        String table = "bench_" + type;
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
            s.execute("CREATE TABLE " + table + " (id int PRIMARY KEY, v " + type + "(" + dimension + "))");
        }
        long load = System.nanoTime();
        ((PGConnection) c.unwrap(PGConnection.class)).getCopyAPI().copyIn("COPY " + table + " FROM STDIN", new StringReader(rows));
        double loadSeconds = (System.nanoTime() - load) / 1e9;
        long build = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE INDEX ON " + table + " USING hnsw (v " + type + "_cosine_ops)");
            s.execute("VACUUM ANALYZE " + table);
        }
        double buildSeconds = (System.nanoTime() - build) / 1e9;
        long tableBytes;
        long indexBytes;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT pg_total_relation_size('" + table + "') - pg_indexes_size('" + table + "'), pg_indexes_size('" + table + "')")) {
            r.next();
            tableBytes = r.getLong(1);
            indexBytes = r.getLong(2);
        }
        List<Double> latencies = new ArrayList<>();
        double recall = 0;
        for (float[] query : queries) {
            Set<Integer> exact = knn(c, table, type, dimension, query, false);
            long start = System.nanoTime();
            Set<Integer> approximate = knn(c, table, type, dimension, query, true);
            latencies.add((System.nanoTime() - start) / 1e6);
            approximate.retainAll(exact);
            recall += approximate.size() / 10.0;
        }
        latencies.sort(Double::compare);
        System.out.printf(Locale.ROOT, "%-7s table %4d MB, index %4d MB, load %5.1f s, HNSW build %5.1f s, k-NN p50 %5.2f ms p95 %5.2f ms, "
                        + "recall@10 %.3f%n", type, tableBytes >> 20, indexBytes >> 20, loadSeconds, buildSeconds,
                latencies.get(latencies.size() / 2), latencies.get(latencies.size() * 95 / 100), recall / queries.size());
    }

    private static Set<Integer> knn(Connection c, String table, String type, int dimension, float[] query, boolean index) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("SET enable_indexscan = " + index);
            s.execute("SET hnsw.ef_search = 40");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + table + " ORDER BY v <=> ?::" + type + "(" + dimension + ") LIMIT 10")) {
            ps.setString(1, vectorText(query));
            Set<Integer> ids = new HashSet<>();
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getInt(1));
                }
            }
            return ids;
        }
    }

    private static float[] point(float[] centre, Random random) {
        float[] p = new float[centre.length];
        for (int d = 0; d < p.length; d++) {
            p[d] = centre[d] + (float) (random.nextGaussian() * 0.35);
        }
        return p;
    }

    private static String vectorText(float[] v) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                s.append(',');
            }
            s.append(v[i]);
        }
        return s.append(']').toString();
    }
}
