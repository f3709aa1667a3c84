package org.milkmobs.application.service.duplicate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.milkmobs.application.port.Page;
import org.milkmobs.application.port.in.duplicate.NearDuplicatesUseCase;
import org.milkmobs.application.port.out.ListVideosPort;
import org.milkmobs.application.port.out.duplicate.NearDuplicateStore;
import org.milkmobs.application.port.out.duplicate.NearDuplicateStore.Listed;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;

/** Pages through the recorded pairs, reading both videos of a page in one call. */
public class NearDuplicatesService implements NearDuplicatesUseCase {

    private static final String CURSOR_PREFIX = "nd:";

    private final NearDuplicateStore pairs;
    private final ListVideosPort videos;

    public NearDuplicatesService(NearDuplicateStore pairs, ListVideosPort videos) {
        this.pairs = pairs;
        this.videos = videos;
    }

    @Override
    public Page<ReviewedPair> list(Optional<String> cursor, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidValueException("limit", "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        List<Listed> found = pairs.list(cursor.map(NearDuplicatesService::decode), limit + 1);
        boolean more = found.size() > limit;
        List<Listed> page = more ? found.subList(0, limit) : found;
        Map<VideoId, Video> byId = videos.findVideos(page.stream()
                        .flatMap(l -> Stream.of(l.pair().copy(), l.pair().original())).distinct().toList())
                .stream().collect(Collectors.toMap(Video::id, Function.identity()));
        List<ReviewedPair> items = new ArrayList<>();
        for (Listed listed : page) {
            Video copy = byId.get(listed.pair().copy());
            Video original = byId.get(listed.pair().original());
            if (copy != null && original != null) {
                items.add(new ReviewedPair(listed.pair(), copy, original));
            }
        }
        return Page.of(items, more ? encode(page.get(page.size() - 1).position()) : null);
    }

    static String encode(long position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_PREFIX + position).getBytes(StandardCharsets.UTF_8));
    }

    static long decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(CURSOR_PREFIX)) {
                throw new IllegalArgumentException(text);
            }
            return Long.parseLong(text.substring(CURSOR_PREFIX.length()));
        } catch (RuntimeException e) {
            throw new InvalidValueException("cursor", "the cursor is not one this list returned");
        }
    }
}
