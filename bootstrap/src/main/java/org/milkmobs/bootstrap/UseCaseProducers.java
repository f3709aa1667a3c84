package org.milkmobs.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.milkmobs.application.port.in.GetVideoUseCase;
import org.milkmobs.application.port.in.SubmitVideoUseCase;
import org.milkmobs.application.port.in.campaign.CampaignUseCase;
import org.milkmobs.application.port.in.duplicate.NearDuplicatesUseCase;
import org.milkmobs.application.port.in.mob.FeedUseCase;
import org.milkmobs.application.port.in.mob.MobsUseCase;
import org.milkmobs.application.port.in.mob.MobMapUseCase;
import org.milkmobs.application.port.in.mob.ReclusterUseCase;
import org.milkmobs.application.port.in.mob.RenameMobUseCase;
import org.milkmobs.application.port.in.pipeline.ExecuteStepUseCase;
import org.milkmobs.application.port.in.pipeline.PipelineAdminUseCase;
import org.milkmobs.application.port.in.pipeline.PipelineWorkerUseCase;
import org.milkmobs.application.port.in.storage.TransferBlobUseCase;
import org.milkmobs.application.port.in.validation.ReviewVideosUseCase;
import org.milkmobs.application.port.in.validation.ValidateVideoUseCase;
import org.milkmobs.application.port.in.video.CompleteUploadUseCase;
import org.milkmobs.application.port.in.video.DeleteVideoUseCase;
import org.milkmobs.application.port.in.video.ListVideosUseCase;
import org.milkmobs.application.port.in.video.MaintenanceUseCase;
import org.milkmobs.application.port.in.video.RelayEventsUseCase;
import org.milkmobs.application.port.out.DeleteVideoPort;
import org.milkmobs.application.port.out.IdempotencyKeys;
import org.milkmobs.application.port.out.ListVideosPort;
import org.milkmobs.application.port.out.VideoDetailsReadPort;
import org.milkmobs.application.port.out.LoadVideoPort;
import org.milkmobs.application.port.out.SaveVideoPort;
import org.milkmobs.application.port.out.Transactions;
import org.milkmobs.application.port.out.analysis.AnalysisStore;
import org.milkmobs.application.port.out.analysis.QueryEmbedder;
import org.milkmobs.application.port.out.analysis.VideoEmbedder;
import org.milkmobs.application.port.out.analysis.VideoUnderstanding;
import org.milkmobs.application.port.out.campaign.CampaignStore;
import org.milkmobs.application.port.out.duplicate.FingerprintStore;
import org.milkmobs.application.port.out.duplicate.FrameFingerprinter;
import org.milkmobs.application.port.out.duplicate.NearDuplicateStore;
import org.milkmobs.domain.campaign.CampaignSettings;
import org.milkmobs.domain.validation.UnprovenParticipation;
import org.milkmobs.application.port.out.embedding.EmbeddingStore;
import org.milkmobs.application.port.out.events.EventOutbox;
import org.milkmobs.application.port.out.events.EventPublisher;
import org.milkmobs.application.port.out.media.AudioClipProber;
import org.milkmobs.application.port.out.media.MediaLimits;
import org.milkmobs.application.port.out.media.MediaProber;
import org.milkmobs.application.port.out.media.ThumbnailExtractor;
import org.milkmobs.application.port.out.mob.MobMapSource;
import org.milkmobs.application.port.out.mob.MobNames;
import org.milkmobs.application.port.out.mob.LoadMobsPort;
import org.milkmobs.application.port.out.mob.MobClusteringPort;
import org.milkmobs.application.port.out.mob.MobMembershipPort;
import org.milkmobs.application.port.out.mob.ReclusterRuns;
import org.milkmobs.application.port.out.pipeline.JobQueuePort;
import org.milkmobs.application.port.out.pipeline.PipelineAdminPort;
import org.milkmobs.application.port.out.pipeline.WorkflowProgressPort;
import org.milkmobs.application.port.out.pipeline.PipelineControlPort;
import org.milkmobs.application.port.out.pipeline.WorkflowPort;
import org.milkmobs.application.port.out.storage.BlobDeletionQueue;
import org.milkmobs.application.port.out.storage.BlobGrants;
import org.milkmobs.application.port.out.storage.BlobKey;
import org.milkmobs.application.port.out.storage.BlobStorage;
import org.milkmobs.application.port.out.validation.ValidationStore;
import org.milkmobs.application.service.campaign.CampaignProvider;
import org.milkmobs.application.service.campaign.CampaignService;
import org.milkmobs.application.service.duplicate.NearDuplicateDetection;
import org.milkmobs.application.service.duplicate.NearDuplicatesService;
import org.milkmobs.application.service.mob.FeedService;
import org.milkmobs.application.service.mob.MobAssignment;
import org.milkmobs.application.service.mob.MobMapService;
import org.milkmobs.application.service.mob.MobSettings;
import org.milkmobs.application.service.mob.MobsService;
import org.milkmobs.application.service.mob.ReclusterService;
import org.milkmobs.application.service.mob.RenameMobService;
import org.milkmobs.application.service.mob.VideoVectors;
import org.milkmobs.application.service.pipeline.PipelineAdminService;
import org.milkmobs.application.service.pipeline.PipelineWorkerService;
import org.milkmobs.application.service.pipeline.RetryPolicy;
import org.milkmobs.application.service.pipeline.StepExecutionService;
import org.milkmobs.application.service.pipeline.StepLimits;
import org.milkmobs.application.service.pipeline.StepHandler;
import org.milkmobs.application.service.pipeline.WorkflowFailures;
import org.milkmobs.application.service.steps.ClusterStep;
import org.milkmobs.application.service.steps.EmbedStep;
import org.milkmobs.application.service.steps.EmitStep;
import org.milkmobs.application.service.steps.PreflightStep;
import org.milkmobs.application.service.steps.StepVideos;
import org.milkmobs.application.service.steps.ThumbnailStep;
import org.milkmobs.application.service.steps.UnderstandStep;
import org.milkmobs.application.service.steps.ValidateStep;
import org.milkmobs.application.service.steps.WriteResultsStep;
import org.milkmobs.application.service.validation.ValidateVideoService;
import org.milkmobs.application.service.validation.ReviewVideosService;
import org.milkmobs.application.service.validation.ValidationService;
import org.milkmobs.application.service.video.CompleteUploadService;
import org.milkmobs.application.service.video.DeleteVideoService;
import org.milkmobs.application.service.video.GetVideoService;
import org.milkmobs.application.service.video.ListVideosService;
import org.milkmobs.application.service.video.MaintenanceService;
import org.milkmobs.application.service.video.RelayEventsService;
import org.milkmobs.application.service.video.SubmitVideoService;
import org.milkmobs.application.service.video.TransferBlobService;
import org.milkmobs.application.service.video.UploadSettings;
import org.milkmobs.application.service.video.VideoDetailsAssembler;
import org.milkmobs.application.service.video.VideoUrls;
import org.milkmobs.application.service.events.MobEvents;
import org.milkmobs.application.service.events.MobNameEvents;
import org.milkmobs.application.service.events.VideoEvents;
import org.milkmobs.application.port.out.events.WebhookDeliveries;
import org.milkmobs.application.port.in.search.SearchByMediaUseCase;
import org.milkmobs.application.port.in.search.SearchByTextAndImageUseCase;
import org.milkmobs.application.port.in.search.SearchByTextUseCase;
import org.milkmobs.application.port.in.search.SearchMomentsUseCase;
import org.milkmobs.application.port.in.search.SearchSimilarUseCase;
import org.milkmobs.application.port.out.search.QueryEmbeddingCache;
import org.milkmobs.application.port.out.search.SimilarReadPort;
import org.milkmobs.application.port.out.search.TextSearchPort;
import org.milkmobs.application.port.out.search.VectorSearchPort;
import org.milkmobs.application.service.search.ComposedSearchService;
import org.milkmobs.application.service.search.MediaSearchService;
import org.milkmobs.application.service.search.MomentSearchService;
import org.milkmobs.application.service.search.QueryVectors;
import org.milkmobs.application.service.search.ResultCards;
import org.milkmobs.application.service.search.SimilarSearchService;
import org.milkmobs.application.service.search.TextSearchService;
import org.milkmobs.bootstrap.config.Settings;
import org.milkmobs.domain.embedding.ModalityWeights;
import org.milkmobs.domain.pipeline.PipelineStep;
import org.milkmobs.domain.video.FailureCode;
import org.milkmobs.domain.video.NearDuplicates;

