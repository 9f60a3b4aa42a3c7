package org.plenum.topics.model;

import org.plenum.topics.Topic;

import java.util.List;

/** One page of topics in id order, and what they were filtered by. */
public record TopicPage(List<Topic> topics, boolean hasNextPage, TopicCriteria criteria) {
}
