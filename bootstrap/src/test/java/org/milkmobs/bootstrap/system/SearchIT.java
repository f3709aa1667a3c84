package org.milkmobs.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.milkmobs.adapters.media.testing.MediaFixtures;
import org.milkmobs.adapters.media.testing.VideoFamilies;
import org.milkmobs.bootstrap.system.ApiClient.ApiResponse;

/**
 * Search as a client uses it, on videos the local analyzer really analysed: look-alikes, image and audio
 * queries (multipart and base64), full-text search with OCR snippets, paging, and bad input. Other test
 * classes share the server, so every search here is narrowed to this class's uploader with the owner filter.
 */
@ExtendWith(SystemTestServer.class)
class SearchIT {

    private static final String OWNER = "search-fan";
    private static final Map<String, List<String>> BY_FAMILY = new HashMap<>();

    @TempDir
    static Path dir;

    private static ApiClient fan;
    private static ApiClient admin;
    private static String captioned;
    private static String duplicate;
    private static final List<String> ALL = new ArrayList<>();

    @BeforeAll
    static void uploadVideos(MilkMobsServer server) {
        fan = server.as(server.tokens().consumer(OWNER));
        admin = server.as(server.tokens().admin("search-admin"));
        Uploads uploads = new Uploads(fan);
        List<VideoFamilies.Family> families = VideoFamilies.FAMILIES.stream()
                .filter(f -> f.name().equals("mandelbrot") || f.name().equals("smptebars")).toList();
        List<String> all = new ArrayList<>();
        for (VideoFamilies.Member member : VideoFamilies.generate(dir, families)) {
            String id = uploads.submitUploadComplete(member.file(), member.family().name() + " " + member.variation(), List.of("#milkmob"));
            BY_FAMILY.computeIfAbsent(member.family().name(), k -> new ArrayList<>()).add(id);
            all.add(id);
            if (member.family().name().equals("mandelbrot") && member.variation().equals("base")) {
                duplicate = uploads.submitUploadComplete(member.file(), "the same file again", List.of("#milkmob"));
                all.add(duplicate);
            }
        }
        captioned = uploads.submitUploadComplete(MediaFixtures.captioned(dir, "caption", "ZEBRACORN CHALLENGE", 6,
                "sine=frequency=300:sample_rate=44100"), "Morning routine", List.of("#milkmob"));
        all.add(captioned);
        all.forEach(uploads::awaitSettled);
        ALL.addAll(all);
    }

    @Test
    void similarVideosAreTheFamilyWithScoresAndTheBestMoment() {
        String base = BY_FAMILY.get("mandelbrot").get(0);
        ApiResponse response = fan.get("/api/search/similar?videoId=" + base + "&owner=" + OWNER + "&limit=5");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonObject results = response.json();
        assertThat(results.getString("mode")).isEqualTo("VECTOR");
        assertThat(results.getString("model")).isEqualTo("local-perceptual-v1");
        List<JsonObject> items = results.getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(ids(items)).doesNotContain(base, duplicate);
        assertThat(ids(items)).as("the five other members of the family come first")
                .containsExactlyInAnyOrderElementsOf(BY_FAMILY.get("mandelbrot").subList(1, 6));
        JsonObject best = items.get(0);
        assertThat(best.getJsonNumber("score").doubleValue()).isBetween(0.5, 1.0);
        assertThat(best.getJsonObject("scores").keySet()).contains("visual", "audio");
        JsonObject moment = best.getJsonArray("moments").getJsonObject(0);
        assertThat(moment.getJsonNumber("endSeconds").doubleValue()).isGreaterThan(moment.getJsonNumber("startSeconds").doubleValue());
        assertThat(moment.getString("modality")).isIn("visual", "audio");
        JsonObject video = best.getJsonObject("video");
        assertThat(video.getString("ownerId")).isEqualTo(OWNER);
        assertThat(video.getString("thumbnailUrl")).startsWith("http");
        assertThat(video.getString("status")).isEqualTo("VALIDATED");
    }

