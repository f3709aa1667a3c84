package org.milkmobs.domain.search;

import java.util.List;
import java.util.Objects;

/**
 * The stretch of a video's text that matched a query: which field ({@code ocr} or {@code summary}), the
 * text, and the matched words as [start, end) character offsets into it. Plain text with offsets, not
 * markup, so no client ever renders untrusted HTML.
 */
public record Snippet(String field, String text, List<Highlight> highlights) {

    public Snippet {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(text, "text");
        highlights = List.copyOf(highlights);
        for (Highlight h : highlights) {
            if (h.end() > text.length()) {
                throw new IllegalArgumentException("a highlight ends after the snippet's text");
            }
        }
    }

    /**
     * Parses text in which the matched words are wrapped in {@code start}/{@code stop} markers (as PostgreSQL's
     * ts_headline writes them) into plain text and offsets.
     */
    public static Snippet fromMarked(String field, String marked, String start, String stop) {
        StringBuilder text = new StringBuilder();
        List<Highlight> highlights = new java.util.ArrayList<>();
        int at = 0;
        while (at < marked.length()) {
            int open = marked.indexOf(start, at);
            if (open < 0) {
                text.append(marked, at, marked.length());
                break;
            }
            int close = marked.indexOf(stop, open + start.length());
            if (close < 0) {
                text.append(marked, at, marked.length());
                break;
            }
            text.append(marked, at, open);
            int from = text.length();
            text.append(marked, open + start.length(), close);
            highlights.add(new Highlight(from, text.length()));
            at = close + stop.length();
        }
        return new Snippet(field, text.toString().replace(start, "").replace(stop, ""), highlights);
    }

    /** A matched stretch, as [start, end) offsets in characters (UTF-16 units, as JavaScript counts them). */
    public record Highlight(int start, int end) {
        public Highlight {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("a highlight needs 0 <= start <= end");
            }
        }
    }
}
