package org.plenum.topics.graphql;

import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.plenum.topics.service.QuoteService;
import org.plenum.topics.service.TopicService;

/**
 * The list fields between topics, quotes and speakers. Each is batched (@Source List): one database query
 * * for all the parents at one level of a response, however many there are.
 */
@GraphQLApi
@ReportsFailures
public class RelationFields {

    private final TopicService topics;
    private final QuoteService quotes;

    public RelationFields(TopicService topics, QuoteService quotes) {
        this.topics = topics;
        this.quotes = quotes;
    }

    @Name("quotes")
    @NonNull
    public Uni<List<List<@NonNull QuoteNode>>> quotesOfTopics(@Source List<TopicNode> topicNodes) {
        return quotes.quotesOfTopics(topicNodes.stream().map(TopicNode::topicId).toList())
                .map(lists -> mapEach(lists, QuoteNode::of));
    }

    @Name("speakers")
    @NonNull
    public Uni<List<List<@NonNull SpeakerNode>>> speakersOfTopics(@Source List<TopicNode> topicNodes) {
        return topics.speakerIdsOfTopics(topicNodes.stream().map(TopicNode::topicId).toList())
                .map(lists -> mapEach(lists, SpeakerNode::new));
    }

    @Name("topics")
    @NonNull
    public Uni<List<List<@NonNull TopicNode>>> topicsOfQuotes(@Source List<QuoteNode> quoteNodes) {
        return topics.topicsOfQuotes(quoteNodes.stream().map(QuoteNode::quoteId).toList())
                .map(lists -> mapEach(lists, TopicNode::of));
    }

    @Name("topics")
    @NonNull
    public Uni<List<List<@NonNull TopicNode>>> topicsOfSpeakers(@Source List<SpeakerNode> speakerNodes) {
        return topics.topicsOfSpeakers(speakerNodes.stream().map(speaker -> speaker.id).toList())
                .map(lists -> mapEach(lists, TopicNode::of));
    }

    @Name("quotes")
    @NonNull
    public Uni<List<List<@NonNull QuoteNode>>> quotesOfSpeakers(@Source List<SpeakerNode> speakerNodes) {
        return quotes.quotesOfSpeakers(speakerNodes.stream().map(speaker -> speaker.id).toList())
                .map(lists -> mapEach(lists, QuoteNode::of));
    }

    private static <T, R> List<List<R>> mapEach(List<List<T>> lists, Function<T, R> mapper) {
        return lists.stream().map(list -> list.stream().map(mapper).toList()).toList();
    }
}
