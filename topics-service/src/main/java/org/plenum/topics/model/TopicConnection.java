package org.plenum.topics.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.plenum.topics.service.Cursor;

import java.util.List;

/** A Relay connection over topics in a stable order (ascending id). */
public class TopicConnection {

    @NonNull
    public final List<@NonNull TopicEdge> edges;

    @NonNull
    public final PageInfo pageInfo;

    @Description("The number of topics matching the filter, on all pages")
    public final int totalCount;

    public TopicConnection(List<TopicEdge> edges, PageInfo pageInfo, int totalCount) {
        this.edges = edges;
        this.pageInfo = pageInfo;
        this.totalCount = totalCount;
    }

    public static TopicConnection of(TopicPage page) {
        List<TopicEdge> edges = page.topics().stream()
                .map(topic -> new TopicEdge(Cursor.of(topic.id), TopicNode.of(topic)))
                .toList();
        String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor;
        return new TopicConnection(edges, new PageInfo(page.hasNextPage(), endCursor),
                Math.toIntExact(page.totalCount()));
    }
}
