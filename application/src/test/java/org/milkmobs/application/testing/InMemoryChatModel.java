package org.milkmobs.application.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.milkmobs.application.port.out.analysis.AnalysisFailedException;
import org.milkmobs.application.port.out.chat.ChatModel;
import org.milkmobs.domain.usage.UsageRecord.Subject;

/**
 * A text model in memory that answers as the Bedrock double's Converse does: "You said: " and the last user
 * message, a token per word, cut at the allowance; a conversation must start with the user.
 */
public final class InMemoryChatModel implements ChatModel {

    public final AtomicInteger calls = new AtomicInteger();
    public final List<Subject> subjects = java.util.Collections.synchronizedList(new ArrayList<>());

    @Override
    public ChatAnswer converse(ChatRequest request, Subject subject) {
        List<ChatMessage> turns = request.messages().stream().filter(m -> m.role() != Role.SYSTEM).toList();
        if (turns.isEmpty() || turns.get(0).role() != Role.USER) {
            throw new AnalysisFailedException("A conversation must start with a user message.", true, "ValidationException", null);
        }
        calls.incrementAndGet();
        subjects.add(subject);
        long input = request.messages().stream().mapToLong(m -> m.text().trim().split("\\s+").length).sum();
        String lastUser = turns.stream().filter(m -> m.role() == Role.USER).reduce((a, b) -> b).orElseThrow().text().trim();
        List<String> reply = List.of(("You said: " + lastUser).split("\\s+"));
        boolean cut = reply.size() > request.maxTokens();
        List<String> spoken = cut ? reply.subList(0, request.maxTokens()) : reply;
        return new ChatAnswer(String.join(" ", spoken), cut ? FinishReason.LENGTH : FinishReason.STOP, input, spoken.size());
    }
}
