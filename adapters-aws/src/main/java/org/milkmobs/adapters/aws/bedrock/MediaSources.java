package org.milkmobs.adapters.aws.bedrock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import org.milkmobs.application.port.out.analysis.AnalysisFailedException;
import org.milkmobs.application.port.out.analysis.VideoMedia;
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
        if (settings.mediaBucket().isPresent()) {
            return new MediaSource.S3Location("s3://" + settings.mediaBucket().get() + "/" + media.key().value(), settings.bucketOwner());
        }
        long size = media.facts().sizeBytes();
        if (size <= settings.inlineLimitBytes()) {
            try (InputStream in = blobs.read(media.key(), 0, size)) {
                return new MediaSource.Inline(Base64.getEncoder().encodeToString(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + media.key().value(), e);
            }
        }
        String bucket = settings.stagingBucket().orElseThrow(() -> new AnalysisFailedException(String.format(
                "the video is %.1f MB: Bedrock takes at most %.1f MB inline, and a larger file must be in S3 in %s; "
                        + "configure bedrock.staging-bucket (or S3 storage in that region)", size / 1e6,
                settings.inlineLimitBytes() / 1e6, settings.region()), true));
        String key = stagingKey(media, purpose);
        try (LocalCopy copy = blobs.localCopy(media.key())) {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType("video/mp4"), RequestBody.fromFile(copy.path()));
        }
        return new MediaSource.S3Location("s3://" + bucket + "/" + key, settings.bucketOwner());
    }

    /** Removes the staged copy, if one was made; the analysis no longer needs it. */
    void release(VideoMedia media, String purpose) {
        if (settings.mediaBucket().isEmpty() && media.facts().sizeBytes() > settings.inlineLimitBytes()) {
            settings.stagingBucket().ifPresent(bucket -> s3.deleteObject(b -> b.bucket(bucket).key(stagingKey(media, purpose))));
        }
    }

    /** One copy per purpose: Marengo may still read its copy when Pegasus is done with its own. */
    private static String stagingKey(VideoMedia media, String purpose) {
        return STAGING_PREFIX + media.videoId() + "/" + purpose;
    }
}
