package org.milkmobs.bootstrap.config;

import java.util.Map;
import org.milkmobs.application.service.gateway.ChatSettings;

/**
 * {@code gateway.chat.models}: client name = Bedrock model id, comma-separated (empty: no chat). The gateway
 * serves these models and the Bedrock configuration prices them; the setting is read here so that neither of
 * those packages depends on the other (bootstrap builds the gateway, which would close a package cycle).
 */
public final class ChatModelsSetting {

    private ChatModelsSetting() {
    }

    public static Map<String, String> read(Settings settings) {
        return ChatSettings.parse(settings.optionalText("gateway.chat.models").orElse(""));
    }
}
