package org.plenum.topics.model;

import org.eclipse.microprofile.graphql.NonNull;

public class TopicEdge {

    @NonNull
    public final String cursor;

    @NonNull
    public final TopicNode node;

    public TopicEdge(String cursor, TopicNode node) {
        this.cursor = cursor;
        this.node = node;
    }
}
