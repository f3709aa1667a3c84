package org.milkmobs.bootstrap.bench;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The local model's HNSW indexes (the asset and clip vectors', and the fused vectors' of ADR 0036), dropped before a bulk COPY
 * and built again after it: far faster than growing them row by row.
 */
final class LocalVectorIndexes {

    private LocalVectorIndexes() {
    }

    /** Drops the indexes and returns their definitions, for {@link #build}. */
    static List<String> drop(Statement s) throws Exception {
        List<String> definitions = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (ResultSet r = s.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('embedding', 'similar_vector')"
                + " AND indexdef LIKE '%hnsw%' AND indexdef LIKE '%local-perceptual-v1%'")) {
            while (r.next()) {
                names.add(r.getString(1));
                definitions.add(r.getString(2));
            }
        }
        for (String name : names) {
            s.execute("DROP INDEX " + name);
        }
        return definitions;
    }

    static void build(Statement s, List<String> definitions, String maintenanceWorkMem) throws Exception {
        s.execute("SET maintenance_work_mem = '" + maintenanceWorkMem + "'");
        for (String definition : definitions) {
            s.execute(definition);
        }
    }
}
