package org.milkmobs.application.service.gateway;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gateway's text models: the name a client sends as {@code model} and the Bedrock model id (or inference
 * profile) it stands for, in configuration order; the output-token allowance when a request names none, and
 * the most a request may ask for.
 */
public record ChatSettings(Map<String, String> models, int defaultMaxTokens, int maxTokensCap) {

    public ChatSettings {
        models = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(models));
        if (defaultMaxTokens < 1 || maxTokensCap < defaultMaxTokens) {
            throw new IllegalArgumentException("0 < default max tokens <= cap, got " + defaultMaxTokens + " and " + maxTokensCap);
        }
    }

    /** {@code name=model-id,name=model-id}; blank: none. */
    public static Map<String, String> parse(String mapping) {
        Map<String, String> models = new LinkedHashMap<>();
        for (String entry : mapping.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals < 1 || equals == entry.strip().length() - 1) {
                throw new IllegalArgumentException("gateway.chat.models takes name=bedrock-model-id pairs, got '" + entry.strip() + "'");
            }
            models.put(entry.substring(0, equals).strip(), entry.substring(equals + 1).strip());
        }
        return models;
    }
}
