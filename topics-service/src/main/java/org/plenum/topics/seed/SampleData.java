package org.plenum.topics.seed;

import java.util.List;

/** The interview's topics and quotes, as stored in {@code sample-data/interview.json}. */
public record SampleData(int version, List<SampleTopic> topics, List<SampleQuote> quotes) {

    public record SampleTopic(long id, String title, String summary, List<String> keywords) {
    }

    public record SampleQuote(long id, String speakerId, String text, String source, List<Long> topicIds) {
    }
}
