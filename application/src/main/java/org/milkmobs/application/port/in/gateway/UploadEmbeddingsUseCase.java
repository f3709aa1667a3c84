package org.milkmobs.application.port.in.gateway;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.milkmobs.application.port.in.gateway.GatewayUseCase.VideoVector;
import org.milkmobs.domain.apikey.ApiKey;

/**
 * The gateway's embeddings of an uploaded video or audio file (ADR 0017): answered from what is stored when the
 * same content was embedded before (a catalogue video, an earlier upload), else embedded under the caller's key,
 * within a short wait or as a job to poll. Identical content is never paid twice.
 */
public interface UploadEmbeddingsUseCase {

    /** The largest file taken. */
    long maxBytes();

    /**
     * @param file the uploaded bytes (the caller deletes it afterwards)
     * @throws GatewayRefusedException when the model is not the one that embeds here, or the file is empty, too large, or neither a
     *         video nor an audio file (all before anything is paid)
     * @throws org.milkmobs.application.port.out.budget.BudgetExhaustedException when a ceiling (the key's included) has no room
     * @throws org.milkmobs.application.port.out.analysis.AnalysisFailedException when the model failed or refused
     */
    Answer embed(ApiKey key, String model, Path file);

    /**
     * Where the key's job is now (a running job is asked about once).
     *
     * @throws GatewayRefusedException ({@code NOT_FOUND}) when the key has no such job, another key's included
     */
    Answer job(ApiKey key, String jobId);

    enum Status { IN_PROGRESS, COMPLETED, FAILED }

    /** Where the vectors came from: stored ones (the catalogue's, an earlier upload's) or this job's. */
    enum Source { CATALOGUE, EARLIER_UPLOAD, EMBEDDED }

    /**
     * @param jobId the job, when one was made (answers from the catalogue have none)
     * @param kind {@code video} or {@code audio}
     * @param paidSeconds the media seconds this request paid for: zero for stored vectors and for a job's polls
     */
    record Answer(Optional<String> jobId, String model, Status status, Source source, String kind, double mediaSeconds, double paidSeconds,
                  List<VideoVector> vectors, Optional<String> failure, Instant createdAt) {
        public Answer {
            Objects.requireNonNull(jobId, "jobId");
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(kind, "kind");
            vectors = List.copyOf(vectors);
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }
}
