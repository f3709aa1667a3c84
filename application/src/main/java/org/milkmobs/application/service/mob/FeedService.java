package org.milkmobs.application.service.mob;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.milkmobs.application.port.Page;
import org.milkmobs.application.port.in.GetVideoUseCase.VideoDetails;
import org.milkmobs.application.port.in.mob.FeedUseCase;
import org.milkmobs.application.port.out.ListVideosPort;
import org.milkmobs.application.port.out.ListVideosPort.FeedEntry;
import org.milkmobs.application.port.out.ListVideosPort.FeedPosition;
import org.milkmobs.application.service.video.VideoDetailsAssembler;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.video.VideoId;

/**
 * The feed. Its cursor carries the snapshot time of the first page, so later pages are cut from the same
 * ordering (no duplicates, no gaps) even while new videos arrive; they show up in the next fresh feed.
 */
public class FeedService implements FeedUseCase {

    private final ListVideosPort videos;
    private final VideoDetailsAssembler details;
    private final int perMobPerRound;
    private final Clock clock;

    public FeedService(ListVideosPort videos, VideoDetailsAssembler details, int perMobPerRound, Clock clock) {
        this.videos = videos;
        this.details = details;
        this.perMobPerRound = perMobPerRound;
        this.clock = clock;
    }

    @Override
    public Page<VideoDetails> feed(Caller caller, Optional<String> cursor, int limit) {
        if (limit < 1 || limit > 100) {
            throw new InvalidValueException("limit", "limit must be between 1 and 100, got " + limit);
        }
        Cursor position = cursor.map(Cursor::decode).orElse(new Cursor(clock.instant(), Optional.empty()));
        List<FeedEntry> entries = videos.feed(position.snapshot(), perMobPerRound, position.after(), limit + 1);
        boolean more = entries.size() > limit;
        List<FeedEntry> page = more ? entries.subList(0, limit) : entries;
        List<VideoDetails> items = details.ofAll(page.stream().map(FeedEntry::video).toList(), caller);
        String next = null;
        if (more) {
            FeedEntry last = page.get(page.size() - 1);
            next = new Cursor(position.snapshot(), Optional.of(new FeedPosition(last.round(), last.video().createdAt(), last.video().id())))
                    .encode();
        }
        return Page.of(items, next);
    }

    record Cursor(Instant snapshot, Optional<FeedPosition> after) {

        String encode() {
            FeedPosition p = after.orElseThrow();
            String text = snapshot.getEpochSecond() + ":" + snapshot.getNano() + ":" + p.round() + ":" + p.createdAt().getEpochSecond()
                    + ":" + p.createdAt().getNano() + ":" + p.id();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
                return new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                        Optional.of(new FeedPosition(Integer.parseInt(parts[2]),
                                Instant.ofEpochSecond(Long.parseLong(parts[3]), Long.parseLong(parts[4])),
                                new VideoId(UUID.fromString(parts[5])))));
            } catch (RuntimeException e) {
                throw new InvalidValueException("cursor", "the cursor is not one this API returned");
            }
        }
    }
}
