package org.milkmobs.adapters.persistence.video;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The {@code video} row. Only {@link VideoMapper} reads and writes its fields. */
@Entity
@Table(name = "video")
class VideoJpaEntity {

    @Id
    UUID id;

    @Column(name = "owner_id", nullable = false)
    String ownerId;

    @Column(nullable = false)
    String title;

    @Column(nullable = false)
    String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    String[] hashtags;

    @Column(nullable = false)
    String status;

    @Column(name = "failure_code")
    String failureCode;

    @Column(name = "failure_detail")
    String failureDetail;

    String container;

    @Column(name = "video_codec")
    String videoCodec;

    @Column(name = "audio_codec")
    String audioCodec;

    @Column(name = "duration_seconds")
    Double durationSeconds;

    Integer width;

    Integer height;

    @Column(name = "size_bytes")
    Long sizeBytes;

    @Column(name = "content_sha256")
    String contentSha256;

    @Column(name = "has_thumbnail", nullable = false)
    boolean hasThumbnail;

    @Column(name = "duplicate_of")
    UUID duplicateOf;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Version
    long version;

    protected VideoJpaEntity() {
        // for JPA
    }
}