    /** Issue 21 #5: "more like this moment" finds the clips of the family that look like that stretch. */
    @Test
    void aMomentOfAVideoFindsTheClipsThatLookLikeIt() {
        String base = BY_FAMILY.get("mandelbrot").get(0);
        ApiResponse response = fan.get("/api/search/similar?videoId=" + base + "&start=0&end=4&owner=" + OWNER + "&limit=5&groupBy=clip");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonObject> items = response.json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(ids(items)).hasSize(5).doesNotContain(base, duplicate).allSatisfy(id -> assertThat(mandelbrots()).contains(id));
        assertThat(items).allSatisfy(item -> {
            assertThat(item.getJsonArray("moments")).hasSize(1);
            assertThat(item.getJsonArray("moments").getJsonObject(0).getString("modality")).isEqualTo("visual");
        });
        JsonObject visualOnly = fan.get("/api/search/similar?videoId=" + base + "&weights=visual:1,audio:0&owner=" + OWNER + "&limit=3").json();
        assertThat(visualOnly.getJsonArray("items").getValuesAs(JsonObject.class)).as("the score is the visual score alone")
                .allSatisfy(item -> assertThat(item.getJsonNumber("score").doubleValue())
                        .isCloseTo(item.getJsonObject("scores").getJsonNumber("visual").doubleValue(), org.assertj.core.api.Assertions.within(1e-9)));
        JsonObject byVideo = fan.get("/api/search/similar?videoId=" + base + "&start=1.5&end=1.5&owner=" + OWNER + "&limit=5").json();
        assertThat(ids(byVideo.getJsonArray("items").getValuesAs(JsonObject.class))).as("an instant picks its clip")
                .hasSize(5).doesNotHaveDuplicates().allSatisfy(id -> assertThat(mandelbrots()).contains(id));
    }

    @Test
    void similarPagesWithoutDuplicatesOrGaps() {
        String base = BY_FAMILY.get("smptebars").get(0);
        String query = "/api/search/similar?videoId=" + base + "&owner=" + OWNER + "&threshold=0";
        List<String> whole = ids(fan.get(query + "&limit=100").json().getJsonArray("items").getValuesAs(JsonObject.class));
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = fan.get(query + "&limit=3" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            paged.addAll(ids(page.getJsonArray("items").getValuesAs(JsonObject.class)));
            cursor = page.containsKey("nextCursor") ? page.getString("nextCursor") : null;
        } while (cursor != null);

        assertThat(whole).hasSizeGreaterThanOrEqualTo(10);
        assertThat(paged).containsExactlyElementsOf(whole);
    }

    @Test
    void anImageFindsItsFamilyAsMultipartOrBase64AndPagesOnByQueryId() {
        Path frame = MediaFixtures.ffmpeg(dir.resolve("mandelbrot-frame.png"), List.of("-f", "lavfi", "-i",
                "mandelbrot=size=320x240:rate=25", "-ss", "2", "-frames:v", "1"));
        byte[] png = Uploads.read(frame);

        Multipart form = new Multipart().file("image", "frame.png", "image/png", png).field("owner", OWNER).field("limit", "3");
        ApiResponse multipart = fan.post("/api/search/videos/by-image", form.contentType(), form.bytes());
        assertThat(multipart.status()).as(multipart.toString()).isEqualTo(200);
        List<JsonObject> items = multipart.json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(ids(items)).hasSize(3).allSatisfy(id -> assertThat(mandelbrots()).contains(id));
        assertThat(items.get(0).getJsonArray("moments")).isNotEmpty();

        String base64 = Json.createObjectBuilder().add("image", Base64.getEncoder().encodeToString(png))
                .add("filters", Json.createObjectBuilder().add("owner", OWNER)).add("limit", 3).build().toString();
        ApiResponse json = fan.postJson("/api/search/videos/by-image", base64);
        assertThat(json.status()).as(json.toString()).isEqualTo(200);
        assertThat(ids(json.json().getJsonArray("items").getValuesAs(JsonObject.class))).isEqualTo(ids(items));

        String queryId = multipart.json().getString("queryId");
        String cursor = multipart.json().getString("nextCursor");
        ApiResponse next = fan.get("/api/search/videos/by-image/" + queryId + "?owner=" + OWNER + "&limit=3&cursor=" + cursor);
        assertThat(next.status()).as(next.toString()).isEqualTo(200);
        assertThat(ids(next.json().getJsonArray("items").getValuesAs(JsonObject.class))).doesNotContainAnyElementsOf(ids(items));
    }

