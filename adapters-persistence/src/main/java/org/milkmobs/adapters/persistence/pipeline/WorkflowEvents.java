package org.milkmobs.adapters.persistence.pipeline;

import java.time.Instant;
import java.util.Map;
import org.milkmobs.adapters.persistence.JsonMaps;
import org.milkmobs.adapters.persistence.Sql;
import org.milkmobs.domain.pipeline.HistoryEventType;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.video.VideoId;

/**
 * The one writer of {@code workflow_event}, the history the admin API reads. Most events are written in the
 * statement that changes the job (a CTE's rows logged by an {@code INSERT ... SELECT}), so the event and the
 * change commit or fail together and a stale worker's write, which changes no row, logs nothing; the rest are
 * single events. Either way the columns and the type names are spelt here only.
 */
final class WorkflowEvents {

    private static final String INSERT = "INSERT INTO workflow_event (video_id, at, type, step, attempt, details) ";

    /** The column's default, spelt out: an INSERT ... SELECT names every column it writes. */
    private static final String NO_DETAILS = "'{}'::jsonb";

    private WorkflowEvents() {
    }

    /** Writes one event; {@code step} may be null (an execution's event). */
    static void record(Sql sql, VideoId video, HistoryEventType type, PipelineStep step, Map<String, String> details,
                       Instant at) {
        sql.update(INSERT + "VALUES (?, ?, ?, ?, NULL, ?)", video.value(), at, type.name(),
                step == null ? null : step.wireName(), JsonMaps.toJson(details));
    }

    /**
     * An {@code INSERT ... SELECT} that logs one event of {@code type} for each row of the CTE {@code rows}
     * (columns {@code video_id}, {@code step} and, unless {@link EachRow#withoutAttempt()}, {@code attempt}).
     * Its parameters, in order: the event time, then those of the details expression.
     */
    static EachRow eachRowOf(String rows, HistoryEventType type) {
        return new EachRow(rows, type, "attempt", NO_DETAILS, "");
    }

    /** The statement {@link #eachRowOf} builds; its text is the SQL. */
    record EachRow(String rows, HistoryEventType type, String attempt, String details, String order) {

        /** Rows that have no attempt yet (a job just scheduled). */
        EachRow withoutAttempt() {
            return new EachRow(rows, type, "NULL", details, order);
        }

        /** A {@code jsonb} expression over the rows' columns and the statement's parameters. */
        EachRow withDetails(String jsonExpression) {
            return new EachRow(rows, type, attempt, jsonExpression, order);
        }

        /** Events numbered in this order ({@code seq}), for a statement that logs several. */
        EachRow orderedBy(String column) {
            return new EachRow(rows, type, attempt, details, " ORDER BY " + column);
        }

        @Override
        public String toString() {
            return INSERT + "SELECT video_id, ?, '" + type.name() + "', step, " + attempt + ", " + details
                    + " FROM " + rows + order;
        }
    }
}
