package org.plenum.speakers.model;

import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

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