/**
 * Builds the plain application services from their ports, once each ({@code @Singleton}: they are immutable
 * and thread-safe, and records cannot be proxied). Use cases get their transaction boundary here
 * ({@link TransactionalUseCases#wrap}); the few that must not hold a transaction (step work, file
 * transfers, the batch re-clustering) are left unwrapped, on purpose.
 */
@ApplicationScoped
public class UseCaseProducers {

    @Inject
    TransactionalUseCases transactional;

    @Inject
    Settings settings;

    /** Ticks in microseconds, the precision PostgreSQL stores, so a timestamp reads back as it was written. */
    @Produces
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Produces
    @Singleton
    VideoUrls videoUrls(BlobStorage storage, UploadSettings uploads) {
        return new VideoUrls(storage, uploads);
    }

    @Produces
    @Singleton
    VideoDetailsAssembler videoDetails(VideoUrls urls, WorkflowProgressPort pipeline, VideoDetailsReadPort facts, ValidationStore validations) {
        return new VideoDetailsAssembler(urls, pipeline, facts, validations);
    }

    @Produces
    @Singleton
    NearDuplicateDetection nearDuplicateDetection(ListVideosPort videos, EmbeddingStore embeddings, VectorSearchPort vectors,
                                                  NearDuplicateStore pairs, FingerprintStore fingerprints, VideoEmbedder embedder) {
        NearDuplicates rule = new NearDuplicates(settings.decimal("duplicates.near.min-duration-ratio"),
                settings.decimal("duplicates.near.min-clip-similarity"), settings.decimal("duplicates.near.min-share"),
                settings.decimal("duplicates.near.min-frame-similarity"), settings.decimal("duplicates.near.min-frame-share"));
        return new NearDuplicateDetection(videos, embeddings, vectors, pairs, fingerprints, embedder.model(), rule,
                settings.integer("duplicates.near.candidates"));
    }

