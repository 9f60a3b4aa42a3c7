package org.plenum.speakers.model;

import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

public class SpeakerConnection {

    @NonNull
    public final List<@NonNull SpeakerEdge> edges;

    @NonNull
    public final PageInfo pageInfo;

    /** What the page was filtered by, normalized: totalCount counts with it, and only when asked for. */
    @Ignore
    public final SpeakerFilter filter;

    public SpeakerConnection(List<SpeakerEdge> edges, PageInfo pageInfo, SpeakerFilter filter) {
        this.edges = edges;
        this.pageInfo = pageInfo;
        this.filter = filter;
    }
}
