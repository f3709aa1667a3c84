package org.milkmobs.application.port.in.campaign;

import java.util.List;
import org.milkmobs.domain.campaign.CampaignSettings;
import org.milkmobs.domain.user.Caller;
import org.milkmobs.domain.video.VideoId;

/** What the trend is and how videos are judged against it (admins). */
public interface CampaignUseCase {

    CampaignView current();

    CampaignView update(CampaignSettings settings, Caller admin);

    /** Uses an analysed video as a visual reference of the campaign. */
    CampaignView addReferenceVideo(VideoId video, Caller admin);

    /** Uses an image as a visual reference, embedded by the active analyzer. */
    CampaignView addReferenceImage(String name, byte[] image, Caller admin);

    CampaignView removeReference(String source, Caller admin);

    record CampaignView(CampaignSettings settings, List<String> referenceSources, String model) {
        public CampaignView {
            referenceSources = List.copyOf(referenceSources);
        }
    }
}