    @Produces
    @Singleton
    NearDuplicatesUseCase nearDuplicates(NearDuplicateStore pairs, ListVideosPort videos) {
        return transactional.wrap(NearDuplicatesUseCase.class, new NearDuplicatesService(pairs, videos));
    }

    @Produces
    @Singleton
    SubmitVideoUseCase submitVideo(VideoEvents save, LoadVideoPort load, IdempotencyKeys keys, BlobStorage storage, MediaLimits limits,
                                   UploadSettings uploads, VideoDetailsAssembler details, Clock clock) {
        return transactional.wrap(SubmitVideoUseCase.class, new SubmitVideoService(save, load, keys, storage, limits, uploads, details,
                clock));
    }

    @Produces
    @Singleton
    GetVideoUseCase getVideo(VideoDetailsReadPort videos, VideoDetailsAssembler details) {
        // a read: no JTA transaction of its own (ADR 0029); a consumer's GET is one statement in autocommit
        return transactional.wrapRead(GetVideoUseCase.class, new GetVideoService(videos, details));
    }

    /** The plain service, for the reconciler inside maintenance; typed so it does not pose as the use case. */
    @Produces
    @Singleton
    @Typed(CompleteUploadService.class)
    CompleteUploadService completeUploadService(LoadVideoPort load, BlobStorage storage, WorkflowPort workflows, RetryPolicy retry,
                                                VideoDetailsAssembler details, Clock clock) {
        return new CompleteUploadService(load, storage, workflows, retry, details, clock);
    }

    @Produces
    @Singleton
    CompleteUploadUseCase completeUpload(CompleteUploadService service) {
        return transactional.wrap(CompleteUploadUseCase.class, service);
    }

    @Produces
    @Singleton
    ListVideosUseCase listVideos(ListVideosPort videos, VideoDetailsAssembler details) {
        return transactional.wrap(ListVideosUseCase.class, new ListVideosService(videos, details));
    }

    @Produces
    @Singleton
    DeleteVideoUseCase deleteVideo(VideoEvents delete, MobMembershipPort mobs, BlobDeletionQueue deletions, Clock clock) {
        return transactional.wrap(DeleteVideoUseCase.class, new DeleteVideoService(delete, mobs, deletions, clock));
    }