    /**
     * Issue 21 #5: a text and an image in one request. The local model has no composed input, so the image's look-alikes
     * (the mandelbrots) are fused with the text's full-text matches (the two "noisy" titles): the mandelbrot that is both
     * ranks first, the smptebars one is found by its words, and the answer names the legs that ran.
     */
    @Test
    void aTextAndAnImageTogetherFuseTheImagesLookAlikesWithTheTextsMatchesUnderTheLocalModel() {
        Path frame = MediaFixtures.ffmpeg(dir.resolve("mandelbrot-composed.png"), List.of("-f", "lavfi", "-i",
                "mandelbrot=size=320x240:rate=25", "-ss", "2", "-frames:v", "1"));
        byte[] png = Uploads.read(frame);
        Multipart form = new Multipart().file("image", "frame.png", "image/png", png).field("query", "noisy").field("owner", OWNER)
                .field("limit", "20");

        ApiResponse response = fan.post("/api/search/videos/by-text-and-image", form.contentType(), form.bytes());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonObject results = response.json();
        assertThat(results.getString("mode")).isEqualTo("HYBRID");
        assertThat(results.getString("note")).contains("cannot embed a text and an image together");
        assertThat(results.getJsonArray("legs").getValuesAs(JsonObject.class)).extracting(l -> l.getString("leg") + ":" + l.getString("input"))
                .containsExactly("vector:image", "fullText:text");
        List<JsonObject> items = results.getJsonArray("items").getValuesAs(JsonObject.class);
        String noisyMandelbrot = titled(items, "mandelbrot noisy");
        String noisyBars = titled(items, "smptebars noisy");
        assertThat(ids(items).get(0)).as("the video the picture and the words both find comes first").isEqualTo(noisyMandelbrot);
        assertThat(items.get(0).getJsonObject("legs").keySet()).containsExactlyInAnyOrder("vector", "fullText");
        assertThat(ids(items)).contains(noisyBars).containsAll(BY_FAMILY.get("mandelbrot"));
        assertThat(items).allSatisfy(item -> {
            assertThat(item.getJsonNumber("score").doubleValue()).isPositive();
            assertThat(item.getJsonObject("legs").keySet()).isNotEmpty().isSubsetOf("vector", "fullText");
        });
        assertThat(items.stream().filter(i -> BY_FAMILY.get("mandelbrot").contains(i.getJsonObject("video").getString("videoId"))))
                .as("the picture's look-alikes carry their vector score").allSatisfy(i -> assertThat(i.getJsonObject("legs")).containsKey("vector"));

        String json = Json.createObjectBuilder().add("image", Base64.getEncoder().encodeToString(png)).add("query", "noisy")
                .add("fusion", "RELATIVE").add("alpha", 0.5).add("filters", Json.createObjectBuilder().add("owner", OWNER)).add("limit", 20)
                .build().toString();
        ApiResponse relative = fan.postJson("/api/search/videos/by-text-and-image", json);
        assertThat(relative.status()).as(relative.toString()).isEqualTo(200);
        List<JsonObject> relativeItems = relative.json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(ids(relativeItems).get(0)).isEqualTo(noisyMandelbrot);
        assertThat(relativeItems).allSatisfy(item -> assertThat(item.getJsonNumber("score").doubleValue()).isBetween(0.0, 1.0));
    }

