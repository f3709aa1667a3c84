package org.milkmobs.application.service.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.milkmobs.application.port.in.ConflictException;
import org.milkmobs.application.port.in.ForbiddenException;
import org.milkmobs.application.port.in.VideoNotFoundException;
import org.milkmobs.application.port.in.campaign.CampaignUseCase;
import org.milkmobs.application.port.in.validation.ReviewVideosUseCase;
import org.milkmobs.application.port.in.validation.ValidateVideoUseCase;
import org.milkmobs.application.port.in.validation.ValidateVideoUseCase.AdminOverride;
import org.milkmobs.application.port.in.validation.ValidateVideoUseCase.ValidateCommand;
import org.milkmobs.application.port.out.LoadVideoPort;
import org.milkmobs.application.port.out.Transactions;
import org.milkmobs.domain.DomainException;
import org.milkmobs.domain.video.Video;
import org.milkmobs.domain.video.VideoId;
import org.milkmobs.domain.video.VideoStatus;

/** Decides videos waiting in review through the override of {@link ValidateVideoUseCase}, one transaction per video. */
public class ReviewVideosService implements ReviewVideosUseCase {

    private final LoadVideoPort videos;
    private final ValidateVideoUseCase validation;
    private final CampaignUseCase campaign;
    private final Transactions transactions;

    public ReviewVideosService(LoadVideoPort videos, ValidateVideoUseCase validation, CampaignUseCase campaign, Transactions transactions) {
        this.videos = videos;
        this.validation = validation;
        this.campaign = campaign;
        this.transactions = transactions;
    }

    @Override
    public List<ReviewResult> review(ReviewCommand command) {
        ForbiddenException.unlessAdmin(command.admin(), "only admins review videos");
        List<ReviewResult> results = new ArrayList<>();
        for (VideoId video : command.videos()) {
            try {
                results.add(ReviewResult.decided(video, transactions.inTransaction(() -> decide(video, command))));
            } catch (DomainException e) {
                results.add(ReviewResult.notDecided(video, e.getMessage()));
            }
        }
        return results;
    }

    private String decide(VideoId id, ReviewCommand command) {
        Video video = videos.loadVideo(id).orElseThrow(() -> new VideoNotFoundException(id));
        if (video.status() != VideoStatus.IN_REVIEW) {
            throw new NotInReviewException(id, video.status());
        }
        String status = validation.validate(new ValidateCommand(id, command.admin(),
                Optional.of(new AdminOverride(command.approve(), command.recordedReason())))).status();
        if (command.asReferences()) {
            campaign.addReferenceVideo(id, command.admin());
        }
        return status;
    }

    static final class NotInReviewException extends ConflictException {
        NotInReviewException(VideoId video, VideoStatus status) {
            super("video " + video + " is " + status + ", not waiting for review");
        }
    }
}