    /** Not transactional: an upload streams for minutes and touches no table. */
    @Produces
    @Singleton
    TransferBlobUseCase transferBlob(BlobGrants grants, BlobStorage storage, LoadVideoPort videos, WorkflowProgressPort pipeline,
                                     Transactions transactions) {
        return new TransferBlobService(grants, storage, videos, pipeline, transactions);
    }

    @Produces
    @Singleton
    MaintenanceUseCase maintenance(ListVideosPort videos, VideoEvents save, BlobStorage storage, BlobDeletionQueue deletions,
                                   CompleteUploadService completion, PipelineAdminPort pipeline, IdempotencyKeys keys,
                                   UploadSettings uploads, QueryEmbeddingCache queryCache, Clock clock) {
        return transactional.wrap(MaintenanceUseCase.class, new MaintenanceService(videos, save, storage, deletions, completion, pipeline,
                keys, uploads, settings.duration("pipeline.history-retention"), queryCache, settings.duration("search.query-cache.retention"),
                clock));
    }

    @Produces
    @Singleton
    RelayEventsUseCase relayEvents(EventOutbox outbox, EventPublisher publisher, WebhookDeliveries deliveries, Clock clock) {
        return transactional.wrap(RelayEventsUseCase.class,
                new RelayEventsService(outbox, publisher, deliveries, settings.integer("webhooks.max-attempts"), clock));
    }

    /** The mob store that announces created, merged, split and relabelled mobs; mob assignment and re-clustering write through it. */
    @Produces
    @Singleton
    @Typed(MobEvents.class)
    MobEvents mobEvents(LoadMobsPort mobs, MobMembershipPort membership, MobClusteringPort clustering, EventOutbox outbox, Clock clock) {
        return new MobEvents(mobs, membership, clustering, outbox, clock);
    }

    /** The video store that announces status changes and deletions through the outbox; every service saves through it. */
    @Produces
    @Singleton
    @Typed(VideoEvents.class)
    VideoEvents videoEvents(LoadVideoPort load, SaveVideoPort save, DeleteVideoPort delete, EventOutbox outbox, Clock clock) {
        return new VideoEvents(load, save, delete, outbox, clock);
    }

    @Produces
    @Singleton
    PipelineWorkerUseCase pipelineWorker(JobQueuePort queue, WorkflowPort workflows, PipelineControlPort control, LoadVideoPort load,
                                         VideoEvents save, BlobDeletionQueue deletions, RetryPolicy retry, EventOutbox outbox, Clock clock) {
        WorkflowFailures failures = new WorkflowFailures(workflows, load, save, (video, failure) -> {
            // a rejected upload is not kept
            if (failure.code() == FailureCode.INVALID_MEDIA || failure.code() == FailureCode.MEDIA_LIMIT_EXCEEDED) {
                deletions.schedule(BlobKey.allOf(video.id()), clock.instant());
            }
        }, outbox);
        return transactional.wrap(PipelineWorkerUseCase.class,
                new PipelineWorkerService(queue, workflows, control, failures, retry, stepLimits(), clock, new SplittableRandom()));
    }

    /** {@code pipeline.cluster-concurrency.<step>}, where set: the most jobs of the step running across the cluster. */
    private StepLimits stepLimits() {
        Map<PipelineStep, Integer> limits = new EnumMap<>(PipelineStep.class);
        for (PipelineStep step : PipelineStep.values()) {
            settings.optionalInteger("pipeline.cluster-concurrency." + step.wireName()).ifPresent(limit -> limits.put(step, limit));
        }
        return new StepLimits(limits);
    }

    @Produces
    @Singleton
    CampaignProvider campaignProvider(CampaignStore store, CampaignSettings defaults) {
        return new CampaignProvider(store, defaults);
    }

    @Produces
    @Singleton
    VideoVectors videoVectors(EmbeddingStore embeddings, VideoEmbedder embedder, ModalityWeights weights) {
        return new VideoVectors(embeddings, embedder.model(), weights);
    }

    @Produces
    @Singleton
    MobAssignment mobAssignment(LoadMobsPort loadMobs, MobEvents mobs, VideoVectors vectors, MobSettings mobSettings) {
        return new MobAssignment(loadMobs, mobs, vectors, mobSettings);
    }

