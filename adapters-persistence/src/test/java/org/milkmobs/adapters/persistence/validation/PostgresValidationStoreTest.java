package org.milkmobs.adapters.persistence.validation;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.milkmobs.adapters.persistence.testing.ContractDatabase;
import org.milkmobs.adapters.persistence.video.VideoStorageForTests;
import org.milkmobs.application.port.out.validation.ValidationStore;
import org.milkmobs.application.testing.TestVideos;
import org.milkmobs.application.testing.ValidationStoreContract;
import org.milkmobs.domain.video.VideoId;

/** The validation store contract on PostgreSQL. */
class PostgresValidationStoreTest extends ValidationStoreContract {

    @RegisterExtension
    static final ContractDatabase database = new ContractDatabase("validation_store");

    @Override
    protected ValidationStore store() {
        return new ValidationStoreAdapter(database.em());
    }

    @Override
    protected VideoId aVideo() {
        return inTransaction(() -> VideoStorageForTests.adapter(database.em()).saveVideo(TestVideos.submitted("alice")).id());
    }
}
