package org.milkmobs.adapters.aws.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.application.port.out.storage.BlobStorage;
import org.milkmobs.application.port.out.storage.BlobStorageException;
import org.milkmobs.application.port.out.storage.CappedCopy;
import org.milkmobs.application.port.out.storage.LocalCopy;
import org.milkmobs.application.port.UploadGrant;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Blobs in an S3 bucket, through the AWS SDK v2. Clients upload and download with presigned URLs, so
 * video bytes never pass through the application on their way in or out.
 *
 * <p>S3 cannot limit the size of a presigned PUT, so the size is checked when the upload is completed.
 */
public final class S3BlobStorage implements BlobStorage, AutoCloseable {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final Path workDir;

    S3BlobStorage(S3Client s3, S3Presigner presigner, String bucket, Path workDir) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.workDir = workDir;
    }

    /** Builds the clients; credentials come from {@code credentials} (the default AWS chain in production). */
    public static S3BlobStorage create(S3Settings settings, AwsCredentialsProvider credentials) {
        Region region = Region.of(settings.region());
        S3Configuration serviceConfiguration = S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build();
        var presignerBuilder = S3Presigner.builder()
                .region(region)
                .credentialsProvider(credentials)
                .serviceConfiguration(serviceConfiguration);
        settings.endpoint().ifPresent(presignerBuilder::endpointOverride);
        S3Client client = S3Clients.create(region, credentials, settings.endpoint(), settings.pathStyle());
        S3BlobStorage storage = new S3BlobStorage(client, presignerBuilder.build(), settings.bucket(), settings.workDir());
        if (settings.createBucket()) {
            storage.createBucketIfMissing();
        }
        return storage;
    }

    void createBucketIfMissing() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw new BlobStorageException("cannot reach bucket " + bucket + ": " + e.getMessage(), e);
            }
            s3.createBucket(b -> b.bucket(bucket));
        }
    }

    @Override
    public UploadGrant grantUpload(BlobKey key, long maxBytes, Duration ttl, Map<String, String> metadata) {
        Map<String, String> safeMetadata = AsciiMetadata.sanitise(metadata);
        PresignedPutObjectRequest presigned = presigner.presignPutObject(p -> p
                .signatureDuration(ttl)
                .putObjectRequest(put -> put.bucket(bucket).key(key.value()).metadata(safeMetadata)));
        Map<String, String> headers = new LinkedHashMap<>();
        presigned.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                headers.put(name, String.join(",", values));
            }
        });
        return new UploadGrant(toUri(presigned.url()), "PUT", headers, presigned.expiration(), maxBytes);
    }

    @Override
    public URI grantDownload(BlobKey key, String contentType, Duration ttl) {
        return toUri(presigner.presignGetObject(p -> p
                .signatureDuration(ttl)
                .getObjectRequest(get -> get.bucket(bucket).key(key.value()).responseContentType(contentType))).url());
    }

    @Override
    public OptionalLong size(BlobKey key) {
        try {
            return OptionalLong.of(s3.headObject(h -> h.bucket(bucket).key(key.value())).contentLength());
        } catch (NoSuchKeyException e) {
            return OptionalLong.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return OptionalLong.empty();
            }
            throw failure("cannot read the size of " + key, e);
        } catch (SdkException e) {
            throw failure("cannot read the size of " + key, e);
        }
    }

    @Override
    public InputStream read(BlobKey key, long offset, long length) {
        if (length <= 0) {
            return InputStream.nullInputStream();
        }
        try {
            ResponseInputStream<GetObjectResponse> in = s3.getObject(g -> g.bucket(bucket).key(key.value())
                    .range("bytes=" + offset + "-" + (offset + length - 1)));
            return in;
        } catch (SdkException e) {
            throw failure("cannot read " + key, e);
        }
    }

    /** Spools to a local file first: S3 needs the length up front, and the limit must hold before sending. */
    @Override
    public long write(BlobKey key, InputStream content, long maxBytes, String contentType) {
        Path spool = null;
        try {
            spool = Files.createTempFile(workDirectory(), "upload", ".part");
            long written;
            try (OutputStream out = Files.newOutputStream(spool, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                written = CappedCopy.copyAtMost(content, out, maxBytes);
            }
            s3.putObject(p -> p.bucket(bucket).key(key.value()).contentType(contentType), RequestBody.fromFile(spool));
            return written;
        } catch (IOException e) {
            throw new BlobStorageException("cannot spool " + key + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw failure("cannot write " + key, e);
        } finally {
            deleteQuietly(spool);
        }
    }

    /** A server-side copy and a delete: S3 has no rename. Objects over 5 GB would need a multipart copy. */
    @Override
    public void move(BlobKey from, BlobKey to) {
        try {
            s3.copyObject(c -> c.sourceBucket(bucket).sourceKey(from.value()).destinationBucket(bucket).destinationKey(to.value()));
            s3.deleteObject(d -> d.bucket(bucket).key(from.value()));
        } catch (NoSuchKeyException e) {
            throw new BlobStorageException("there is no blob " + from + " to move", e);
        } catch (SdkException e) {
            throw failure("cannot move " + from + " to " + to, e);
        }
    }

    @Override
    public LocalCopy localCopy(BlobKey key) {
        Path file = null;
        try {
            file = Files.createTempFile(workDirectory(), "blob", ".bin");
            Files.delete(file);
            Path target = file;
            s3.getObject(g -> g.bucket(bucket).key(key.value()), ResponseTransformer.toFile(target));
            return new LocalCopy() {
                @Override
                public Path path() {
                    return target;
                }

                @Override
                public void close() {
                    deleteQuietly(target);
                }
            };
        } catch (IOException e) {
            deleteQuietly(file);
            throw new BlobStorageException("cannot make a local copy of " + key + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            deleteQuietly(file);
            throw failure("cannot download " + key, e);
        }
    }

    @Override
    public void delete(BlobKey key) {
        try {
            s3.deleteObject(d -> d.bucket(bucket).key(key.value()));
        } catch (SdkException e) {
            throw failure("cannot delete " + key, e);
        }
    }

    @Override
    public void close() {
        presigner.close();
        s3.close();
    }

    private Path workDirectory() throws IOException {
        return Files.createDirectories(workDir);
    }

    private static BlobStorageException failure(String what, SdkException e) {
        return new BlobStorageException(what + ": " + e.getMessage(), e);
    }

    private static URI toUri(java.net.URL url) {
        try {
            return url.toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // temporary file; the work folder is disposable
            }
        }
    }

}