    private static String titled(List<JsonObject> items, String title) {
        return items.stream().filter(i -> i.getJsonObject("video").getString("title").equals(title)).findFirst()
                .map(i -> i.getJsonObject("video").getString("videoId")).orElseThrow(() -> new AssertionError("no '" + title + "' among " + items));
    }

    @Test
    void anAudioClipFindsTheVideosWithThatSoundAtOnceUnderTheLocalModel() {
        Path tone = MediaFixtures.ffmpeg(dir.resolve("tone.wav"), List.of("-f", "lavfi", "-i", "sine=frequency=220:duration=4"));
        Multipart form = new Multipart().file("audio", "tone.wav", "audio/wav", Uploads.read(tone)).field("owner", OWNER)
                .field("limit", "5").field("groupBy", "clip");

        ApiResponse response = fan.post("/api/search/videos/by-audio", form.contentType(), form.bytes());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<JsonObject> items = response.json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(ids(items)).hasSize(5).allSatisfy(id -> assertThat(mandelbrots()).contains(id));
        assertThat(items).allSatisfy(item -> {
            assertThat(item.getJsonArray("moments")).hasSize(1);
            assertThat(item.getJsonArray("moments").getJsonObject(0).getString("modality")).isEqualTo("audio");
        });
    }

    @Test
    void textSearchIsFullTextUnderTheLocalModelWithTheOcrSnippet() {
        ApiResponse response = fan.postJson("/api/search/videos", Json.createObjectBuilder().add("query", "zebracorn")
                .add("filters", Json.createObjectBuilder().add("owner", OWNER)).build().toString());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonObject results = response.json();
        assertThat(results.getString("mode")).isEqualTo("FULL_TEXT");
        assertThat(results.getString("note")).contains("full-text");
        List<JsonObject> items = results.getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(ids(items)).containsExactly(captioned);
        JsonObject snippet = items.get(0).getJsonObject("snippet");
        assertThat(snippet.getString("field")).isEqualTo("ocr");
        JsonObject highlight = snippet.getJsonArray("highlights").getJsonObject(0);
        assertThat(snippet.getString("text").substring(highlight.getInt("start"), highlight.getInt("end"))).isEqualToIgnoringCase("ZEBRACORN");

        JsonObject byTitle = fan.postJson("/api/search/videos", "{\"query\": \"mandelbrot\", \"limit\": 20, \"filters\": {\"owner\": \""
                + OWNER + "\"}}").json();
        assertThat(ids(byTitle.getJsonArray("items").getValuesAs(JsonObject.class)))
                .containsAll(BY_FAMILY.get("mandelbrot"));
    }

    /** Issue 21 #1: how a person spells the campaign's hashtag does not change what they find. */
    @Test
    void everySpellingOfTheHashtagFindsEveryTaggedVideo() {
        for (String spelling : List.of("milk mob", "milkmob", "#MilkMob", "milk-mob", "Milk Mob ", "milkmbo", "milkm")) {
            JsonObject results = textSearch(spelling);
            assertThat(results.getString("mode")).isEqualTo("FULL_TEXT");
            assertThat(ids(results.getJsonArray("items").getValuesAs(JsonObject.class))).as(spelling)
                    .containsExactlyInAnyOrderElementsOf(ALL);
        }
        for (String spelling : List.of("zebracron", "ZÉBRACORN", "zebrac")) {
            assertThat(ids(textSearch(spelling).getJsonArray("items").getValuesAs(JsonObject.class))).as(spelling).containsExactly(captioned);
        }
    }

