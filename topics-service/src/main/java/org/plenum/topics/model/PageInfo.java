package org.plenum.topics.model;

import io.smallrye.graphql.api.federation.Shareable;
import org.eclipse.microprofile.graphql.Description;

/** Relay page info; speakers-service defines the same type, hence shareable. */
@Shareable
@Description("Where a page ends and whether more follow")
public class PageInfo {

    public final boolean hasNextPage;

    @Description("The cursor of the last edge of the page, to pass as 'after' for the next page")
    public final String endCursor;

    public PageInfo(boolean hasNextPage, String endCursor) {
        this.hasNextPage = hasNextPage;
        this.endCursor = endCursor;
    }
}
