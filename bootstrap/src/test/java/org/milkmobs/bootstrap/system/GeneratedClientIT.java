package org.milkmobs.bootstrap.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.milkmobs.adapters.media.testing.VideoFamilies;
import org.milkmobs.bootstrap.openapi.OpenApiDocument;
import org.milkmobs.client.ApiClient;
import org.milkmobs.client.ApiException;
import org.milkmobs.client.api.AdminApi;
import org.milkmobs.client.api.SearchApi;
import org.milkmobs.client.api.VideosApi;
import org.milkmobs.client.model.AdminStats;
import org.milkmobs.client.model.SearchResult;
import org.milkmobs.client.model.SearchResults;
import org.milkmobs.client.model.SubmitVideoRequest;
import org.milkmobs.client.model.SubmittedVideo;
import org.milkmobs.client.model.TextSearchRequest;
import org.milkmobs.client.model.UploadInstructions;
import org.milkmobs.client.model.Video;
import org.milkmobs.client.model.VideoPage;
import org.milkmobs.client.model.VideoStatus;

/**
 * The client a web app team would generate from our OpenAPI document (by the OpenAPI Generator, at build time, with
 * no hand edits) drives the main user journey against the real WAR. Its JSON mapper is made strict, so a response
 * field the document does not declare fails the test: the document and the server cannot drift apart unnoticed.
 */
@ExtendWith(SystemTestServer.class)
class GeneratedClientIT {

    private static final Set<VideoStatus> SETTLED = Set.of(VideoStatus.VALIDATED, VideoStatus.REJECTED, VideoStatus.FAILED);

    @TempDir
    static Path dir;

