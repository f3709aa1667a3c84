package org.milkmobs.adapters.rest.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.milkmobs.adapters.rest.problem.InvalidRequestException;
import org.milkmobs.adapters.rest.problem.RequestFields;
import org.milkmobs.adapters.rest.support.QueryParams;
import org.milkmobs.application.port.in.search.SearchOptions;
import org.milkmobs.domain.InvalidValueException;
import org.milkmobs.domain.embedding.Modality;
import org.milkmobs.domain.embedding.ModalityWeights;
import org.milkmobs.domain.embedding.Segment;
import org.milkmobs.domain.mob.MobId;
import org.milkmobs.domain.search.GroupBy;
import org.milkmobs.domain.search.SearchFilters;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.video.Hashtags;
import org.milkmobs.domain.video.VideoStatus;

/**
 * The options every search takes, from wherever a request carries them: query parameters, multipart
 * fields, or a typed JSON body ({@link SearchRequests}, bound and shape-checked by JSON-B before it gets here).
 * Query parameters and multipart fields are text, and a typed body's values are given as the same texts, so the
 * values' rules (a mob id, a date, a limit's range) live in one place. A name it does not know is an error rather
 * than silently ignored: a misspelt filter must not widen a search (a JSON body's records are closed likewise).
 */
final class SearchFields {

    static final List<String> FILTERS = List.of("mob", "owner", "hashtags", "createdFrom", "createdTo", "status");
    static final List<String> PAGING = List.of("threshold", "groupBy", "limit", "cursor");

    private final Map<String, List<String>> values;

    private SearchFields(Map<String, List<String>> values) {
        this.values = values;
    }

    /** Query parameters or multipart text fields; {@code own} are the endpoint's other known names. */
    static SearchFields of(Map<String, List<String>> fields, Set<String> own) {
        rejectUnknown(fields.keySet(), union(own, PAGING, FILTERS), "");
        return new SearchFields(fields);
    }

