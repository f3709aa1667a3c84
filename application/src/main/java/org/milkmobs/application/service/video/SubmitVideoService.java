package org.milkmobs.application.service.video;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import org.milkmobs.application.port.in.IdempotencyKeyReusedException;
import org.milkmobs.application.port.in.SubmitVideoUseCase;
import org.milkmobs.application.port.out.IdempotencyKeys;
import org.milkmobs.application.port.out.LoadVideoPort;
import org.milkmobs.application.port.out.SaveVideoPort;
import org.milkmobs.application.port.out.media.MediaLimits;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.application.port.out.storage.BlobStorage;
import org.milkmobs.application.port.UploadGrant;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

public class SubmitVideoService implements SubmitVideoUseCase {

    private final SaveVideoPort saveVideo;
    private final LoadVideoPort loadVideo;
    private final IdempotencyKeys idempotencyKeys;
    private final BlobStorage storage;
    private final MediaLimits limits;
    private final UploadSettings uploads;
    private final VideoDetailsAssembler details;
    private final Clock clock;

    public SubmitVideoService(SaveVideoPort saveVideo, LoadVideoPort loadVideo, IdempotencyKeys idempotencyKeys, BlobStorage storage,
                              MediaLimits limits, UploadSettings uploads, VideoDetailsAssembler details, Clock clock) {
        this.details = details;
        this.saveVideo = saveVideo;
        this.loadVideo = loadVideo;
        this.idempotencyKeys = idempotencyKeys;
        this.storage = storage;
        this.limits = limits;
        this.uploads = uploads;
        this.clock = clock;
    }

    @Override
    public SubmittedVideo submit(SubmitVideoCommand command) {
        VideoId id = VideoId.generate();
        if (command.idempotencyKey().isPresent()) {
            IdempotencyKeys.Claim claim = idempotencyKeys.claim(command.owner(), command.idempotencyKey().get(), fingerprint(command),
                    id, clock.instant());
            if (!claim.sameRequest()) {
                throw new IdempotencyKeyReusedException(command.idempotencyKey().get());
            }
            if (!claim.firstUse()) {
                Video earlier = loadVideo.loadVideo(claim.video()).orElseThrow(() -> new IdempotencyKeyReusedException(
                        command.idempotencyKey().get()));
                return submitted(earlier, true);
            }
        }
        Video video = saveVideo.saveVideo(Video.submit(id, command.owner(), command.title(), command.description(), command.hashtags(),
                clock.instant()));
        return submitted(video, false);
    }

    /** The owner's view of the video, read in this transaction, with a fresh upload grant. */
    private SubmittedVideo submitted(Video video, boolean repeated) {
        return new SubmittedVideo(details.of(video, Caller.consumer(video.owner())), grant(video), repeated);
    }

    private UploadGrant grant(Video video) {
        return storage.grantUpload(BlobKey.staging(video.id()), limits.maxBytes(), uploads.uploadUrlTtl(),
                Map.of("video-id", video.id().toString(), "owner", video.owner().value(), "title", video.title().value()));
    }

    /** Identifies the request's content, so a key reused for a different video is noticed. */
    private static String fingerprint(SubmitVideoCommand command) {
        String canonical = String.join("\u0000", command.title().value(), command.description().value(),
                String.join(",", command.hashtags().values()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
