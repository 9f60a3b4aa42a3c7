package org.plenum.topics.model;

/**
 * A validated topic filter: {@code searchPattern} is a lower-case LIKE pattern with wildcards escaped,
 * {@code keyword} is lower case; either may be null (no condition).
 */
public record TopicCriteria(String searchPattern, String keyword) {

    public static final TopicCriteria ALL = new TopicCriteria(null, null);
}
