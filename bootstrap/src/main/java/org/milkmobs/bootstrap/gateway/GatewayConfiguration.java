package org.milkmobs.bootstrap.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.milkmobs.application.port.in.gateway.ApiKeysUseCase;
import org.milkmobs.application.port.in.gateway.GatewayUseCase;
import org.milkmobs.application.port.out.Transactions;
import org.milkmobs.application.port.out.analysis.QueryEmbedder;
import org.milkmobs.application.port.out.apikey.ApiKeyStore;
import org.milkmobs.application.port.out.media.AudioClipProber;
import org.milkmobs.application.port.out.search.QueryEmbeddingCache;
import org.milkmobs.application.service.gateway.ApiKeysService;
import org.milkmobs.application.service.gateway.GatewayService;
import org.milkmobs.application.service.search.QueryVectors;
import org.milkmobs.bootstrap.TransactionalUseCases;

/** The OpenAI-compatible gateway's use cases (ADR 0017). */
@ApplicationScoped
public class GatewayConfiguration {

    @Inject
    TransactionalUseCases transactional;

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
                           Transactions transactions, Clock clock) {
        return new GatewayService(keys, new QueryVectors(queries, audioProber, cache, transactions, clock), transactions, clock);
    }
}
