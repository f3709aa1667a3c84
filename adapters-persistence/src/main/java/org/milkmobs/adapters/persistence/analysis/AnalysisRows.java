package org.milkmobs.adapters.persistence.analysis;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalDouble;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.domain.analysis.Analysis;
import org.milkmobs.domain.analysis.AudioHints;
import org.milkmobs.domain.analysis.Highlight;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.video.VideoId;

/**
 * An {@code analysis} row read into an {@link Analysis}, wherever a statement selects {@link #COLUMNS} (the analysis
 * store, and the read model that joins it to the video, ADR 0029).
 */
public final class AnalysisRows {

    /** The columns {@link #read} needs, qualified by the table's alias {@code a}. */
    public static final String COLUMNS = "a.analyzer, a.participation_score, a.ocr_text, a.summary, a.highlights::text AS highlights,"
            + " a.audio_silent, a.speech_likely, a.music_likely, a.analyzed_at, a.look";

    private static final JsonProvider JSON = JsonProvider.provider();

    private AnalysisRows() {
    }

    /** The analysis of {@code video} in this row, or null when the row has none (an outer join found no analysis). */
    public static Analysis read(ResultSet row, VideoId video) throws SQLException {
        String analyzer = row.getString("analyzer");
        if (analyzer == null) {
            return null;
        }
        double score = row.getDouble("participation_score");
        OptionalDouble participation = row.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(score);
        return new Analysis(video, analyzer, participation, row.getString("ocr_text"), row.getString("summary"),
                highlights(row.getString("highlights")),
                new AudioHints(row.getBoolean("audio_silent"), row.getBoolean("speech_likely"), row.getBoolean("music_likely")),
                Sql.instant(row, "analyzed_at"), List.of((String[]) row.getArray("look").getArray()));
    }

    private static List<Highlight> highlights(String json) {
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonArray array = reader.readArray();
            return array.getValuesAs(JsonObject.class).stream()
                    .map(h -> new Highlight(new Segment(h.getJsonNumber("start").doubleValue(), h.getJsonNumber("end").doubleValue()),
                            h.getString("description", "")))
                    .toList();
        }
    }
}
