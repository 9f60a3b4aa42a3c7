package org.plenum.topics.model;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;
import org.plenum.topics.service.Cursor;

import java.util.List;
import java.util.function.Supplier;

/** A Relay connection over topics in a stable order (ascending id). */
public class TopicConnection {

    @NonNull
    public final List<@NonNull TopicEdge> edges;

    @NonNull
    public final PageInfo pageInfo;

    /** What the page was filtered by: totalCount counts with it, and only when asked for. */
    @Ignore
    public final TopicCriteria criteria;

    @Ignore
    private Uni<Integer> count;

    public TopicConnection(List<TopicEdge> edges, PageInfo pageInfo, TopicCriteria criteria) {
        this.edges = edges;
        this.pageInfo = pageInfo;
        this.criteria = criteria;
    }

    /** The count, made once however often the request selects totalCount (under aliases): one query, not one each. */
    public synchronized Uni<Integer> count(Supplier<Uni<Integer>> counting) {
        if (count == null) {
            count = counting.get().memoize().indefinitely();
        }
        return count;
    }

    public static TopicConnection of(TopicPage page) {
        List<TopicEdge> edges = page.topics().stream()
                .map(topic -> new TopicEdge(Cursor.of(topic.id), TopicNode.of(topic)))
                .toList();
        String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor;
        return new TopicConnection(edges, new PageInfo(page.hasNextPage(), endCursor), page.criteria());
    }
}
