package org.milkmobs.bootstrap.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.milkmobs.domain.embedding.Vectors;
import org.milkmobs.domain.mob.ClusterCount;
import org.milkmobs.domain.mob.KMeans;

/**
 * Replays mob rules offline on the vectors a relevance run wrote ({@code -Dmilkmobs.relevance.dump=DIR}): ARI against
 * families for incremental joining at several thresholds (to the centroid, to the best member, with merging of close
 * mobs) and for k-means with K chosen several ways. A tuning aid: the figures that count are the benchmark's, on the WAR.
 * {@code mvn -pl bootstrap exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.milkmobs.bootstrap.bench.MobReplay -Dexec.args=FILE}
 */
public final class MobReplay {

    record Row(String id, String family, String key, float[] vector) {
    }

    public static void main(String[] args) throws Exception {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] f = line.split("\t");
            String[] parts = f[4].substring(1, f[4].length() - 1).split(",");
            float[] v = new float[parts.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = Float.parseFloat(parts[i]);
            }
            rows.add(new Row(f[0], f[1], f[2], Vectors.normalised(v)));
        }
        Map<String, String> truth = new LinkedHashMap<>();
        rows.forEach(r -> truth.put(r.id(), r.family()));
        System.out.printf(Locale.ROOT, "%d vectors, dimension %d%n", rows.size(), rows.get(0).vector().length);
        likeness(rows);
        double[] merges = {2, 0.4, 0.5, 0.6, 0.7, 0.8};
        // arrival order varies from run to run: the mean and the worst ARI over shuffled orders (the first is the run's own)
        System.out.println("incremental ARI over 200 arrival orders, mean / min / share of orders that put two families in one mob");
        for (boolean bestMember : new boolean[] {false, true}) {
            for (double m : new double[] {2, 0.5, 0.6}) {
                for (double t : new double[] {0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8}) {
                    java.util.Random random = new java.util.Random(7);
                    List<Row> order = new ArrayList<>(rows);
                    double sum = 0;
                    double min = 1;
                    int mixed = 0;
                    for (int i = 0; i < 200; i++) {
                        Map<String, String> found = incremental(order, t, bestMember, m);
                        double a = RelevanceMetrics.adjustedRandIndex(truth, found);
                        sum += a;
                        min = Math.min(min, a);
                        Map<String, java.util.Set<String>> familiesOfMob = new HashMap<>();
                        found.forEach((id, mob) -> familiesOfMob.computeIfAbsent(mob, x -> new java.util.HashSet<>()).add(truth.get(id)));
                        if (familiesOfMob.values().stream().anyMatch(f -> f.size() > 1)) {
                            mixed++;
                        }
                        java.util.Collections.shuffle(order, random);
                    }
                    System.out.printf(Locale.ROOT, "  %s join %.2f merge %s: %.3f / %.3f / %.2f%n", bestMember ? "member  " : "centroid", t,
                            m > 1 ? "none" : String.format(Locale.ROOT, "%.2f", m), sum / 200, min, mixed / 200.0);
                }
            }
        }
        System.out.println("incremental ARI (mobs): rows join threshold; columns merge of mobs whose centroids reach m (none, 0.4 .. 0.8)");
        for (boolean bestMember : new boolean[] {false, true}) {
            System.out.println(bestMember ? "join by best member" : "join by centroid");
            for (double t : new double[] {0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9}) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  join %.2f:", t));
                for (double m : merges) {
                    line.append("  ").append(fmt(truth, incremental(rows, t, bestMember, m)));
                }
                System.out.println(line);
            }
        }
        float[][] points = rows.stream().map(Row::vector).toArray(float[][]::new);
        for (double tolerance : new double[] {0, 0.01, 0.02, 0.03, 0.05, 0.08, 0.1}) {
            int k = ClusterCount.choose(points, 2, Math.min(64, points.length - 1), 1000, 42, tolerance).k();
            KMeans.Result full = KMeans.cluster(points, k, 5, 100, 42);
            System.out.printf(Locale.ROOT, "re-cluster, K tolerance %.2f: K=%d ARI %.3f%n", tolerance, k, ari(truth, rows, full.assignments()));
        }
        Map<Integer, Double> silhouettes = new TreeMap<>();
        Map<Integer, int[]> sampleAssign = new TreeMap<>();
        for (int k = 2; k <= Math.min(64, points.length - 1) && k <= 16; k++) {
            KMeans.Result r = KMeans.cluster(points, k, 3, 50, 42 + k);
            silhouettes.put(k, silhouette(points, r.assignments(), k));
            sampleAssign.put(k, r.assignments());
        }
        for (int k : silhouettes.keySet()) {
            KMeans.Result full = KMeans.cluster(points, k, 5, 100, 42);
            System.out.printf(Locale.ROOT, "K=%2d silhouette %.4f  ARI(full k-means) %.3f  merged@0.7 %.3f  merged@0.8 %.3f%n", k, silhouettes.get(k),
                    ari(truth, rows, full.assignments()), ari(truth, rows, merge(full, 0.7)), ari(truth, rows, merge(full, 0.8)));
        }
    }

    private static String fmt(Map<String, String> truth, Map<String, String> found) {
        long mobs = found.values().stream().distinct().count();
        return String.format(Locale.ROOT, "%.3f (%d)", RelevanceMetrics.adjustedRandIndex(truth, found), mobs);
    }

    /** Within-family and across-family cosines: whether any single threshold separates them. */
    private static void likeness(List<Row> rows) {
        Map<String, double[]> within = new TreeMap<>();
        double acrossMax = -1;
        String acrossPair = "";
        for (int i = 0; i < rows.size(); i++) {
            for (int j = i + 1; j < rows.size(); j++) {
                double c = Vectors.dot(rows.get(i).vector(), rows.get(j).vector());
                if (rows.get(i).family().equals(rows.get(j).family())) {
                    double[] s = within.computeIfAbsent(rows.get(i).family(), f -> new double[] {2, 0, 0});
                    s[0] = Math.min(s[0], c);
                    s[1] += c;
                    s[2]++;
                } else if (c > acrossMax) {
                    acrossMax = c;
                    acrossPair = rows.get(i).key() + " ~ " + rows.get(j).key();
                }
            }
        }
        within.forEach((f, s) -> System.out.printf(Locale.ROOT, "  %-12s within: min %.3f mean %.3f%n", f, s[0], s[1] / s[2]));
        System.out.printf(Locale.ROOT, "  across families: max %.3f (%s)%n", acrossMax, acrossPair);
        // per family: the highest cosine to another family's video, to each family's centroid
        Map<String, List<float[]>> byFamily = new TreeMap<>();
        rows.forEach(r -> byFamily.computeIfAbsent(r.family(), f -> new ArrayList<>()).add(r.vector()));
        Map<String, float[]> centroids = new TreeMap<>();
        byFamily.forEach((f, vs) -> centroids.put(f, Vectors.normalised(Vectors.mean(vs))));
        for (Map.Entry<String, float[]> a : centroids.entrySet()) {
            StringBuilder line = new StringBuilder("  centroid " + a.getKey() + ":");
            for (Map.Entry<String, float[]> b : centroids.entrySet()) {
                line.append(String.format(Locale.ROOT, " %s %.3f", b.getKey(), Vectors.dot(a.getValue(), b.getValue())));
            }
            System.out.println(line);
        }
        for (Row r : rows) {
            float[] own = centroids.get(r.family());
            double best = -1;
            String other = "";
            for (Map.Entry<String, float[]> c : centroids.entrySet()) {
                if (!c.getKey().equals(r.family()) && Vectors.dot(r.vector(), c.getValue()) > best) {
                    best = Vectors.dot(r.vector(), c.getValue());
                    other = c.getKey();
                }
            }
            System.out.printf(Locale.ROOT, "  %-28s own centroid %.3f, nearest other %s %.3f%n", r.key(), Vectors.dot(r.vector(), own), other, best);
        }
    }

    /** Greedy incremental: join the nearest mob (by centroid or best member) at {@code t}, else found; then merge mobs whose centroids reach {@code merge}. */
    static Map<String, String> incremental(List<Row> rows, double t, boolean bestMember, double merge) {
        List<List<Row>> mobs = new ArrayList<>();
        for (Row row : rows) {
            List<Row> nearest = null;
            double best = -2;
            for (List<Row> mob : mobs) {
                double s = bestMember ? mob.stream().mapToDouble(m -> Vectors.dot(m.vector(), row.vector())).max().orElse(-1)
                        : Vectors.cosine(sum(mob), row.vector());
                if (s > best) {
                    best = s;
                    nearest = mob;
                }
            }
            if (nearest != null && best >= t) {
                nearest.add(row);
            } else {
                List<Row> mob = new ArrayList<>();
                mob.add(row);
                mobs.add(mob);
            }
            boolean merged = true;
            while (merged && merge <= 1) {
                merged = false;
                outer:
                for (int i = 0; i < mobs.size(); i++) {
                    for (int j = i + 1; j < mobs.size(); j++) {
                        if (Vectors.cosine(sum(mobs.get(i)), sum(mobs.get(j))) >= merge) {
                            mobs.get(i).addAll(mobs.remove(j));
                            merged = true;
                            break outer;
                        }
                    }
                }
            }
        }
        Map<String, String> found = new HashMap<>();
        for (int i = 0; i < mobs.size(); i++) {
            for (Row r : mobs.get(i)) {
                found.put(r.id(), "m" + i);
            }
        }
        return found;
    }

    private static float[] sum(List<Row> mob) {
        float[] s = new float[mob.get(0).vector().length];
        for (Row r : mob) {
            for (int i = 0; i < s.length; i++) {
                s[i] += r.vector()[i];
            }
        }
        return s;
    }

    /** Clusters whose centroids reach {@code threshold} merged (transitively, by union-find). */
    static int[] merge(KMeans.Result result, double threshold) {
        int k = result.centroids().length;
        int[] parent = new int[k];
        for (int i = 0; i < k; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                if (Vectors.cosine(result.centroids()[i], result.centroids()[j]) >= threshold) {
                    parent[find(parent, i)] = find(parent, j);
                }
            }
        }
        int[] out = new int[result.assignments().length];
        for (int i = 0; i < out.length; i++) {
            out[i] = find(parent, result.assignments()[i]);
        }
        return out;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            i = parent[i];
        }
        return i;
    }

    private static double ari(Map<String, String> truth, List<Row> rows, int[] assignment) {
        Map<String, String> found = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            found.put(rows.get(i).id(), "c" + assignment[i]);
        }
        return RelevanceMetrics.adjustedRandIndex(truth, found);
    }

    static double silhouette(float[][] points, int[] assignment, int k) {
        int n = points.length;
        double total = 0;
        for (int i = 0; i < n; i++) {
            double[] sum = new double[k];
            int[] count = new int[k];
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    sum[assignment[j]] += 1 - Vectors.cosine(points[i], points[j]);
                    count[assignment[j]]++;
                }
            }
            int own = assignment[i];
            if (count[own] == 0) {
                continue;
            }
            double a = sum[own] / count[own];
            double b = Double.MAX_VALUE;
            for (int c = 0; c < k; c++) {
                if (c != own && count[c] > 0) {
                    b = Math.min(b, sum[c] / count[c]);
                }
            }
            total += b == Double.MAX_VALUE ? 0 : (b - a) / Math.max(a, b);
        }
        return total / n;
    }
}
