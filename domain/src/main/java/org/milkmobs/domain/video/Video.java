package org.milkmobs.domain.video;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.user.UserId;

/**
 * A submission to the trend, and the aggregate root of its lifecycle. Every state change goes through a
 * method that checks {@link VideoStatus#canMoveTo}, so an illegal transition cannot happen silently.
 */
public final class Video {

    private final VideoId id;
    private final UserId owner;
    private final Title title;
    private final Description description;
    private final Hashtags hashtags;
    private final Instant createdAt;
    private final long version;
    private VideoStatus status;
    private Instant updatedAt;
    private MediaFacts media;
    private Failure failure;
    private boolean hasThumbnail;
    private VideoId duplicateOf;

    private Video(VideoSnapshot s) {
        this.id = Objects.requireNonNull(s.id(), "id");
        this.owner = Objects.requireNonNull(s.owner(), "owner");
        this.title = Objects.requireNonNull(s.title(), "title");
        this.description = Objects.requireNonNull(s.description(), "description");
        this.hashtags = Objects.requireNonNull(s.hashtags(), "hashtags");
        this.status = Objects.requireNonNull(s.status(), "status");
        this.createdAt = Objects.requireNonNull(s.createdAt(), "createdAt");
        this.updatedAt = Objects.requireNonNull(s.updatedAt(), "updatedAt");
        this.media = s.media();
        this.failure = s.failure();
        this.hasThumbnail = s.hasThumbnail();
        this.duplicateOf = s.duplicateOf();
        this.version = s.version();
        if ((status == VideoStatus.FAILED) != (failure != null)) {
            throw new IllegalArgumentException("a video has a failure exactly when it is FAILED: " + s);
        }
    }

    /** A new submission, waiting for its upload. */
    public static Video submit(VideoId id, UserId owner, Title title, Description description, Hashtags hashtags, Instant now) {
        return new Video(new VideoSnapshot(id, owner, title, description, hashtags, VideoStatus.SUBMITTED,
                now, now, null, null, false, null, 0));
    }

    /** A video as it was stored; no rule runs, because the stored state was checked when it was made. */
    public static Video restore(VideoSnapshot snapshot) {
        return new Video(snapshot);
    }

    public VideoSnapshot snapshot() {
        return new VideoSnapshot(id, owner, title, description, hashtags, status, createdAt, updatedAt, media, failure,
                hasThumbnail, duplicateOf, version);
    }

    /** The upload arrived and probing found a usable video. */
    public void markUploaded(MediaFacts facts, Instant now) {
        moveTo(VideoStatus.UPLOADED, now);
        this.media = Objects.requireNonNull(facts, "facts");
    }

    /** The pipeline starts (or, after a failure, a deferral or a settled decision, restarts) its work. */
    public void startProcessing(Instant now) {
        if (media == null) {
            throw new IllegalVideoTransitionException(id, status, VideoStatus.PROCESSING);
        }
        moveTo(VideoStatus.PROCESSING, now);
        this.failure = null;
    }

    /** The budget has no room now; the work waits instead of being dropped. */
    public void defer(Instant now) {
        moveTo(VideoStatus.DEFERRED, now);
    }

    public void markAnalyzed(Instant now) {
        moveTo(VideoStatus.ANALYZED, now);
    }

    /** Records the validation decision: VALIDATED when accepted, REJECTED otherwise. */
    public void decide(boolean accepted, Instant now) {
        moveTo(accepted ? VideoStatus.VALIDATED : VideoStatus.REJECTED, now);
    }

    /**
     * Moves the video to the status a validation decision gives it (VALIDATED, REJECTED or IN_REVIEW), unless it
     * is there already, so applying a decision twice changes nothing. True when the status changed.
     */
    public boolean settleAs(VideoStatus decided, Instant now) {
        if (decided != VideoStatus.VALIDATED && decided != VideoStatus.REJECTED && decided != VideoStatus.IN_REVIEW) {
            throw new IllegalArgumentException("a decision validates, rejects or asks for review, not " + decided);
        }
        if (status == decided) {
            return false;
        }
        moveTo(decided, now);
        return true;
    }

    public void fail(Failure reason, Instant now) {
        moveTo(VideoStatus.FAILED, now);
        this.failure = Objects.requireNonNull(reason, "reason");
    }

    /** A thumbnail was stored for the video. */
    public void attachThumbnail(Instant now) {
        this.hasThumbnail = true;
        this.updatedAt = Objects.requireNonNull(now, "now");
    }

    /**
     * The upload has the same bytes as {@code original}, which was analysed already: its analysis and
     * embeddings are reused instead of paying a model again.
     */
    public void markDuplicateOf(VideoId original) {
        if (original.equals(id)) {
            throw new IllegalArgumentException("a video cannot duplicate itself");
        }
        this.duplicateOf = original;
    }

    /** Consumers see their own videos in any state and everybody's validated ones; admins see all. */
    public boolean isVisibleTo(Caller caller) {
        return caller.admin() || caller.is(owner) || status == VideoStatus.VALIDATED;
    }

    /**
     * Who may manage the video (complete its upload, re-validate it, read its pipeline history, progress and decisions,
     * follow its events): its owner and admins. Everybody else sees at most what {@link #isVisibleTo} allows.
     */
    public boolean manageableBy(Caller caller) {
        return caller.admin() || caller.is(owner);
    }

    private void moveTo(VideoStatus next, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalVideoTransitionException(id, status, next);
        }
        this.status = next;
        this.updatedAt = Objects.requireNonNull(now, "now");
    }

    public VideoId id() {
        return id;
    }

    public UserId owner() {
        return owner;
    }

    public Title title() {
        return title;
    }

    public Description description() {
        return description;
    }

    public Hashtags hashtags() {
        return hashtags;
    }

    public VideoStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Optional<MediaFacts> media() {
        return Optional.ofNullable(media);
    }

    public Optional<Failure> failure() {
        return Optional.ofNullable(failure);
    }

    public boolean hasThumbnail() {
        return hasThumbnail;
    }

    public Optional<VideoId> duplicateOf() {
        return Optional.ofNullable(duplicateOf);
    }

    /** The stored version this object was read at; storage uses it to refuse lost updates. */
    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Video other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Video[" + id + ", " + status + "]";
    }
}
