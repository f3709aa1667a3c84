package org.milkmobs.bootstrap.workers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.milkmobs.application.port.in.housekeeping.HousekeeperElectionUseCase;
import org.milkmobs.application.port.out.housekeeping.HousekeeperTerms;
import org.milkmobs.application.service.housekeeping.HousekeeperElectionService;
import org.milkmobs.bootstrap.TransactionalUseCases;
import org.milkmobs.bootstrap.config.Settings;

/** The use cases the workers of this instance stand on that no endpoint serves. */
@ApplicationScoped
public class HousekeepingProducers {

    @Inject
    TransactionalUseCases transactional;

    @Inject
    Settings settings;

    @Produces
    @Singleton
    HousekeeperElectionUseCase housekeeperElection(HousekeeperTerms terms, Clock clock) {
        return transactional.wrap(HousekeeperElectionUseCase.class,
                new HousekeeperElectionService(terms, settings.duration("housekeeping.term"), clock));
    }
}
