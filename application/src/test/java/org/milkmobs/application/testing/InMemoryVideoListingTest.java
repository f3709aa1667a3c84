package org.milkmobs.application.testing;

import org.milkmobs.application.port.out.ListVideosPort;
import org.milkmobs.application.port.out.SaveVideoPort;
import org.milkmobs.application.port.out.pipeline.WorkflowPort;
import org.milkmobs.domain.mob.MobSpace;

class InMemoryVideoListingTest extends VideoListingContract {

    private final InMemoryVideoStore videos = new InMemoryVideoStore();
    private final InMemoryWorkflows workflows = new InMemoryWorkflows();
    private final InMemoryVideoListing listing = new InMemoryVideoListing(videos, new InMemoryMobs(), new MobSpace("space"))
            .withWorkflows(workflows);

    @Override
    protected SaveVideoPort videos() {
        return videos;
    }

    @Override
    protected ListVideosPort listing() {
        return listing;
    }

    @Override
    protected WorkflowPort workflows() {
        return workflows;
    }
}
