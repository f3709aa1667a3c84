package org.milkmobs.adapters.aws.bedrock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.milkmobs.application.port.out.analysis.AnalysisFailedException;
import org.milkmobs.application.port.out.chat.ChatModel;
import org.milkmobs.domain.usage.ModelOperation;
import org.milkmobs.domain.usage.PricedUnit;
import org.milkmobs.domain.usage.UsageRecord.Subject;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/**
 * Text models through Bedrock's model-agnostic Converse API. The call is metered as every Bedrock call: the
 * prompt's estimated tokens and the whole output allowance are reserved, and the usage Bedrock reports
 * (input and output tokens) is what is settled.
 */
public final class BedrockChat implements ChatModel {

    private final BedrockRuntimeClient runtime;
    private final MeteredCall calls;

    BedrockChat(BedrockRuntimeClient runtime, MeteredCall calls) {
        this.runtime = runtime;
        this.calls = calls;
    }

    @Override
    public ChatAnswer converse(ChatRequest request, Subject subject) {
        long promptTokens = request.messages().stream().mapToLong(m -> MarengoQueryEmbedder.estimatedTokens(m.text())).sum();
        MeteredCall.Invocation invocation = new MeteredCall.Invocation(request.modelId(), ModelOperation.CHAT, subject,
                Map.of(PricedUnit.INPUT_TOKEN, (double) promptTokens), Optional.empty(), request.maxTokens());
        ConverseResponse response;
        try {
            response = calls.invoke(invocation, () -> runtime.converse(converseRequest(request)),
                    r -> r.usage() == null || r.usage().outputTokens() == null ? 0 : r.usage().outputTokens(),
                    r -> r.usage() == null || r.usage().inputTokens() == null ? Map.of()
                            : Map.of(PricedUnit.INPUT_TOKEN, (double) r.usage().inputTokens()));
        } catch (BedrockCallException e) {
            throw new AnalysisFailedException(request.modelId() + " refused the conversation: " + e.getMessage(),
                    e instanceof BedrockCallException.Permanent, e.code(), e);
        } catch (FaultToleranceException e) {
            throw new AnalysisFailedException(request.modelId() + " is not answering now: " + e.getMessage(), false, e);
        }
        return answer(response);
    }

    static ConverseRequest converseRequest(ChatRequest request) {
        List<Message> messages = new ArrayList<>();
        List<SystemContentBlock> system = new ArrayList<>();
        for (ChatMessage message : request.messages()) {
            switch (message.role()) {
                case SYSTEM -> system.add(SystemContentBlock.fromText(message.text()));
                case USER -> messages.add(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(message.text())).build());
                case ASSISTANT -> messages.add(Message.builder().role(ConversationRole.ASSISTANT)
                        .content(ContentBlock.fromText(message.text())).build());
            }
        }
        InferenceConfiguration.Builder inference = InferenceConfiguration.builder().maxTokens(request.maxTokens());
        request.temperature().ifPresent(t -> inference.temperature(t.floatValue()));
        request.topP().ifPresent(p -> inference.topP(p.floatValue()));
        if (!request.stop().isEmpty()) {
            inference.stopSequences(request.stop());
        }
        ConverseRequest.Builder converse = ConverseRequest.builder().modelId(request.modelId()).messages(messages)
                .inferenceConfig(inference.build());
        if (!system.isEmpty()) {
            converse.system(system);
        }
        return converse.build();
    }

    private static ChatAnswer answer(ConverseResponse response) {
        StringBuilder text = new StringBuilder();
        if (response.output() != null && response.output().message() != null) {
            response.output().message().content().stream().filter(block -> block.text() != null).forEach(block -> text.append(block.text()));
        }
        FinishReason finish = response.stopReason() == StopReason.MAX_TOKENS ? FinishReason.LENGTH
                : response.stopReason() == StopReason.CONTENT_FILTERED || response.stopReason() == StopReason.GUARDRAIL_INTERVENED
                ? FinishReason.CONTENT_FILTER : FinishReason.STOP;
        long input = response.usage() == null || response.usage().inputTokens() == null ? 0 : response.usage().inputTokens();
        long output = response.usage() == null || response.usage().outputTokens() == null ? 0 : response.usage().outputTokens();
        return new ChatAnswer(text.toString(), finish, input, output);
    }
}
