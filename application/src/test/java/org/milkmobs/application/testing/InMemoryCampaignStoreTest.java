package org.milkmobs.application.testing;

import org.milkmobs.application.port.out.campaign.CampaignStore;

class InMemoryCampaignStoreTest extends CampaignStoreContract {

    private final InMemoryCampaignStore store = new InMemoryCampaignStore();

    @Override
    protected CampaignStore store() {
        return store;
    }
}