    @Produces
    @Singleton
    ValidationService validationService(AnalysisStore analyses, EmbeddingStore embeddings, CampaignStore campaigns,
                                        CampaignProvider campaign, VideoEmbedder embedder) {
        return new ValidationService(analyses, embeddings, campaigns, campaign, embedder.model(),
                UnprovenParticipation.parse("validation.unproven", settings.text("validation.unproven")));
    }

    /** Not transactional: a step's work (models, ffmpeg) runs outside any transaction; its results are written by finish. */
    @Produces
    @Singleton
    ExecuteStepUseCase executeStep(LoadVideoPort load, VideoEvents save, BlobStorage storage, MediaProber prober, ListVideosPort listing,
                                   ThumbnailExtractor thumbnails, VideoUnderstanding understanding, VideoEmbedder embedder,
                                   AnalysisStore analyses, EmbeddingStore embeddings, CampaignProvider campaign,
                                   ValidationService validation, ValidationStore decisions, MobAssignment mobs, LoadMobsPort mobStore,
                                   EventOutbox outbox, NearDuplicateDetection nearDuplicates, FingerprintStore fingerprints,
                                   FrameFingerprinter fingerprinter, Clock clock) {
        StepVideos videos = new StepVideos(load, save, clock);
        Map<PipelineStep, StepHandler> handlers = new EnumMap<>(PipelineStep.class);
        handlers.put(PipelineStep.PREFLIGHT, new PreflightStep(videos, storage, prober, listing));
        handlers.put(PipelineStep.THUMBNAIL, new ThumbnailStep(videos, storage, thumbnails));
        handlers.put(PipelineStep.UNDERSTAND, new UnderstandStep(videos, understanding, analyses, campaign));
        handlers.put(PipelineStep.EMBED, new EmbedStep(videos, embedder, embeddings, fingerprints, fingerprinter));
        handlers.put(PipelineStep.WRITE_RESULTS, new WriteResultsStep(videos, analyses, embeddings, embedder.model(), nearDuplicates));
        handlers.put(PipelineStep.VALIDATE, new ValidateStep(videos, validation, decisions));
        handlers.put(PipelineStep.CLUSTER, new ClusterStep(videos, mobs));
        handlers.put(PipelineStep.EMIT, new EmitStep(videos, mobStore, outbox));
        return new StepExecutionService(handlers);
    }

    @Produces
    @Singleton
    PipelineAdminUseCase pipelineAdmin(PipelineAdminPort admin, PipelineControlPort control, WorkflowPort workflows, LoadVideoPort load,
                                       VideoEvents save, RetryPolicy retry, Clock clock) {
        return transactional.wrap(PipelineAdminUseCase.class, new PipelineAdminService(admin, control, workflows, load, save, retry, clock));
    }

    @Produces
    @Singleton
    ValidateVideoUseCase validateVideo(LoadVideoPort load, VideoEvents save, ValidationService validation, ValidationStore decisions,
                                       MobAssignment mobs, Clock clock) {
        return transactional.wrap(ValidateVideoUseCase.class, new ValidateVideoService(load, save, validation, decisions, mobs, clock));
    }

    /** Not transactional itself: each video is decided in a transaction of its own. */
    @Produces
    @Singleton
    ReviewVideosUseCase reviewVideos(LoadVideoPort load, ValidateVideoUseCase validation, CampaignUseCase campaign, Transactions transactions) {
        return new ReviewVideosService(load, validation, campaign, transactions);
    }

    @Produces
    @Singleton
    CampaignUseCase campaign(CampaignStore store, CampaignProvider provider, QueryEmbedder queries, EmbeddingStore embeddings, Clock clock) {
        return transactional.wrap(CampaignUseCase.class, new CampaignService(store, provider, queries, embeddings, clock));
    }

    @Produces
    @Singleton
    MobsUseCase mobs(LoadMobsPort mobs, VideoVectors vectors, ListVideosPort videos, VideoDetailsAssembler details) {
        return transactional.wrap(MobsUseCase.class, new MobsService(mobs, vectors, videos, details));
    }

    @Produces
    @Singleton
    MobMapUseCase mobMap(MobMapSource source, VideoVectors vectors) {
        return transactional.wrap(MobMapUseCase.class, new MobMapService(source, vectors));
    }