    /** A typed JSON body's filters and paging, as the texts the query parameters would carry. */
    static SearchFields of(SearchRequests.Paged body) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        put(values, "threshold", body.threshold());
        put(values, "groupBy", body.groupBy());
        put(values, "limit", body.limit());
        put(values, "cursor", body.cursor());
        SearchRequests.Filters filters = body.filters();
        if (filters != null) {
            put(values, "mob", filters.mob());
            put(values, "owner", filters.owner());
            putAll(values, "hashtags", filters.hashtags());
            put(values, "createdFrom", filters.createdFrom());
            put(values, "createdTo", filters.createdTo());
            putAll(values, "status", filters.status());
        }
        return new SearchFields(values);
    }

    private static void put(Map<String, List<String>> values, String name, Object value) {
        if (value != null) {
            values.put(name, List.of(String.valueOf(value)));
        }
    }

    private static void putAll(Map<String, List<String>> values, String name, List<String> items) {
        if (items != null) {
            values.put(name, items.stream().filter(java.util.Objects::nonNull).toList());
        }
    }

    private static Set<String> union(Set<String> own, List<String> more, List<String> andMore) {
        Set<String> all = new TreeSet<>(own);
        all.addAll(more);
        all.addAll(andMore);
        return all;
    }

    private static void rejectUnknown(Set<String> names, Set<String> known, String prefix) {
        List<String> unknown = names.stream().filter(n -> !known.contains(n)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException(prefix + unknown.get(0), "unknown " + (unknown.size() == 1 ? "parameter " : "parameters ")
                    + unknown.stream().map(n -> "'" + prefix + n + "'").toList() + "; known: " + known);
        }
    }

    /** The fields as given, without the cursor: what a follow-up request (a poll) repeats. */
    Map<String, List<String>> parameters() {
        Map<String, List<String>> parameters = new LinkedHashMap<>(values);
        parameters.remove("cursor");
        return parameters;
    }

    Optional<String> text(String name) {
        List<String> list = values.getOrDefault(name, List.of());
        if (list.size() > 1) {
            throw new InvalidRequestException(name, name + " is given more than once");
        }
        return list.isEmpty() ? Optional.empty() : QueryParams.text(list.get(0));
    }

    /** {@code true} or {@code false}; absent is false. */
    boolean flag(String name) {
        return text(name).map(value -> switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidRequestException(name, name + " must be true or false");
        }).orElse(false);
    }

    /** A list given as repeated values, a comma-separated text, or a JSON array. */
    List<String> list(String name) {
        List<String> items = new ArrayList<>();
        values.getOrDefault(name, List.of()).forEach(v -> {
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    items.add(part.strip());
                }
            }
        });
        return items;
    }

    SearchOptions options(Caller caller) {
        RequestFields fields = new RequestFields();
        Optional<MobId> mob = fields.read(() -> text("mob").map(MobId::parse));
        Optional<UserId> owner = fields.read(() -> text("owner").map(UserId::new));
        Hashtags hashtags = fields.read(() -> new Hashtags(list("hashtags")));
        var from = fields.read(() -> QueryParams.instant("createdFrom", text("createdFrom").orElse(null)));
        var to = fields.read(() -> QueryParams.instant("createdTo", text("createdTo").orElse(null)));
        Set<VideoStatus> statuses = fields.read(() -> QueryParams.setOf("status", String.join(",", list("status")), VideoStatus.class));
        Double threshold = fields.read(() -> threshold(text("threshold")));
        GroupBy groupBy = fields.read(() -> QueryParams.oneOf("groupBy", text("groupBy").orElse(null), GroupBy.class).orElse(GroupBy.VIDEO));
        Integer limit = fields.read(() -> QueryParams.limit(text("limit").orElse(null), SearchOptions.DEFAULT_LIMIT,
                SearchOptions.MAX_LIMIT));
        fields.check();
        SearchFilters filters = fields.read(() -> new SearchFilters(mob, owner, hashtags, from, to, statuses));
        Optional<ModalityWeights> weights = fields.read(this::weights);
        fields.check();
        return new SearchOptions(caller, filters, threshold, groupBy, limit, text("cursor"), weights);
    }

    /** {@code weights=visual:0.8,audio:0.2}: how much each modality counts for similar videos, this time. */
    private Optional<ModalityWeights> weights() {
        List<String> pairs = list("weights");
        if (pairs.isEmpty()) {
            return Optional.empty();
        }
        Map<Modality, Double> weights = new java.util.EnumMap<>(Modality.class);
        for (String pair : pairs) {
            String[] parts = pair.split(":", -1);
            Optional<Modality> modality = parts.length != 2 ? Optional.empty() : java.util.Arrays.stream(WEIGHABLE)
                    .filter(m -> m.name().equalsIgnoreCase(parts[0].strip())).findFirst();
            double weight = parts.length != 2 ? Double.NaN : parseOrNaN(parts[1].strip());
            if (modality.isEmpty() || !(weight >= 0 && weight <= 1) || weights.put(modality.get(), weight) != null) {
                throw new InvalidValueException("weights", "weights are modality:weight pairs, each modality (visual, audio,"
                        + " transcription) once with a weight from 0 to 1, as in visual:0.8,audio:0.2; got '" + pair + "'");
            }
        }
        if (weights.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            throw new InvalidValueException("weights", "at least one modality needs a weight above 0");
        }
        return Optional.of(new ModalityWeights(weights));
    }

    private static final Modality[] WEIGHABLE = {Modality.VISUAL, Modality.AUDIO, Modality.TRANSCRIPTION};

    private static double parseOrNaN(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A moment {@code start}..{@code end} in seconds, when both are given; one without the other is refused. */
    Optional<Segment> moment() {
        Optional<String> start = text("start");
        Optional<String> end = text("end");
        if (start.isEmpty() && end.isEmpty()) {
            return Optional.empty();
        }
        if (start.isEmpty() || end.isEmpty()) {
            String missing = start.isEmpty() ? "start" : "end";
            throw new InvalidValueException(missing, "a moment needs both start and end (seconds); " + missing + " is missing");
        }
        double from = seconds("start", start.get());
        double to = seconds("end", end.get());
        if (to < from) {
            throw new InvalidValueException("end", "end (" + end.get() + ") must not lie before start (" + start.get() + ")");
        }
        return Optional.of(new Segment(from, to));
    }

    private static double seconds(String name, String text) {
        try {
            double value = Double.parseDouble(text);
            if (value >= 0 && value <= 86_400) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below, with the value
        }
        throw new InvalidValueException(name, name + " must be a number of seconds from 0 to 86400, got '" + text + "'");
    }

    private static double threshold(Optional<String> text) {
        if (text.isEmpty()) {
            return SearchOptions.DEFAULT_THRESHOLD;
        }
        try {
            double value = Double.parseDouble(text.get());
            if (!(value >= 0 && value <= 1)) {
                throw new InvalidValueException("threshold", "threshold must be a number from 0 to 1, got " + text.get());
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidValueException("threshold", "threshold must be a number from 0 to 1, got '" + text.get() + "'");
        }
    }
}
