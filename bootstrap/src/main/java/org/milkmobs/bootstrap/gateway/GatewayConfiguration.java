package org.milkmobs.bootstrap.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.milkmobs.adapters.http.HttpsImageFetcher;
import org.milkmobs.adapters.http.TrustStores;
import org.milkmobs.application.port.in.gateway.ApiKeysUseCase;
import org.milkmobs.adapters.media.ffmpeg.FfmpegTools;
import org.milkmobs.adapters.media.ffmpeg.FfprobeAudioClipProber;
import org.milkmobs.application.port.in.gateway.GatewayUseCase;
import org.milkmobs.application.port.in.gateway.UploadEmbeddingsUseCase;
import org.milkmobs.application.port.out.ListVideosPort;
import org.milkmobs.application.port.out.analysis.VideoEmbedder;
import org.milkmobs.application.port.out.gateway.VideoEmbeddingJobs;
import org.milkmobs.application.port.out.media.MediaProber;
import org.milkmobs.application.port.out.storage.BlobStorage;
import org.milkmobs.application.service.gateway.UploadEmbeddingsService;
import org.milkmobs.application.port.out.Transactions;
import org.milkmobs.application.port.out.analysis.QueryEmbedder;
import org.milkmobs.application.port.out.apikey.ApiKeyStore;
import org.milkmobs.application.port.out.LoadVideoPort;
import org.milkmobs.application.port.out.chat.ChatModel;
import org.milkmobs.application.port.out.chat.VideoQuestions;
import org.milkmobs.application.port.out.embedding.EmbeddingStore;
import org.milkmobs.application.port.out.gateway.RemoteImages;
import org.milkmobs.application.port.out.events.AddressResolver;
import org.milkmobs.application.port.out.media.AudioClipProber;
import org.milkmobs.application.port.out.search.QueryEmbeddingCache;
import org.milkmobs.application.service.gateway.ApiKeysService;
import org.milkmobs.application.service.gateway.ChatSettings;
import org.milkmobs.application.service.gateway.GatewayService;
import org.milkmobs.application.service.search.QueryVectors;
import org.milkmobs.bootstrap.TransactionalUseCases;
import org.milkmobs.bootstrap.config.ChatModelsSetting;
import org.milkmobs.bootstrap.config.Settings;
import org.milkmobs.domain.events.AddressRange;
import org.milkmobs.domain.events.TargetAddressPolicy;

/** The OpenAI-compatible gateway's use cases (ADR 0017). */
@ApplicationScoped
public class GatewayConfiguration {

    @Inject
    TransactionalUseCases transactional;

    @Inject
    Settings settings;

    @Inject
    FfmpegTools tools;

    @Produces
    @Singleton
    ApiKeysUseCase apiKeys(ApiKeyStore keys, Clock clock) {
        return transactional.wrap(ApiKeysUseCase.class, new ApiKeysService(keys, clock));
    }

    /**
     * Not wrapped, as search is not: an embedding may come from Bedrock and no transaction waits on the network;
     * the service reads keys and the query cache in transactions of its own.
     */
    @Produces
    @Singleton
    GatewayUseCase gateway(ApiKeyStore keys, QueryEmbedder queries, AudioClipProber audioProber, QueryEmbeddingCache cache,
                           Optional<ChatModel> chat, Optional<VideoQuestions> pegasus, LoadVideoPort videos, EmbeddingStore embeddings,
                           AddressResolver resolver, Transactions transactions, Clock clock) {
        return new GatewayService(keys, new QueryVectors(queries, audioProber, cache, transactions, clock), chat, pegasus, videos,
                embeddings, images(resolver), chatSettings(), transactions, clock);
    }

    /**
     * Uploaded video and audio files embedded by the pipeline's embedder (Marengo's async invocation, or the local model); not wrapped
     * either: the service keeps its jobs in short transactions of its own around the (slow, paid) embedder calls. An audio file may last
     * as long as a video may ({@code media.max-duration-seconds}).
     */
    @Produces
    @Singleton
    UploadEmbeddingsUseCase uploadEmbeddings(VideoEmbedder embedder, MediaProber videos, BlobStorage blobs, VideoEmbeddingJobs jobs,
                                             ListVideosPort catalogue, EmbeddingStore embeddings, Transactions transactions, Clock clock) {
        return new UploadEmbeddingsService(embedder, videos, new FfprobeAudioClipProber(tools, settings.decimal("media.max-duration-seconds")),
                blobs, jobs, catalogue, embeddings, new UploadEmbeddingsService.Settings(settings.number("gateway.video.max-bytes"),
                settings.duration("gateway.video.wait"), settings.duration("gateway.video.poll-every")), transactions, clock,
                UploadEmbeddingsService.Pause.SLEEP);
    }

    /** Image URLs in embeddings input items, fetched without reaching inside the network (gateway.images.*). */
    RemoteImages images(AddressResolver resolver) {
        TargetAddressPolicy policy = new TargetAddressPolicy(settings.list("gateway.images.allowed-targets").stream()
                .map(AddressRange::parse).toList(), "gateway.images.allowed-targets");
        SSLContext tls = TrustStores.context(settings.optionalText("gateway.images.trust-store").map(Path::of),
                settings.optionalText("gateway.images.trust-store-password").orElse("").toCharArray());
        return new HttpsImageFetcher(resolver, policy, tls, settings.integer("gateway.images.max-bytes"),
                settings.duration("gateway.images.timeout"));
    }

    ChatSettings chatSettings() {
        return new ChatSettings(ChatModelsSetting.read(settings), settings.integer("gateway.chat.default-max-tokens"),
                settings.integer("gateway.chat.max-tokens"));
    }
}
