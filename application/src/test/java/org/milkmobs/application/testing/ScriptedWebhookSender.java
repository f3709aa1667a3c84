package org.milkmobs.application.testing;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import org.milkmobs.application.port.out.events.WebhookSender;

/** The webhook sender's twin: each URL answers as scripted for its n-th request (-1: no answer in time); requests are kept. */
public class ScriptedWebhookSender implements WebhookSender {

    public record Sent(URI target, Map<String, String> headers, byte[] body) {
    }

    private final Map<URI, IntFunction<Integer>> scripts = new ConcurrentHashMap<>();
    private final List<Sent> sent = new ArrayList<>();

    public void script(URI target, IntFunction<Integer> answer) {
        scripts.put(target, answer);
    }

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    @Override
    public synchronized Response post(URI target, Map<String, String> headers, byte[] body, Duration timeout) {
        sent.add(new Sent(target, Map.copyOf(headers), body.clone()));
        int n = (int) sent.stream().filter(s -> s.target().equals(target)).count();
        int status = scripts.getOrDefault(target, i -> 204).apply(n);
        if (status < 0) {
            return new Response(null, timeout.toMillis(), "no answer within " + timeout.toMillis() + " ms");
        }
        return new Response(status, 3, status >= 200 && status < 300 ? null : "the target answered HTTP " + status);
    }
}
