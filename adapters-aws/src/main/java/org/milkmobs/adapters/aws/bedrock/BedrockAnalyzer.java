package org.milkmobs.adapters.aws.bedrock;

import java.time.Clock;
import org.milkmobs.application.port.out.analysis.QueryEmbedder;
import org.milkmobs.application.port.out.chat.ChatModel;
import org.milkmobs.application.port.out.chat.VideoQuestions;
import org.milkmobs.application.port.out.analysis.VideoEmbedder;
import org.milkmobs.application.port.out.analysis.VideoUnderstanding;
import org.milkmobs.application.port.out.storage.BlobStorage;
import org.milkmobs.application.port.out.budget.PaidCallGate;
import org.milkmobs.application.port.out.usage.UsageRecorder;
import org.milkmobs.domain.usage.PriceTable;

/** The {@code bedrock} analyzer: Marengo for embeddings and queries, Pegasus for understanding, sharing clients and metering. */
public final class BedrockAnalyzer {

    private final MarengoVideoEmbedder embedder;
    private final PegasusUnderstanding understanding;
    private final MarengoQueryEmbedder queries;
    private final BedrockChat chat;
    private final PegasusQuestions questions;

    public BedrockAnalyzer(BedrockSettings settings, BedrockClients clients, BlobStorage blobs, BedrockCalls calls, UsageRecorder usage,
                           PaidCallGate budget, PriceTable prices, Clock clock) {
        MeteredCall metered = new MeteredCall(calls, usage, budget, prices, clock);
        MediaSources sources = new MediaSources(settings, blobs, clients.s3());
        AsyncInvocations invocations = new AsyncInvocations(settings, clients.runtime(), clients.s3(), metered);
        this.embedder = new MarengoVideoEmbedder(settings, sources, invocations);
        this.understanding = new PegasusUnderstanding(settings, sources, clients.runtime(), metered);
        this.queries = new MarengoQueryEmbedder(settings, clients.runtime(), invocations, metered, MarengoQueryEmbedder.Sleeper.REAL);
        this.chat = new BedrockChat(clients.runtime(), clients.streaming(), metered);
        this.questions = new PegasusQuestions(settings, sources, clients.runtime(), clients.streaming(), metered);
    }

    public VideoEmbedder embedder() {
        return embedder;
    }

    public VideoUnderstanding understanding() {
        return understanding;
    }

    public QueryEmbedder queries() {
        return queries;
    }

    /** Text models through Converse, for the OpenAI-compatible gateway. */
    public ChatModel chat() {
        return chat;
    }

    /** Pegasus answering questions about stored videos, for the gateway. */
    public VideoQuestions videoQuestions() {
        return questions;
    }
}