    private static JsonObject textSearch(String query) {
        ApiResponse response = fan.postJson("/api/search/videos", Json.createObjectBuilder().add("query", query).add("limit", 100)
                .add("filters", Json.createObjectBuilder().add("owner", OWNER)).build().toString());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void badQueriesGetAProblemThatSaysWhatIsWrong() {
        String video = BY_FAMILY.get("mandelbrot").get(0);
        Map<String, ApiResponse> bad = new LinkedHashMap<>();
        bad.put("empty query", fan.postJson("/api/search/videos", "{\"query\": \"  \"}"));
        bad.put("10 MB query", fan.postJson("/api/search/videos", "{\"query\": \"" + "milk ".repeat(2 * 1024 * 1024) + "\"}"));
        bad.put("missing query", fan.postJson("/api/search/videos", "{}"));
        bad.put("not JSON", fan.postJson("/api/search/videos", "{\"query\": "));
        bad.put("unknown filter", fan.postJson("/api/search/videos", "{\"query\": \"milk\", \"filters\": {\"colour\": \"red\"}}"));
        bad.put("unknown parameter", fan.get("/api/search/similar?videoId=" + video + "&colour=red"));
        bad.put("negative limit", fan.get("/api/search/similar?videoId=" + video + "&limit=-1"));
        bad.put("threshold above 1", fan.get("/api/search/similar?videoId=" + video + "&threshold=1.5"));
        bad.put("bad groupBy", fan.get("/api/search/similar?videoId=" + video + "&groupBy=frame"));
        bad.put("no videoId", fan.get("/api/search/similar"));
        bad.put("forged cursor", fan.get("/api/search/similar?videoId=" + video + "&cursor=AAAA"));
        bad.put("bad createdFrom", fan.get("/api/search/similar?videoId=" + video + "&createdFrom=yesterday"));
        bad.put("moment without end", fan.get("/api/search/similar?videoId=" + video + "&start=2"));
        bad.put("unknown modality weight", fan.get("/api/search/similar?videoId=" + video + "&weights=smell:1"));
        bad.put("weights all zero", fan.get("/api/search/similar?videoId=" + video + "&weights=visual:0,audio:0"));
        bad.put("moment ending before it starts", fan.get("/api/search/similar?videoId=" + video + "&start=4&end=2"));
        bad.put("moment not a number", fan.get("/api/search/similar?videoId=" + video + "&start=two&end=4"));
        bad.put("moment after the video", fan.get("/api/search/similar?videoId=" + video + "&start=500&end=600"));
        Multipart text = new Multipart().file("image", "cat.png", "image/png", "not an image at all".getBytes(StandardCharsets.UTF_8));
        bad.put("non-image upload", fan.post("/api/search/videos/by-image", text.contentType(), text.bytes()));
        Multipart noFile = new Multipart().field("owner", OWNER);
        bad.put("no image part", fan.post("/api/search/videos/by-image", noFile.contentType(), noFile.bytes()));
        bad.put("bad base64", fan.postJson("/api/search/videos/by-image", "{\"image\": \"%%%\"}"));
        Multipart silence = new Multipart().file("audio", "x.txt", "text/plain", "no sound here".getBytes(StandardCharsets.UTF_8));
        bad.put("non-audio upload", fan.post("/api/search/videos/by-audio", silence.contentType(), silence.bytes()));
        Path longTone = MediaFixtures.ffmpeg(dir.resolve("long-tone.wav"), List.of("-f", "lavfi", "-i",
                "sine=frequency=220:sample_rate=8000:duration=61"));
        Multipart minute = new Multipart().file("audio", "long-tone.wav", "audio/wav", Uploads.read(longTone));
        bad.put("audio clip over the cap", fan.post("/api/search/videos/by-audio", minute.contentType(), minute.bytes()));

        byte[] png = Uploads.read(MediaFixtures.ffmpeg(dir.resolve("bad-composed.png"), List.of("-f", "lavfi", "-i",
                "smptebars=size=64x48:rate=25", "-frames:v", "1")));
        Multipart blankText = new Multipart().file("image", "bars.png", "image/png", png).field("query", "   ");
        bad.put("composed: empty text", fan.post("/api/search/videos/by-text-and-image", blankText.contentType(), blankText.bytes()));
        Multipart noText = new Multipart().file("image", "bars.png", "image/png", png);
        bad.put("composed: no text", fan.post("/api/search/videos/by-text-and-image", noText.contentType(), noText.bytes()));
        Multipart notImage = new Multipart().file("image", "cat.png", "image/png", "not an image at all".getBytes(StandardCharsets.UTF_8))
                .field("query", "milk");
        bad.put("composed: not an image", fan.post("/api/search/videos/by-text-and-image", notImage.contentType(), notImage.bytes()));
        bad.put("composed: no image", fan.postJson("/api/search/videos/by-text-and-image", "{\"query\": \"milk\"}"));
        bad.put("composed: alpha with RRF", fan.postJson("/api/search/videos/by-text-and-image", "{\"query\": \"milk\", \"alpha\": 0.3,"
                + " \"image\": \"" + Base64.getEncoder().encodeToString(png) + "\"}"));
        bad.put("query not a string", fan.postJson("/api/search/videos", "{\"query\": 7}"));
        bad.put("limit not a number", fan.postJson("/api/search/videos", "{\"query\": \"milk\", \"limit\": \"many\"}"));
        bad.put("hashtags not a list", fan.postJson("/api/search/videos", "{\"query\": \"milk\", \"filters\": {\"hashtags\": {}}}"));
        bad.put("filters not an object", fan.postJson("/api/search/videos", "{\"query\": \"milk\", \"filters\": \"milk\"}"));
        bad.put("unknown fusion", fan.postJson("/api/search/videos", "{\"query\": \"milk\", \"fusion\": \"BORDA\"}"));
        bad.put("alpha above 1", fan.postJson("/api/search/videos", "{\"query\": \"milk\", \"fusion\": \"RELATIVE\", \"alpha\": 1.5}"));
        bad.put("unknown mode", fan.postJson("/api/search/videos", "{\"query\": \"milk\", \"mode\": \"FUZZY\"}"));
        bad.put("image not a string", fan.postJson("/api/search/videos/by-image", "{\"image\": [1, 2]}"));
        bad.put("unknown image-search field", fan.postJson("/api/search/videos/by-image", "{\"image\": \"%%%\", \"colour\": \"red\"}"));
        bad.put("bad base64 audio", fan.postJson("/api/search/videos/by-audio", "{\"audio\": \"not base64!\"}"));
        bad.put("composed: missing query", fan.postJson("/api/search/videos/by-text-and-image", "{\"image\": \""
                + Base64.getEncoder().encodeToString(png) + "\"}"));
        bad.put("composed: unknown fusion", fan.postJson("/api/search/videos/by-text-and-image", "{\"query\": \"milk\", \"fusion\": \"x\","
                + " \"image\": \"" + Base64.getEncoder().encodeToString(png) + "\"}"));
        bad.put("composed: alpha below 0", fan.postJson("/api/search/videos/by-text-and-image", "{\"query\": \"milk\", \"fusion\":"
                + " \"RELATIVE\", \"alpha\": -0.1, \"image\": \"" + Base64.getEncoder().encodeToString(png) + "\"}"));
        bad.forEach((what, response) -> {
            assertThat(response.status()).as(what + ": " + response).isEqualTo(400);
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            assertThat(response.json().getString("detail")).as(what).isNotBlank();
        });
        assertThat(bad.get("unknown filter").json().getString("detail")).contains("colour");
        Map<String, String> named = Map.of("query not a string", "query", "limit not a number", "limit", "hashtags not a list",
                "filters.hashtags", "filters not an object", "filters", "unknown fusion", "fusion", "alpha above 1", "alpha",
                "image not a string", "image", "unknown image-search field", "colour", "bad base64 audio", "audio",
                "composed: missing query", "query");
        named.forEach((what, field) -> assertThat(bad.get(what).json().getString("detail")).as(what).contains(field));
        assertThat(bad.get("composed: unknown fusion").json().getString("detail")).contains("fusion");
        assertThat(bad.get("composed: alpha below 0").json().getString("detail")).contains("alpha");
        ApiResponse hugeBase64 = fan.postJson("/api/search/videos/by-image", "{\"image\": \""
                + Base64.getEncoder().encodeToString(new byte[6 * 1024 * 1024]) + "\"}");
        assertThat(hugeBase64.status()).as("a base64 image over 5 MB: " + hugeBase64).isEqualTo(413);
        assertThat(hugeBase64.contentType()).startsWith("application/problem+json");
        assertThat(bad.get("10 MB query").json().getString("detail")).contains("at most 1000");
        assertThat(bad.get("negative limit").json().getString("detail")).contains("limit");
        assertThat(bad.get("moment without end").json().getString("detail")).contains("end is missing");
        assertThat(bad.get("moment after the video").json().getString("detail")).contains("outside the video's clips");
        assertThat(bad.get("audio clip over the cap").json().getString("detail"))
                .isEqualTo("the audio clip lasts 61.0 s; a search clip may last at most 60 s");

        Multipart huge = new Multipart().file("image", "huge.png", "image/png", new byte[6 * 1024 * 1024]);
        ApiResponse tooLarge = fan.post("/api/search/videos/by-image", huge.contentType(), huge.bytes());
        assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);
        assertThat(tooLarge.contentType()).startsWith("application/problem+json");
        Multipart hugeComposed = new Multipart().file("image", "huge.png", "image/png", new byte[6 * 1024 * 1024]).field("query", "milk");
        ApiResponse composedTooLarge = fan.post("/api/search/videos/by-text-and-image", hugeComposed.contentType(), hugeComposed.bytes());
        assertThat(composedTooLarge.status()).as("an image over 5 MB, as on by-image: " + composedTooLarge).isEqualTo(413);
        assertThat(composedTooLarge.contentType()).startsWith("application/problem+json");
        assertThat(composedTooLarge.json().getString("detail")).contains("image");
        assertThat(bad.get("composed: empty text").json().getString("detail")).contains("query");
        assertThat(bad.get("composed: not an image").json().getString("detail")).contains("image");
        assertThat(fan.get("/api/search/similar?videoId=" + video + "&status=REJECTED").status()).isEqualTo(403);
        assertThat(admin.get("/api/search/similar?videoId=" + video + "&status=REJECTED").status()).isEqualTo(200);
        assertThat(fan.get("/api/search/similar?videoId=01a207e3-dd7e-73b0-9260-bcf4cd908245").status()).isEqualTo(404);
        assertThat(fan.get("/api/search/videos/by-audio/" + "0".repeat(64)).status()).isEqualTo(404);
        assertThat(fan.get("/api/search/videos/by-image/not-an-id").status()).isEqualTo(400);
    }

    /** The mandelbrot family and the second upload of one of its files. */
    private static List<String> mandelbrots() {
        List<String> all = new ArrayList<>(BY_FAMILY.get("mandelbrot"));
        all.add(duplicate);
        return all;
    }

    private static List<String> ids(List<JsonObject> items) {
        return items.stream().map(i -> i.getJsonObject("video").getString("videoId")).toList();
    }

    /** A multipart/form-data body, as a browser's FormData makes it. */
    static final class Multipart {

        private final String boundary = "----milkmobs" + System.nanoTime();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        Multipart file(String name, String filename, String type, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n");
            body.writeBytes(content);
            write("\r\n");
            return this;
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        byte[] bytes() {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            copy.writeBytes(body.toByteArray());
            copy.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
            return copy.toByteArray();
        }

        private void write(String text) {
            body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
