package org.plenum.speakers.model;

import io.smallrye.graphql.api.federation.Shareable;

/** Relay page information; topics-service defines the same type, hence shareable. */
@Shareable
public class PageInfo {

    public final boolean hasNextPage;

    public final String endCursor;

    public PageInfo(boolean hasNextPage, String endCursor) {
        this.hasNextPage = hasNextPage;
        this.endCursor = endCursor;
    }
}
