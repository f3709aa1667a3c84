package org.milkmobs.adapters.persistence.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.milkmobs.adapters.persistence.testing.ContractDatabase;
import org.milkmobs.application.port.out.campaign.CampaignStore;
import org.milkmobs.application.testing.CampaignStoreContract;
import org.milkmobs.domain.campaign.Campaign;
import org.milkmobs.domain.campaign.CampaignSettings;
import org.milkmobs.domain.user.UserId;
import org.milkmobs.domain.validation.ValidationPolicy;
import org.milkmobs.domain.video.Hashtags;

/** The campaign store contract on PostgreSQL, and what only the database keeps: the audit of every change. */
class PostgresCampaignStoreTest extends CampaignStoreContract {

    @RegisterExtension
    static final ContractDatabase database = new ContractDatabase("campaign_store");

    @Override
    protected CampaignStore store() {
        return new CampaignStoreAdapter(database.em());
    }

    @Test
    void everySaveIsAudited() {
        long before = changes();
        CampaignSettings settings = new CampaignSettings(new Campaign("Milk Mob", "people pouring milk", Hashtags.of("milkmob"),
                List.of("milk")), ValidationPolicy.DEFAULT, 0.2, 0.8);
        Instant now = Instant.parse("2026-11-23T10:00:00Z");

        inTransaction(() -> {
            store().saveCampaign(settings, new UserId("root"), now);
            store().saveCampaign(settings, new UserId("root"), now.plusSeconds(1));
            return null;
        });

        assertThat(changes() - before).isEqualTo(2);
    }

    private long changes() {
        return inTransaction(() -> ((Number) database.em().createNativeQuery("SELECT count(*) FROM campaign_change")
                .getSingleResult()).longValue());
    }
}
