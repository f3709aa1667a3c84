package org.milkmobs.adapters.persistence;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/** String maps to and from the {@code jsonb} columns (job data, event details). */
public final class JsonMaps {

    /** Looked up once: {@code Json.createReader} would search the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private JsonMaps() {
    }

    public static Sql.Json toJson(Map<String, String> map) {
        JsonObjectBuilder builder = JSON.createObjectBuilder();
        map.forEach((key, value) -> {
            if (value == null) {
                builder.addNull(key);
            } else {
                builder.add(key, value);
            }
        });
        return new Sql.Json(builder.build().toString());
    }

    public static Map<String, String> fromJson(String json) {
        Map<String, String> map = new LinkedHashMap<>();
        if (json == null || json.isBlank() || json.equals("{}")) {
            return map;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            object.forEach((key, value) -> map.put(key, value.getValueType() == JsonValue.ValueType.STRING
                    ? ((JsonString) value).getString()
                    : value.getValueType() == JsonValue.ValueType.NULL ? null : value.toString()));
        }
        return map;
    }
}