    /** Not wrapped: the batch run commits in steps (progress, then the result) through {@link Transactions}. */
    @Produces
    @Singleton
    ReclusterUseCase recluster(LoadMobsPort loadMobs, MobEvents mobs, ReclusterRuns runs, VideoVectors vectors, MobSettings mobSettings,
                               CampaignProvider campaign, Transactions transactions, Clock clock) {
        return new ReclusterService(loadMobs, mobs, runs, vectors, mobSettings, campaign, transactions, clock);
    }

    @Produces
    @Singleton
    RenameMobUseCase renameMob(MobNames names, LoadMobsPort mobs, EventOutbox outbox, Clock clock) {
        return transactional.wrap(RenameMobUseCase.class, new RenameMobService(new MobNameEvents(names, mobs, outbox, clock)));
    }

    @Produces
    @Singleton
    FeedUseCase feed(ListVideosPort videos, VideoDetailsAssembler details, Clock clock) {
        return transactional.wrap(FeedUseCase.class, new FeedService(videos, details, settings.integer("feed.per-mob-per-round"), clock));
    }

    /** The cards of a page of search results: the videos with their mobs in one read (ADR 0029). */
    @Produces
    @Singleton
    ResultCards resultCards(VideoDetailsReadPort videos, VideoUrls urls) {
        return new ResultCards(videos, urls);
    }

    /**
     * Read-only: in no transaction unless the caller holds one (ADR 0029), so a request is its three reads in autocommit,
     * with no BEGIN, commit or flush; the k-NN's settings hold for its own round trip (ADR 0029, amendment).
     */
    @Produces
    @Singleton
    SearchSimilarUseCase searchSimilar(SimilarReadPort reads, VectorSearchPort vectors, QueryEmbedder queries, ResultCards cards,
                                       ModalityWeights weights, NearDuplicateStore nearDuplicates) {
        return transactional.wrapRead(SearchSimilarUseCase.class, new SimilarSearchService(reads, vectors, queries.model(), cards, weights,
                settings.integer("search.window"), nearDuplicates));
    }

    /**
     * Not wrapped: a query vector may come from Bedrock, and no database transaction should wait on the
     * network; the service reads the cache and the results in transactions of its own.
     */
    @Produces
    @Singleton
    SearchByTextUseCase searchByText(VectorSearchPort vectors, TextSearchPort texts, QueryEmbedder queries, AudioClipProber audioProber,
                                     QueryEmbeddingCache cache, ResultCards cards,
                                     Transactions transactions, Clock clock) {
        return new TextSearchService(vectors, texts, new QueryVectors(queries, audioProber, cache, transactions, clock),
                cards, settings.integer("search.window"), transactions);
    }

    /** Not wrapped, as {@link #searchByText}: an image or audio vector may come from Bedrock. */
    @Produces
    @Singleton
    SearchByMediaUseCase searchByMedia(VectorSearchPort vectors, QueryEmbedder queries, AudioClipProber audioProber, QueryEmbeddingCache cache,
                                       ResultCards cards, Transactions transactions, Clock clock) {
        return new MediaSearchService(vectors, new QueryVectors(queries, audioProber, cache, transactions, clock),
                cards, settings.integer("search.window"), transactions);
    }

    /** Not wrapped, as {@link #searchByText}: the composed vector may come from Bedrock. */
    @Produces
    @Singleton
    SearchByTextAndImageUseCase searchByTextAndImage(VectorSearchPort vectors, TextSearchPort texts, QueryEmbedder queries,
                                                     AudioClipProber audioProber, QueryEmbeddingCache cache, ResultCards cards, Transactions transactions, Clock clock) {
        return new ComposedSearchService(vectors, texts, new QueryVectors(queries, audioProber, cache, transactions, clock),
                cards, settings.integer("search.window"), transactions);
    }

    @Produces
    @Singleton
    SearchMomentsUseCase searchMoments(LoadVideoPort load, EmbeddingStore embeddings, VectorSearchPort vectors, QueryEmbedder queries,
                                       ResultCards cards, Transactions transactions) {
        return new MomentSearchService(load, embeddings, vectors, queries.model(), cards,
                settings.integer("search.window"), transactions);
    }
}
