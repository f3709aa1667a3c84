package org.milkmobs.domain.events;

import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON an event is sent as, the same on webhooks and on server-sent events (schema {@code Event} in the
 * OpenAPI document): {@code {"id", "sequence", "type", "time", "resource": {"type", "id"}, "data": {...}}}.
 * Written by hand: the domain has no JSON library, and the shape is flat strings.
 */
public final class EventDocument {

    private EventDocument() {
    }

    public static String json(PublishedEvent event) {
        StringBuilder json = new StringBuilder(256);
        json.append("{\"id\":");
        string(json, event.id().toString());
        json.append(",\"sequence\":").append(event.sequence());
        json.append(",\"type\":");
        string(json, event.type());
        json.append(",\"time\":");
        string(json, DateTimeFormatter.ISO_INSTANT.format(event.time()));
        json.append(",\"resource\":{\"type\":");
        string(json, event.resourceType());
        json.append(",\"id\":");
        string(json, event.resourceId());
        json.append("},\"data\":{");
        boolean first = true;
        for (Map.Entry<String, String> field : new TreeMap<>(event.data()).entrySet()) {
            if (field.getValue() == null) {
                continue;
            }
            if (!first) {
                json.append(',');
            }
            first = false;
            string(json, field.getKey());
            json.append(':');
            string(json, field.getValue());
        }
        return json.append("}}").toString();
    }

    private static void string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
