package org.milkmobs.bootstrap.bench;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.milkmobs.bootstrap.bench.RelevanceCorpus.Family;
import org.milkmobs.bootstrap.bench.RelevanceCorpus.Item;
import org.milkmobs.bootstrap.bench.RelevanceCorpus.Role;
import org.milkmobs.bootstrap.bench.RelevanceMetrics.Scores;
import org.milkmobs.bootstrap.system.ApiClient;
import org.milkmobs.bootstrap.system.ApiClient.ApiResponse;
import org.milkmobs.bootstrap.system.BedrockStack;
import org.milkmobs.bootstrap.system.MilkMobsServer;

/**
 * Relevance on a labelled set of its own (RelevanceCorpus), uploaded to the packaged WAR and measured through its API,
 * on the local analyzer and on the Bedrock analyzer against the Bedrock double: precision@5 of similar videos (same
 * family is relevant), adjusted Rand index of mobs against families (as uploaded, and after an admin re-cluster),
 * nDCG@10 of text queries (the family word as typed, as a hashtag, with a typo, as a prefix) under each fusion,
 * near-duplicate precision/recall/F1 (nearDuplicateOf and the admin list), shared-intro pairs called near-duplicates,
 * and, on the local analyzer with the default review policy and a campaign, off-campaign videos that end VALIDATED.
 * What the WAR under test does not offer prints n/a. Run with {@code ./mm bench relevance [families] [analyzers]}
 * (families 2..7, default 6; analyzers a comma list of local, campaign, bedrock, bedrock-hashing; default
 * local,bedrock,campaign); another WAR with {@code MILKMOBS_BENCH_WAR=path}.
 */
public final class RelevanceBenchmark {

    private static final Duration SETTLE = Duration.ofMinutes(Long.getLong("milkmobs.relevance.settle-minutes", 25));
    private static final Set<String> SETTLED = Set.of("VALIDATED", "REJECTED", "IN_REVIEW", "FAILED");
    private static final String OWNER = "relevance-fan";
    private static final List<String> FUSIONS = List.of("default", "RRF", "RELATIVE 0.3", "RELATIVE 0.5", "RELATIVE 0.7");

    private final List<Item> items;
    private final List<Family> families;
    private final Map<String, Map<String, String>> figures = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    private RelevanceBenchmark(List<Item> items, List<Family> families) {
        this.items = items;
        this.families = families;
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        List<String> analyzers = List.of((args.length > 1 ? args[1] : "local,bedrock,campaign").split(","));
        Path dir = Files.createTempDirectory("relevance-bench");
        long t0 = System.nanoTime();
        List<Family> families = RelevanceCorpus.families(size);
        RelevanceCorpus corpus = new RelevanceCorpus(dir);
        List<Item> items = corpus.generate(families);
        System.out.printf(Locale.ROOT, "relevance set: %d families x 5 takes, %d re-edits, %d shared-intro videos (%d videos) made in %.0f s; WAR %s%n",
                families.size(), count(items, Role.RE_EDIT), count(items, Role.SHARED_INTRO), items.size(), (System.nanoTime() - t0) / 1e9,
                System.getProperty("milkmobs.war"));
        RelevanceBenchmark bench = new RelevanceBenchmark(items, families);
        // servers and their folders are named with the label, so that two runs (say two WARs) can share a machine
        String label = System.getProperty("milkmobs.relevance.label", "");
        List<String> measured = new ArrayList<>();
        for (String analyzer : analyzers) {
            long started = System.nanoTime();
            try {
                bench.run(analyzer, label, dir, corpus);
                System.out.printf(Locale.ROOT, "%s measured in %.0f s%n", analyzer, (System.nanoTime() - started) / 1e9);
            } catch (RuntimeException e) {
                System.out.printf(Locale.ROOT, "%s failed after %.0f s: %s%n", analyzer, (System.nanoTime() - started) / 1e9, e.getMessage());
            }
            if (!analyzer.equals("campaign")) {
                measured.add(analyzer);
            }
            // the table so far after each analyzer: a long run that fails later still leaves its figures
            bench.print(measured);
        }
    }

    /** How long the mobs' members must stand still before a settled re-cluster: 10 min by default, shortened to wait less. */
    private static final Duration MOBS_SETTLE = Duration.ofSeconds(10);

