package org.milkmobs.application.service.campaign;

import org.milkmobs.application.port.out.campaign.CampaignStore;
import org.milkmobs.domain.campaign.CampaignSettings;

/** The campaign in force: the stored one, or the configured defaults until an admin stores one. */
public class CampaignProvider {

    private final CampaignStore store;
    private final CampaignSettings defaults;

    public CampaignProvider(CampaignStore store, CampaignSettings defaults) {
        this.store = store;
        this.defaults = defaults;
    }

    public CampaignSettings current() {
        return store.currentCampaign().orElse(defaults);
    }
}