    /** HTTP/1.1 as every other system test's client: the JDK's default cleartext HTTP/2 upgrade of a 2 MB answer broke once
     * against Payara's listener ("Frame type(98) ... exceeds MAX_FRAME_SIZE"), which is not what these tests are about. */
    private static final HttpClient HTTP_1_1 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void submitUploadCompletePollFeedSimilarSearchAndAdminStats(MilkMobsServer server) throws Exception {
        ApiClient fan = client(server, server.tokens().consumer("journey-fan"));
        VideosApi videos = new VideosApi(fan);
        VideoFamilies.Family family = VideoFamilies.FAMILIES.stream().filter(f -> f.name().equals("rgbtestsrc")).findFirst().orElseThrow();
        List<VideoFamilies.Member> members = VideoFamilies.generate(dir, List.of(family)).subList(0, 2);

        List<UUID> ids = new ArrayList<>();
        for (VideoFamilies.Member member : members) {
            SubmittedVideo submitted = videos.submitVideo(new SubmitVideoRequest().title("rainbow journey " + member.variation())
                    .description("colour bars, slowly").hashtags(List.of("#milkmob", "#journey")), "journey-" + member.variation());
            assertThat(submitted.getStatus()).isEqualTo(VideoStatus.SUBMITTED);
            uploadAsABrowserWould(submitted.getUpload(), member.file());
            Video completed = videos.completeUpload(submitted.getVideoId());
            assertThat(completed.getVideoId()).isEqualTo(submitted.getVideoId());
            ids.add(submitted.getVideoId());
        }
        for (UUID id : ids) {
            Video video = awaitSettled(videos, id);
            assertThat(video.getStatus()).as(video.toString()).isEqualTo(VideoStatus.VALIDATED);
            assertThat(video.getMedia().getDurationSeconds()).isPositive();
            assertThat(video.getThumbnailUrl()).isNotNull();
            assertThat(video.getPlaybackUrl()).isNotNull();
        }

        assertThat(feedVideoIds(videos)).containsAll(ids);

        SearchApi search = new SearchApi(fan);
        SearchResults similar = search.findSimilarVideos(ids.get(0), null, null, null, null, null, 10, null, null, null, null, null, null, null,
                null);
        assertThat(similar.getItems()).extracting(r -> r.getVideo().getVideoId()).contains(ids.get(1)).doesNotContain(ids.get(0));
        SearchResult twin = similar.getItems().stream().filter(r -> r.getVideo().getVideoId().equals(ids.get(1))).findFirst().orElseThrow();
        assertThat(twin.getScore()).isBetween(0.5, 1.0);
        assertThat(twin.getMoments()).isNotEmpty();

        SearchResults byText = search.searchVideosByText(new TextSearchRequest().query("rainbow journey"));
        assertThat(byText.getMode()).isEqualTo(SearchResults.ModeEnum.FULL_TEXT);
        assertThat(byText.getNote()).isNotBlank();
        assertThat(byText.getItems()).extracting(r -> r.getVideo().getVideoId()).containsAll(ids);

        AdminStats stats = new AdminApi(client(server, server.tokens().admin("journey-admin"))).adminStats();
        assertThat(stats.getVideosByStatus().get("VALIDATED")).isGreaterThanOrEqualTo(2L);
        assertThat(stats.getMobs()).isPositive();

        assertThatThrownBy(() -> new AdminApi(fan).adminStats()).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.getCode()).isEqualTo(403));
    }

    @Test
    void theServedDocumentIsTheOneTheClientIsGeneratedFromAndSwaggerUiShowsIt(MilkMobsServer server) throws Exception {
        JsonNode file = OpenApiDocument.file();
        HttpResponse<String> served = HTTP_1_1.send(HttpRequest.newBuilder(server.uri("/openapi")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(served.statusCode()).isEqualTo(200);
        JsonNode document = OpenApiDocument.parse(served.body());
        assertThat(document).as("the served document is the file, not Payara's re-serialisation of it").isEqualTo(file);
        assertThat(document.has("endpoints")).as("no non-standard top-level field").isFalse();
        assertThat(document.at("/paths/~1api~1blobs~1{grant}/get/security").isArray()).isTrue();
        assertThat(document.at("/paths/~1api~1blobs~1{grant}/get/security")).as("the signed URL is its own credential").isEmpty();
        assertThat(OpenApiDocument.operationIds(document)).isEqualTo(OpenApiDocument.operationIds(file));
        assertThat(fieldNames(document.at("/components/schemas"))).isEqualTo(fieldNames(file.at("/components/schemas")));
        assertThat(document.at("/components/securitySchemes/bearerAuth/bearerFormat").asText()).isEqualTo("JWT");

        HttpResponse<String> page = HTTP_1_1.send(HttpRequest.newBuilder(server.uri("/api-docs/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("SwaggerUIBundle").contains("../openapi");
        String bundle = page.body().replaceAll("(?s).*src=\"\\.\\./(webjars/[^\"]+)\".*", "$1");
        HttpResponse<String> script = HTTP_1_1.send(HttpRequest.newBuilder(server.uri("/" + bundle)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).as(bundle).isEqualTo(200);
    }

    /** The generated client, with the caller's token on every request and a mapper that refuses undeclared fields. */
    private static ApiClient client(MilkMobsServer server, String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.uri("/").toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        client.setObjectMapper(client.getObjectMapper().copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true));
        return client;
    }

    /** The upload URL is the store's (S3 or our signed local URL), not an API operation: a browser PUTs to it as given. */
    private static void uploadAsABrowserWould(UploadInstructions upload, Path file) throws Exception {
        HttpRequest.Builder put = HttpRequest.newBuilder(upload.getUrl()).method(upload.getMethod(), HttpRequest.BodyPublishers.ofFile(file));
        upload.getHeaders().forEach(put::header);
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(put.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 204);
    }

    private static Video awaitSettled(VideosApi videos, UUID id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        Video video = videos.getVideo(id);
        while (!SETTLED.contains(video.getStatus()) || video.getValidation() == null && video.getStatus() != VideoStatus.FAILED) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("video " + id + " did not settle: " + video);
            }
            Thread.sleep(250);
            video = videos.getVideo(id);
        }
        return video;
    }

    private static Set<UUID> feedVideoIds(VideosApi videos) throws Exception {
        Set<UUID> ids = new java.util.HashSet<>();
        String cursor = null;
        do {
            VideoPage page = videos.getFeed(cursor, 100);
            page.getItems().forEach(v -> ids.add(v.getVideoId()));
            cursor = page.getNextCursor();
        } while (cursor != null);
        return ids;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
