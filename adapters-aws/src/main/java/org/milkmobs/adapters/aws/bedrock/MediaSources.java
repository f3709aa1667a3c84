package org.milkmobs.adapters.aws.bedrock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.milkmobs.application.port.out.analysis.AnalysisFailedException;
import org.milkmobs.application.port.out.analysis.VideoMedia;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.application.port.out.storage.BlobStorage;
import org.milkmobs.application.port.out.storage.LocalCopy;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Decides how a stored video reaches Bedrock: by reference when it already sits in S3 in the model's
 * region; inline as base64 when it is small; otherwise copied to the staging bucket. With no staging
 * bucket a large local file cannot reach Bedrock, and the video fails with a reason that says so.
 */
final class MediaSources {

    private static final String STAGING_PREFIX = "milkmobs-bedrock-staging/";

    private final BedrockSettings settings;
    private final BlobStorage blobs;
    private final S3Client s3;

    MediaSources(BedrockSettings settings, BlobStorage blobs, S3Client s3) {
        this.settings = settings;
        this.blobs = blobs;
        this.s3 = s3;
    }

    MediaSource of(VideoMedia media, String purpose) {
        return of(media.key(), media.facts().sizeBytes(), stagingName(media, purpose));
    }

    /**
     * As {@link #of(VideoMedia, String)}, for any stored media (a file uploaded through the gateway).
     *
     * @param stagingName where under the staging prefix a copy goes, when one is needed
     */
    MediaSource of(BlobKey key, long size, String stagingName) {
        if (settings.mediaBucket().isPresent()) {
            return new MediaSource.S3Location("s3://" + settings.mediaBucket().get() + "/" + key.value(), settings.bucketOwner());
        }
        if (size <= settings.inlineLimitBytes()) {
            try (InputStream in = blobs.read(key, 0, size)) {
                return new MediaSource.Inline(Base64.getEncoder().encodeToString(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + key.value(), e);
            }
        }
        String bucket = settings.stagingBucket().orElseThrow(() -> new AnalysisFailedException(String.format(
                "the video is %.1f MB: Bedrock takes at most %.1f MB inline, and a larger file must be in S3 in %s; "
                        + "configure bedrock.staging-bucket (or S3 storage in that region)", size / 1e6,
                settings.inlineLimitBytes() / 1e6, settings.region()), true));
        String staged = STAGING_PREFIX + stagingName;
        try (LocalCopy copy = blobs.localCopy(key)) {
            s3.putObject(b -> b.bucket(bucket).key(staged).contentType("application/octet-stream"), RequestBody.fromFile(copy.path()));
        }
        return new MediaSource.S3Location("s3://" + bucket + "/" + staged, settings.bucketOwner());
    }

    /** Removes the staged copy, if one was made; the analysis no longer needs it. */
    void release(VideoMedia media, String purpose) {
        release(media.facts().sizeBytes(), stagingName(media, purpose));
    }

    /** As {@link #release(VideoMedia, String)}, for what {@link #of(BlobKey, long, String)} staged. */
    void release(long size, String stagingName) {
        if (settings.mediaBucket().isEmpty() && size > settings.inlineLimitBytes()) {
            settings.stagingBucket().ifPresent(bucket -> s3.deleteObject(b -> b.bucket(bucket).key(STAGING_PREFIX + stagingName)));
        }
    }

    /** One copy per purpose: Marengo may still read its copy when Pegasus is done with its own. */
    private static String stagingName(VideoMedia media, String purpose) {
        return media.videoId() + "/" + purpose;
    }
}
