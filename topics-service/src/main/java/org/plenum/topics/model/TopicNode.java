package org.plenum.topics.model;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.plenum.topics.Topic;

import java.util.List;

/**
 * The GraphQL view of a {@link Topic}; its quotes and speakers are batched fields of
 * {@link org.plenum.topics.graphql.RelationFields}.
 */
@Name("Topic")
@Key(fields = @FieldSet("id"))
@Description("A subject the speakers talk about")
public class TopicNode {

    @Id
    @NonNull
    public final String id;

    @NonNull
    public final String title;

    public final String summary;

    @NonNull
    public final List<@NonNull String> keywords;

    public TopicNode(String id, String title, String summary, List<String> keywords) {
        this.id = id;
        this.title = title;
        this.summary = summary;
        this.keywords = keywords;
    }

    public static TopicNode of(Topic topic) {
        return topic == null ? null
                : new TopicNode(topic.id.toString(), topic.title, topic.summary, List.of(topic.keywords));
    }

    public long topicId() {
        return Long.parseLong(id);
    }
}
