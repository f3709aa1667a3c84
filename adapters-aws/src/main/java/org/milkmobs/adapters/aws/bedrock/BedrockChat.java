package org.milkmobs.adapters.aws.bedrock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.milkmobs.application.port.out.analysis.AnalysisFailedException;
import org.milkmobs.application.port.out.chat.ChatModel;
import org.milkmobs.domain.usage.ModelOperation;
import org.milkmobs.domain.usage.PricedUnit;
import org.milkmobs.domain.usage.UsageRecord.Subject;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/**
 * Text models through Bedrock's model-agnostic Converse API, and ConverseStream for answers streamed as the model
 * writes them. The call is metered as every Bedrock call: the prompt's estimated tokens and the whole output
 * allowance are reserved, and the usage Bedrock reports (input and output tokens) is what is settled.
 */
public final class BedrockChat implements ChatModel {

    private final BedrockRuntimeClient runtime;
    private final BedrockRuntimeAsyncClient streaming;
    private final MeteredCall calls;

    BedrockChat(BedrockRuntimeClient runtime, BedrockRuntimeAsyncClient streaming, MeteredCall calls) {
        this.runtime = runtime;
        this.streaming = streaming;
        this.calls = calls;
    }

    @Override
    public ChatAnswer converse(ChatRequest request, Subject subject) {
        MeteredCall.Invocation invocation = invocation(request, subject);
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

    /**
     * ConverseStream: each text delta goes to {@code onText} as it arrives (on the SDK's event thread). A failure
     * before any text was handed over is retried like any call; one after it is not ({@link StreamedCalls#await}).
     */
    @Override
    public ChatAnswer converseStreaming(ChatRequest request, Subject subject, Consumer<String> onText) {
        AtomicBoolean spoken = new AtomicBoolean();
        try {
            return calls.invoke(invocation(request, subject), () -> streamOnce(request, onText, spoken), ChatAnswer::outputTokens,
                    a -> Map.of(PricedUnit.INPUT_TOKEN, (double) a.inputTokens()));
        } catch (BedrockCallException e) {
            throw new AnalysisFailedException(request.modelId() + " refused the conversation: " + e.getMessage(),
                    e instanceof BedrockCallException.Permanent, e.code(), e);
        } catch (FaultToleranceException e) {
            throw new AnalysisFailedException(request.modelId() + " is not answering now: " + e.getMessage(), false, e);
        }
    }

    private ChatAnswer streamOnce(ChatRequest request, Consumer<String> onText, AtomicBoolean spoken) {
        StringBuilder text = new StringBuilder();
        StopReason[] stop = {StopReason.END_TURN};
        long[] tokens = {0, 0};
        ConverseStreamResponseHandler handler = ConverseStreamResponseHandler.builder()
                .subscriber(ConverseStreamResponseHandler.Visitor.builder()
                        .onContentBlockDelta(event -> {
                            String piece = event.delta() == null ? null : event.delta().text();
                            if (piece != null && !piece.isEmpty()) {
                                spoken.set(true);
                                text.append(piece);
                                onText.accept(piece);
                            }
                        })
                        .onMessageStop(event -> stop[0] = event.stopReason())
                        .onMetadata(event -> {
                            if (event.usage() != null) {
                                tokens[0] = event.usage().inputTokens() == null ? 0 : event.usage().inputTokens();
                                tokens[1] = event.usage().outputTokens() == null ? 0 : event.usage().outputTokens();
                            }
                        })
                        .build())
                .build();
        StreamedCalls.await(streaming.converseStream(streamRequest(converseRequest(request)), handler), spoken);
        return new ChatAnswer(text.toString(), finish(stop[0]), tokens[0], tokens[1]);
    }

    private static ConverseStreamRequest streamRequest(ConverseRequest converse) {
        return ConverseStreamRequest.builder().modelId(converse.modelId()).messages(converse.messages())
                .inferenceConfig(converse.inferenceConfig()).system(converse.hasSystem() ? converse.system() : null).build();
    }

    private static MeteredCall.Invocation invocation(ChatRequest request, Subject subject) {
        long promptTokens = request.messages().stream().mapToLong(m -> MarengoQueryEmbedder.estimatedTokens(m.text())).sum();
        return new MeteredCall.Invocation(request.modelId(), ModelOperation.CHAT, subject,
                Map.of(PricedUnit.INPUT_TOKEN, (double) promptTokens), Optional.empty(), request.maxTokens());
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
        FinishReason finish = finish(response.stopReason());
        long input = response.usage() == null || response.usage().inputTokens() == null ? 0 : response.usage().inputTokens();
        long output = response.usage() == null || response.usage().outputTokens() == null ? 0 : response.usage().outputTokens();
        return new ChatAnswer(text.toString(), finish, input, output);
    }

    private static FinishReason finish(StopReason stop) {
        return stop == StopReason.MAX_TOKENS ? FinishReason.LENGTH
                : stop == StopReason.CONTENT_FILTERED || stop == StopReason.GUARDRAIL_INTERVENED ? FinishReason.CONTENT_FILTER : FinishReason.STOP;
    }
}