    /**
     * The benchmark is one user asking far more than a person would (the rate limits answered its later text queries
     * with 429); the clock calls no re-cluster, growth and settling do as they would in production (ADR 0032).
     */
    private static final Map<String, String> UNLIMITED = withTrials(Map.of("MOBS_RECLUSTER_EVERY", "P365D",
            "MOBS_RECLUSTER_SETTLE", MOBS_SETTLE.toString(),
            "RATE_LIMIT_SEARCH_REQUESTS", "1000000", "RATE_LIMIT_SUBMIT_REQUESTS", "1000000"));

    /** Settings to try on the servers, {@code -Dmilkmobs.relevance.env=MOBS_JOIN_SIMILARITY=0.9,...}: how a threshold is tuned. */
    private static Map<String, String> withTrials(Map<String, String> environment) {
        Map<String, String> all = new HashMap<>(environment);
        for (String setting : System.getProperty("milkmobs.relevance.env", "").split(",")) {
            if (setting.contains("=")) {
                all.put(setting.substring(0, setting.indexOf('=')).trim(), setting.substring(setting.indexOf('=') + 1).trim());
            }
        }
        return Map.copyOf(all);
    }

    private void run(String analyzer, String label, Path dir, RelevanceCorpus corpus) {
        switch (analyzer) {
            case "local" -> {
                try (MilkMobsServer server = MilkMobsServer.start("relevance-" + label + "local", UNLIMITED)) {
                    measure("local", server);
                }
            }
            case "campaign" -> {
                try (MilkMobsServer server = MilkMobsServer.start("relevance-" + label + "campaign", Map.of("VALIDATION_UNPROVEN", "review",
                        "MOBS_RECLUSTER_EVERY", "P365D"))) {
                    offCampaign(server, corpus.offCampaign());
                }
            }
            case "bedrock", "bedrock-hashing" -> {
                try (BedrockStack stack = BedrockStack.start("relevance-" + label + analyzer, dir.resolve(analyzer), UNLIMITED)) {
                    if (analyzer.equals("bedrock")) {
                        stack.bedrock().content(new PerceptualContentModel());
                    }
                    measure(analyzer, stack.server());
                }
            }
            default -> throw new IllegalArgumentException("unknown analyzer " + analyzer + " (local, campaign, bedrock, bedrock-hashing)");
        }
    }

    // --- one analyzer ---------------------------------------------------------------------------------

    private void measure(String analyzer, MilkMobsServer server) {
        ApiClient fan = server.as(server.tokens().consumer(OWNER));
        ApiClient admin = server.as(server.tokens().admin("relevance-admin"));
        Map<Item, String> ids = new LinkedHashMap<>();
        for (Item item : items) {
            ids.put(item, upload(fan, item));
        }
        Map<String, JsonObject> videos = awaitSettled(fan, ids.values(), analyzer);
        Map<String, String> familyOf = new HashMap<>();
        ids.forEach((item, id) -> familyOf.put(id, item.family()));
        Map<String, Long> statuses = videos.values().stream().collect(Collectors.groupingBy(v -> v.getString("status"), Collectors.counting()));
        notes.add(analyzer + ": statuses after upload " + statuses);
        dumpMobVectors(analyzer, server, ids);

        // similar videos: precision@5, a video's own family relevant
        double precision = 0;
        int refused = 0;
        for (String id : ids.values()) {
            ApiResponse similar = fan.get("/api/search/similar?videoId=" + id + "&threshold=0&limit=5");
            if (similar.status() != 200) {
                refused++;
                continue;
            }
            Set<String> relevant = familyOf.entrySet().stream().filter(e -> e.getValue().equals(familyOf.get(id)) && !e.getKey().equals(id))
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            precision += RelevanceMetrics.precisionAt(5, resultIds(similar.json()), relevant);
        }
        put("p@5 similar videos", analyzer, fmt(precision / ids.size()) + (refused > 0 ? " (" + refused + " refused)" : ""));

        // mobs against families as served once the uploads settled (greedy joins, and the re-clusters the catalogue's growth
        // or its settling called: ADR 0032), then after an admin's re-cluster
        notes.add(analyzer + ": before the admin's re-cluster, " + awaitAutomaticRecluster(admin));
        Map<String, JsonObject> served = new HashMap<>();
        ids.values().forEach(id -> served.put(id, fan.get("/api/videos/" + id).json()));
        put("ARI mobs, as served (+ automatic runs)", analyzer, fmt(ari(familyOf, served)));
        notes.add(analyzer + ": mobs per family, as served: " + mobsPerFamily(familyOf, served));
        String rerun = recluster(admin);
        if (rerun == null) {
            Map<String, JsonObject> after = new HashMap<>();
            ids.values().forEach(id -> after.put(id, fan.get("/api/videos/" + id).json()));
            put("ARI mobs, after re-cluster", analyzer, fmt(ari(familyOf, after)));
            notes.add(analyzer + ": mobs per family, after re-cluster: " + mobsPerFamily(familyOf, after));
        } else {
            put("ARI mobs, after re-cluster", analyzer, "n/a (" + rerun + ")");
        }

        textQueries(analyzer, fan, familyOf);
        nearDuplicates(analyzer, admin, ids, videos);
    }

