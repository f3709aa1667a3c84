package org.milkmobs.application.service.video;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.milkmobs.application.port.Page;
import org.milkmobs.application.port.in.ForbiddenException;
import org.milkmobs.application.port.in.GetVideoUseCase.VideoDetails;
import org.milkmobs.application.port.in.video.ListVideosUseCase;
import org.milkmobs.application.port.out.ListVideosPort;
import org.milkmobs.application.port.out.ListVideosPort.Position;
import org.milkmobs.application.port.out.ListVideosPort.VideoFilter;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

/** Newest-first listings with keyset cursors: a page never repeats or skips a video while others are added. */
public class ListVideosService implements ListVideosUseCase {

    private final ListVideosPort videos;
    private final VideoDetailsAssembler details;

    public ListVideosService(ListVideosPort videos, VideoDetailsAssembler details) {
        this.videos = videos;
        this.details = details;
    }

    @Override
    public Page<VideoDetails> list(ListVideosQuery query) {
        Optional<UserId> owner = query.owner();
        if (!query.caller().admin()) {
            if (owner.isPresent() && !query.caller().is(owner.get())) {
                throw new ForbiddenException("a consumer may list only their own videos");
            }
            owner = Optional.of(query.caller().userId());
        }
        VideoFilter filter = new VideoFilter(owner, query.statuses(), query.createdFrom(), query.createdTo());
        List<Video> found = videos.listVideos(filter, query.cursor().map(ListVideosService::decode), query.limit() + 1);
        boolean more = found.size() > query.limit();
        List<Video> page = more ? found.subList(0, query.limit()) : found;
        List<VideoDetails> items = details.ofAll(page, query.caller());
        return Page.of(items, more ? encode(page.get(page.size() - 1)) : null);
    }

    static String encode(Video last) {
        String position = last.createdAt().getEpochSecond() + ":" + last.createdAt().getNano() + ":" + last.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static Position decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.UTF_8).split(":");
            return new Position(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    new VideoId(UUID.fromString(parts[2])));
        } catch (RuntimeException e) {
            throw new InvalidValueException("cursor", "the cursor is not one this API returned");
        }
    }
}
