package org.milkmobs.application.testing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.milkmobs.application.port.out.events.WebhookSender;

class ScriptedWebhookSenderTest extends WebhookSenderContract {

    private final ScriptedWebhookSender sender = new ScriptedWebhookSender();

    @Override
    protected WebhookSender sender() {
        return sender;
    }

    @Override
    protected URI target(String path, int status) {
        URI uri = URI.create("https://hooks.example.com" + path);
        sender.script(uri, n -> status);
        return uri;
    }

    @Override
    protected String[] lastReceived(String path, String header) {
        ScriptedWebhookSender.Sent last = sender.sent().stream().filter(s -> s.target().getPath().equals(path)).reduce((x, y) -> y).orElseThrow();
        return new String[] {new String(last.body(), StandardCharsets.UTF_8), last.headers().get(header)};
    }
}
