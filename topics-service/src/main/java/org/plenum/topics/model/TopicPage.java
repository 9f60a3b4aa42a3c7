package org.plenum.topics.model;

import java.util.List;
import org.plenum.topics.Topic;

/** One page of topics in id order, with the number of all topics that match the filter. */
public record TopicPage(List<Topic> topics, boolean hasNextPage, long totalCount) {
}
