package org.plenum.speakers.model;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;

public class SpeakerConnection {

    @NonNull
    public final List<@NonNull SpeakerEdge> edges;

    @NonNull
    public final PageInfo pageInfo;

    public final int totalCount;

    public SpeakerConnection(List<SpeakerEdge> edges, PageInfo pageInfo, int totalCount) {
        this.edges = edges;
        this.pageInfo = pageInfo;
        this.totalCount = totalCount;
    }
}