    /**
     * With {@code -Dmilkmobs.relevance.dump=DIR}: each mob member's stored vector, family, key and join time, one line per
     * video (tab-separated, vector in pgvector text) in {@code DIR/ANALYZER-mob-vectors.tsv}, so that a mob rule can be
     * replayed on the same vectors offline ({@code MobReplay}) before it is measured here.
     */
    private static void dumpMobVectors(String analyzer, MilkMobsServer server, Map<Item, String> ids) {
        String dir = System.getProperty("milkmobs.relevance.dump", "");
        if (dir.isBlank()) {
            return;
        }
        Map<String, Item> byId = new HashMap<>();
        ids.forEach((item, id) -> byId.put(id, item));
        StringBuilder out = new StringBuilder();
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(server.database().jdbcUrl(), server.database().user(),
                server.database().password());
             java.sql.ResultSet rows = connection.createStatement().executeQuery(
                     "SELECT video_id::text, vector::text, assigned_at FROM mob_member ORDER BY assigned_at, video_id")) {
            while (rows.next()) {
                Item item = byId.get(rows.getString(1));
                out.append(rows.getString(1)).append('\t').append(item == null ? "" : item.family()).append('\t')
                        .append(item == null ? "" : item.key()).append('\t').append(rows.getTimestamp(3).toInstant()).append('\t')
                        .append(rows.getString(2)).append('\n');
            }
            Path file = Path.of(dir).resolve(analyzer + "-mob-vectors.tsv");
            Files.createDirectories(file.getParent());
            Files.writeString(file, out);
            System.out.println("mob vectors written to " + file);
        } catch (Exception e) {
            System.out.println("mob vectors not written: " + e);
        }
    }

    private void textQueries(String analyzer, ApiClient fan, Map<String, String> familyOf) {
        Map<String, List<String>> queries = new LinkedHashMap<>();
        for (Family family : families) {
            String w = family.word();
            String typo = w.substring(0, 2) + w.charAt(3) + w.charAt(2) + w.substring(4);
            queries.put(family.name(), List.of(w, "#" + w, typo, w.substring(0, Math.min(5, w.length() - 1))));
        }
        Set<String> modes = new HashSet<>();
        for (String fusion : FUSIONS) {
            double sum = 0;
            int n = 0;
            String refusal = null;
            for (Map.Entry<String, List<String>> family : queries.entrySet()) {
                Set<String> relevant = familyOf.entrySet().stream().filter(e -> e.getValue().equals(family.getKey()))
                        .map(Map.Entry::getKey).collect(Collectors.toSet());
                for (String query : family.getValue()) {
                    JsonObjectBuilder body = Json.createObjectBuilder().add("query", query).add("threshold", 0).add("limit", 10);
                    if (!fusion.equals("default")) {
                        String[] parts = fusion.split(" ");
                        body.add("fusion", parts[0]);
                        if (parts.length > 1) {
                            body.add("alpha", Double.parseDouble(parts[1]));
                        }
                    }
                    ApiResponse response = fan.postJson("/api/search/videos", body.build().toString());
                    if (response.status() != 200) {
                        refusal = response.status() + "";
                        break;
                    }
                    modes.add(response.json().getString("mode", "?"));
                    sum += RelevanceMetrics.ndcgAt(10, resultIds(response.json()), relevant);
                    n++;
                }
                if (refusal != null) {
                    break;
                }
            }
            put("nDCG@10 text, fusion " + fusion, analyzer, refusal != null ? "n/a (" + refusal + ")" : fmt(sum / n));
        }
        notes.add(analyzer + ": text search answered in mode " + modes + " (" + queries.size() * 4 + " queries: word, #word, typo, prefix)");
    }

    private void nearDuplicates(String analyzer, ApiClient admin, Map<Item, String> ids, Map<String, JsonObject> videos) {
        Map<String, Item> byId = new HashMap<>();
        ids.forEach((item, id) -> byId.put(id, item));
        Function<String, String> group = id -> {
            Item item = byId.get(id);
            return item != null && (item.role() == Role.RE_EDIT || item.key().endsWith("-base")) ? item.family() : null;
        };
        Set<String> reEdits = ids.entrySet().stream().filter(e -> e.getKey().role() == Role.RE_EDIT).map(Map.Entry::getValue)
                .collect(Collectors.toSet());
        // nearDuplicateOf: a video is found if it points anywhere; rightly if at a video of its own re-edit group
        boolean exposed = videos.values().stream().anyMatch(v -> v.containsKey("nearDuplicateOf"));
        Set<String> flagged = new HashSet<>();
        Set<String> right = new HashSet<>();
        Set<Set<String>> pairs = new HashSet<>();
        videos.forEach((id, video) -> {
            if (video.containsKey("nearDuplicateOf") && !video.isNull("nearDuplicateOf")) {
                String original = video.getString("nearDuplicateOf");
                flagged.add(id);
                pairs.add(Set.of(id, original));
                if (group.apply(id) != null && group.apply(id).equals(group.apply(original))) {
                    right.add(id);
                }
            }
        });
        Set<Set<String>> listed = new HashSet<>();
        String cursor = null;
        boolean listExists = true;
        do {
            ApiResponse page = admin.get("/api/admin/near-duplicates?limit=100" + (cursor == null ? "" : "&cursor=" + cursor));
            if (page.status() == 404 || page.status() == 405) {
                listExists = false;
                break;
            }
            for (JsonObject pair : page.json().getJsonArray("items").getValuesAs(JsonObject.class)) {
                listed.add(Set.of(pair.getJsonObject("video").getString("videoId"), pair.getJsonObject("original").getString("videoId")));
            }
            cursor = page.json().containsKey("nextCursor") ? page.json().getString("nextCursor") : null;
        } while (cursor != null);
        if (!exposed && !listExists) {
            for (String figure : List.of("near-dup precision", "near-dup recall", "near-dup F1", "near-dup pairs (admin list) P/R/F1",
                    "shared-intro pairs called near-dup")) {
                put(figure, analyzer, "n/a (no near-duplicates)");
            }
            return;
        }
        double precision = flagged.isEmpty() ? 1 : right.size() / (double) flagged.size();
        double recall = right.stream().filter(reEdits::contains).count() / (double) reEdits.size();
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        put("near-dup precision", analyzer, fmt(precision) + " (" + right.size() + "/" + flagged.size() + ")");
        put("near-dup recall", analyzer, fmt(recall));
        put("near-dup F1", analyzer, fmt(f1));
        notes.add(analyzer + ": re-edits not found (no nearDuplicateOf inside their re-edit group): " + reEdits.stream()
                .filter(id -> !right.contains(id)).map(id -> byId.get(id).key() + (videos.get(id) != null && videos.get(id).containsKey("nearDuplicateOf")
                        && !videos.get(id).isNull("nearDuplicateOf") ? " -> " + java.util.Optional.ofNullable(byId.get(videos.get(id).getString("nearDuplicateOf"))).map(Item::key).orElse("another video") : ""))
                .sorted().collect(Collectors.joining(", ", "[", "]")));
        Set<Set<String>> truePairs = new HashSet<>();
        Set<Set<String>> allowedPairs = new HashSet<>();
        for (Family family : families) {
            List<String> members = ids.entrySet().stream().filter(e -> group.apply(e.getValue()) != null
                    && group.apply(e.getValue()).equals(family.name())).map(Map.Entry::getValue).toList();
            String base = ids.entrySet().stream().filter(e -> e.getKey().key().equals(family.name() + "-base")).findFirst().orElseThrow().getValue();
            for (String a : members) {
                if (!a.equals(base)) {
                    truePairs.add(Set.of(a, base));
                }
                for (String b : members) {
                    if (!a.equals(b)) {
                        allowedPairs.add(Set.of(a, b));
                    }
                }
            }
        }
        if (listExists) {
            long listedRight = listed.stream().filter(allowedPairs::contains).count();
            Scores recallOnly = Scores.of(listed, truePairs);
            double p = listed.isEmpty() ? 1 : listedRight / (double) listed.size();
            double f = p + recallOnly.recall() == 0 ? 0 : 2 * p * recallOnly.recall() / (p + recallOnly.recall());
            put("near-dup pairs (admin list) P/R/F1", analyzer, fmt(p) + "/" + fmt(recallOnly.recall()) + "/" + fmt(f));
        } else {
            put("near-dup pairs (admin list) P/R/F1", analyzer, "n/a (no admin list)");
        }
        Set<String> intros = ids.entrySet().stream().filter(e -> e.getKey().role() == Role.SHARED_INTRO).map(Map.Entry::getValue)
                .collect(Collectors.toSet());
        Set<Set<String>> called = new HashSet<>(pairs);
        called.addAll(listed);
        long introFalse = called.stream().filter(intros::containsAll).count();
        int introPairs = intros.size() * (intros.size() - 1) / 2;
        put("shared-intro pairs called near-dup", analyzer, introFalse + " of " + introPairs);
        long otherFalse = called.stream().filter(p -> !allowedPairs.contains(p) && !intros.containsAll(p)).count();
        notes.add(analyzer + ": other pairs wrongly called near-duplicates (takes of one family, or across families): " + otherFalse
                + called.stream().filter(p -> !allowedPairs.contains(p) && !intros.containsAll(p))
                        .map(p -> p.stream().map(id -> byId.get(id).key()).sorted().collect(Collectors.joining("~")))
                        .sorted().collect(Collectors.joining(", ", " [", "]")));
    }

    // --- validation with the default review policy and a campaign ------------------------------------------

    private void offCampaign(MilkMobsServer server, List<Item> off) {
        ApiClient fan = server.as(server.tokens().consumer(OWNER));
        ApiClient admin = server.as(server.tokens().admin("relevance-admin"));
        List<Family> referenced = families.subList(0, 2);
        List<String> references = new ArrayList<>();
        for (Family family : referenced) {
            references.add(upload(fan, items.stream().filter(i -> i.key().equals(family.name() + "-base")).findFirst().orElseThrow()));
        }
        awaitSettled(fan, references, "campaign references");
        int added = 0;
        for (String id : references) {
            ApiResponse response = admin.postJson("/api/admin/campaign/references", "{\"videoId\":\"" + id + "\"}");
            added += response.status() == 200 ? 1 : 0;
        }
        List<String> on = new ArrayList<>();
        for (Item item : items) {
            if (item.role() == Role.TAKE && !item.key().endsWith("-base") && referenced.stream().anyMatch(f -> f.name().equals(item.family()))) {
                on.add(upload(fan, item));
            }
        }
        List<String> offIds = off.stream().map(item -> upload(fan, item)).toList();
        List<String> all = new ArrayList<>(on);
        all.addAll(offIds);
        Map<String, JsonObject> settled = awaitSettled(fan, all, "campaign");
        Map<String, Long> offStatuses = offIds.stream().collect(Collectors.groupingBy(id -> settled.get(id).getString("status"), Collectors.counting()));
        Map<String, Long> onStatuses = on.stream().collect(Collectors.groupingBy(id -> settled.get(id).getString("status"), Collectors.counting()));
        long accepted = offStatuses.getOrDefault("VALIDATED", 0L);
        put("off-campaign VALIDATED without review", "local", accepted + " of " + offIds.size());
        notes.add("campaign (local, validation.unproven=review, where the WAR has it; hashtag milkmob, " + added + " video references of " + referenced.stream().map(Family::name).toList()
                + "): off-campaign " + offStatuses + ", on-campaign takes " + onStatuses);
    }

    // --- the API ----------------------------------------------------------------------------------------

    private static String upload(ApiClient fan, Item item) {
        JsonArrayBuilder tags = Json.createArrayBuilder();
        item.hashtags().forEach(tags::add);
        ApiResponse submitted = fan.postJson("/api/videos/submit", Json.createObjectBuilder().add("title", item.title()).add("hashtags", tags)
                .build().toString());
        require(submitted, 201);
        JsonObject upload = submitted.json().getJsonObject("upload");
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(upload.getString("url")))
                .method(upload.getString("method"), HttpRequest.BodyPublishers.ofByteArray(read(item.file())));
        upload.getJsonObject("headers").forEach((name, value) -> put.header(name, ((JsonString) value).getString()));
        require(fan.send(put), 204);
        String id = submitted.json().getString("videoId");
        require(fan.post("/api/videos/" + id + "/complete", "application/json", new byte[0]), 202);
        return id;
    }

    /** Polls every video until its status is settled and its workflow done (mobs come after validation). */
    private static Map<String, JsonObject> awaitSettled(ApiClient fan, java.util.Collection<String> ids, String what) {
        Instant deadline = Instant.now().plus(SETTLE);
        Instant nextReport = Instant.now().plusSeconds(60);
        Map<String, JsonObject> settled = new LinkedHashMap<>();
        while (settled.size() < ids.size()) {
            for (String id : ids) {
                if (settled.containsKey(id)) {
                    continue;
                }
                JsonObject video = fan.get("/api/videos/" + id).json();
                boolean done = !video.containsKey("progress") || video.isNull("progress")
                        || !"RUNNING".equals(video.getJsonObject("progress").getString("status", ""));
                if (SETTLED.contains(video.getString("status")) && done) {
                    settled.put(id, video);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + ": " + (ids.size() - settled.size()) + " videos not settled after " + SETTLE);
            }
            if (Instant.now().isAfter(nextReport)) {
                System.out.printf(Locale.ROOT, "%s: %d of %d videos settled%n", what, settled.size(), ids.size());
                nextReport = Instant.now().plusSeconds(60);
            }
            sleep(1000);
        }
        return settled;
    }

    /**
     * Waits until no re-cluster runs, and none started for longer than the settle period and a housekeeping tick (a
     * growth-called run starts on the tick after the video that grew the mobs, a settled one that long after the last
     * change); says which ran last.
     */
    private static String awaitAutomaticRecluster(ApiClient admin) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        Instant quietSince = Instant.now();
        JsonObject last = null;
        while (Instant.now().isBefore(deadline)) {
            ApiResponse latest = admin.get("/api/admin/mobs/recluster");
            last = latest.status() == 200 ? latest.json() : null;
            if (last != null && last.getString("status").equals("RUNNING")) {
                quietSince = Instant.now();
            } else if (Duration.between(quietSince, Instant.now()).compareTo(MOBS_SETTLE.plusSeconds(12)) >= 0) {
                break;
            }
            sleep(1000);
        }
        return last == null ? "no re-cluster ran" : "the last re-cluster: " + last.getString("trigger") + ", " + last.getString("status")
                + (last.isNull("videos") || !last.containsKey("videos") ? "" : " over " + last.getInt("videos") + " videos")
                + (last.isNull("k") || !last.containsKey("k") ? "" : ", K=" + last.getInt("k"));
    }

    /** Runs a re-cluster to its end; null when it succeeded, otherwise why not. */
    private static String recluster(ApiClient admin) {
        ApiResponse started = admin.post("/api/admin/mobs/recluster", "application/json", new byte[0]);
        if (started.status() != 202) {
            return "re-cluster answered " + started.status();
        }
        String runId = started.json().getString("runId");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Instant.now().isBefore(deadline)) {
            JsonObject run = admin.get("/api/admin/mobs/recluster/" + runId).json();
            if (!run.getString("status").equals("RUNNING")) {
                return run.getString("status").equals("SUCCEEDED") ? null : "run " + run.getString("status");
            }
            sleep(500);
        }
        return "run did not finish in 5 min";
    }

    /** For each family, how its videos spread over mobs (mobs named by the last characters of their ids: the first ones are a time stamp, alike for mobs founded together), to see what the ARI hides. */
    private static String mobsPerFamily(Map<String, String> familyOf, Map<String, JsonObject> videos) {
        Map<String, Map<String, Long>> spread = new TreeMap<>();
        familyOf.forEach((id, family) -> {
            JsonObject video = videos.get(id);
            if (family != null && video != null) {
                String mob = video.containsKey("mobId") && !video.isNull("mobId") ? tail(video.getString("mobId")) : "none";
                spread.computeIfAbsent(family, f -> new TreeMap<>()).merge(mob, 1L, Long::sum);
            }
        });
        return spread.toString();
    }

    private static String tail(String id) {
        return id.substring(Math.max(0, id.length() - 6));
    }

    /** ARI of mobs against families over the videos with a family; a video without a mob is a cluster of its own. */
    private static double ari(Map<String, String> familyOf, Map<String, JsonObject> videos) {
        Map<String, String> found = new HashMap<>();
        familyOf.keySet().forEach(id -> {
            JsonObject video = videos.get(id);
            found.put(id, video.containsKey("mobId") && !video.isNull("mobId") ? video.getString("mobId") : "alone:" + id);
        });
        return RelevanceMetrics.adjustedRandIndex(familyOf, found);
    }

    private static List<String> resultIds(JsonObject results) {
        return results.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(i -> i.getJsonObject("video").getString("videoId")).toList();
    }

    // --- the report -----------------------------------------------------------------------------------

    private void put(String figure, String analyzer, String value) {
        figures.computeIfAbsent(figure, f -> new LinkedHashMap<>()).put(analyzer, value);
    }

    private void print(List<String> analyzers) {
        Map<String, String> goals = Map.of("p@5 similar videos", ">= 0.95", "ARI mobs, as served (+ automatic runs)", ">= 0.95",
                "ARI mobs, after re-cluster", ">= 0.95", "near-dup F1", ">= 0.9", "shared-intro pairs called near-dup", "0",
                "off-campaign VALIDATED without review", "0 (local)");
        System.out.println();
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-40s %-10s", "figure", "goal"));
        analyzers.forEach(a -> header.append(String.format(Locale.ROOT, " %-24s", a)));
        System.out.println(header);
        figures.forEach((figure, values) -> {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-40s %-10s", figure, goals.getOrDefault(figure, "")));
            if (figure.startsWith("off-campaign")) {
                row.append(' ').append(values.get("local"));
            } else {
                analyzers.forEach(a -> row.append(String.format(Locale.ROOT, " %-24s", values.getOrDefault(a, "-"))));
            }
            System.out.println(row);
        });
        for (String analyzer : analyzers) {
            String best = null;
            double bestValue = -1;
            for (String fusion : FUSIONS.subList(1, FUSIONS.size())) {
                String value = figures.getOrDefault("nDCG@10 text, fusion " + fusion, Map.of()).get(analyzer);
                if (value != null && !value.startsWith("n/a") && Double.parseDouble(value) > bestValue + 1e-9) {
                    best = fusion;
                    bestValue = Double.parseDouble(value);
                }
            }
            System.out.println(analyzer + ": best text fusion by nDCG@10: " + (best == null ? "n/a" : best + " (" + fmt(bestValue)
                    + "; the first listed wins a tie)"));
        }
        if (analyzers.contains("bedrock") && notes.stream().noneMatch(n -> n.startsWith("bedrock: the Bedrock double"))) {
            notes.add("bedrock: the Bedrock double's default content model hashes byte trigrams, so re-encodes and other takes share no"
                    + " bytes and its vectors say nothing about looks; this run plugs in PerceptualContentModel (8x6 RGB frame means and"
                    + " 24 audio bands, projected by fixed random matrices), while text stays hashed words: the vector leg of text search"
                    + " is not in the videos' space, so its fusion figures measure how a fusion copes with a useless leg");
        }
        notes.forEach(n -> System.out.println("note: " + n));
    }

    private static long count(List<Item> items, Role role) {
        return items.stream().filter(i -> i.role() == role).count();
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static void require(ApiResponse response, int status) {
        if (response.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + response);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
