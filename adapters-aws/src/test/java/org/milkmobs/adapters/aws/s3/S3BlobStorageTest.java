package org.milkmobs.adapters.aws.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.milkmobs.adapters.aws.testing.S3ProxyServer;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.application.port.out.storage.BlobStorage;
import org.milkmobs.application.port.UploadGrant;
import org.milkmobs.application.testing.BlobStorageContract;
import org.milkmobs.domain.video.VideoId;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The blob contract on a real S3 API (S3Proxy), and presigned URLs used the way a browser uses them. */
class S3BlobStorageTest extends BlobStorageContract {

    @TempDir
    static Path workDir;

    private static S3ProxyServer s3proxy;
    private static S3BlobStorage storage;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startS3() {
        s3proxy = S3ProxyServer.start(workDir);
        storage = S3BlobStorage.create(
                new S3Settings("milkmobs-test", "us-east-1", Optional.of(s3proxy.endpoint()), true, true, workDir.resolve("tmp")),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)));
    }

    @AfterAll
    static void stopS3() {
        storage.close();
        s3proxy.close();
    }

    @Override
    protected BlobStorage storage() {
        return storage;
    }

    @Test
    void aBrowserCanUploadWithThePresignedUrlAndItsHeaders() throws Exception {
        BlobKey key = BlobKey.staging(VideoId.generate());
        UploadGrant grant = storage.grantUpload(key, 10_000, Duration.ofMinutes(15),
                Map.of("title", "Milk mob 🥛 at the café", "video-id", "v1"));

        HttpRequest.Builder put = HttpRequest.newBuilder(grant.url()).PUT(HttpRequest.BodyPublishers.ofString("video bytes"));
        grant.headers().forEach(put::header);
        HttpResponse<String> response = HTTP.send(put.build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(storage.size(key)).hasValue("video bytes".length());
        assertThat(grant.headers()).containsEntry("x-amz-meta-title", "Milk mob at the cafe");
    }

    @Test
    void aTamperedPresignedUrlIsRefused() throws Exception {
        BlobKey key = BlobKey.staging(VideoId.generate());
        UploadGrant grant = storage.grantUpload(key, 10_000, Duration.ofMinutes(15), Map.of());
        URI otherKey = URI.create(grant.url().toString().replace(key.value(), BlobKey.staging(VideoId.generate()).value()));

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(otherKey).PUT(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void aDownloadUrlServesRangesWithTheContentType() throws Exception {
        BlobKey key = BlobKey.source(VideoId.generate());
        storage.write(key, new ByteArrayInputStream("0123456789".getBytes(StandardCharsets.US_ASCII)), 100, "application/octet-stream");
        URI url = storage.grantDownload(key, "video/mp4", Duration.ofMinutes(5));

        HttpResponse<String> whole = HTTP.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> range = HTTP.send(HttpRequest.newBuilder(url).header("Range", "bytes=2-4").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo("0123456789");
        assertThat(whole.headers().firstValue("Content-Type")).contains("video/mp4");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo("234");
    }

    @Test
    void metadataIsFoldedToAscii() {
        assertThat(AsciiMetadata.value("Été 🥛 Milk\u0000Mob\n")).isEqualTo("Ete MilkMob");
        assertThat(AsciiMetadata.sanitise(Map.of("Video Title", "x"))).containsEntry("video-title", "x");
        assertThat(AsciiMetadata.value("x".repeat(1000))).hasSize(256);
    }
}
