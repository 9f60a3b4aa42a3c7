package org.plenum.topics.model;

import org.plenum.topics.Topic;

import java.util.List;

/** One page of topics in id order, with the number of all topics that match the filter. */
public record TopicPage(List<Topic> topics, boolean hasNextPage, long totalCount) {
}
