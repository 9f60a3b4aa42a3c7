package org.plenum.speakers.model;

import org.eclipse.microprofile.graphql.Description;

@Description("Whether topics-service has removed a deleted speaker's quotes yet")
public enum CleanupState {

    @Description("topics-service removed the speaker's quotes and their topic links")
    DONE,

    @Description("topics-service could not be told yet; it is told again every plenum.speaker-deletions.retry-interval "
            + "until it acknowledges, and until then the speaker still resolves for quotes that name them")
    PENDING
}
