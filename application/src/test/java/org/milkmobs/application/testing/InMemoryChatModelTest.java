package org.milkmobs.application.testing;

import org.milkmobs.application.port.out.chat.ChatModel;

class InMemoryChatModelTest extends ChatModelContract {

    private final InMemoryChatModel chat = new InMemoryChatModel();

    @Override
    protected ChatModel chat() {
        return chat;
    }

    @Override
    protected String modelId() {
        return "anthropic.claude-test";
    }
}
