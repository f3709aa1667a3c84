package org.milkmobs.application.service.search;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.milkmobs.application.port.in.search.SearchOptions;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.search.SearchFilters;
import org.milkmobs.domain.search.SearchHit.RankKey;
import org.milkmobs.domain.search.Visibility;
import org.milkmobs.domain.video.VideoId;

/**
 * A search's cursor: the last result's rank key, and a fingerprint of the search it belongs to, so a cursor
 * handed to a different query (or filters, threshold, grouping, caller) is refused instead of paging
 * through the wrong results. Scores travel as their exact bits, so the keyset comparison is exact.
 */
final class SearchCursor {

    private static final byte VERSION = 1;
    private static final int LENGTH = 1 + 8 + 8 + 8 + 16 + 8;

    private SearchCursor() {
    }

    static String encode(long fingerprint, RankKey key) {
        ByteBuffer bytes = ByteBuffer.allocate(LENGTH).put(VERSION).putLong(fingerprint).putDouble(key.score())
                .putLong(key.video().value().getMostSignificantBits()).putLong(key.video().value().getLeastSignificantBits())
                .putDouble(key.clipStart());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    static Optional<RankKey> decode(Optional<String> cursor, long fingerprint) {
        if (cursor.isEmpty()) {
            return Optional.empty();
        }
        ByteBuffer bytes;
        try {
            byte[] raw = Base64.getUrlDecoder().decode(cursor.get());
            if (raw.length != LENGTH || raw[0] != VERSION) {
                throw invalid();
            }
            bytes = ByteBuffer.wrap(raw, 1, LENGTH - 1);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (bytes.getLong() != fingerprint) {
            throw new InvalidValueException("cursor", "the cursor belongs to a different search (query, filters, threshold or groupBy)");
        }
        double score = bytes.getDouble();
        VideoId video = new VideoId(new UUID(bytes.getLong(), bytes.getLong()));
        double clipStart = bytes.getDouble();
        if (!Double.isFinite(score) || !Double.isFinite(clipStart)) {
            throw invalid();
        }
        return Optional.of(new RankKey(score, video, clipStart));
    }

    private static InvalidValueException invalid() {
        return new InvalidValueException("cursor", "the cursor is not one this API returned");
    }

    /**
     * Identifies a search for its cursors: what is searched, how, and for whom. Built from a canonical text
     * (sorted sets), so it is the same on every instance and after restarts.
     */
    static long fingerprint(String kind, String query, SearchOptions options) {
        SearchFilters f = options.filters();
        String canonical = String.join("\n", kind, query, Double.toString(options.threshold()), options.groupBy().name(),
                Visibility.of(options.caller()).toString(), f.mob().map(Object::toString).orElse(""), f.owner().map(o -> o.value()).orElse(""),
                String.join(",", f.hashtags().values().stream().sorted().toList()), f.createdFrom().map(Object::toString).orElse(""),
                f.createdTo().map(Object::toString).orElse(""), f.statuses().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                options.weights().map(w -> new java.util.TreeMap<>(w.weights()).toString()).orElse(""));
        return Long.parseUnsignedLong(QueryVectors.sha256(canonical.getBytes(StandardCharsets.UTF_8)).substring(0, 16), 16);
    }
}
