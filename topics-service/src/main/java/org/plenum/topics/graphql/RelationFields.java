package org.plenum.topics.graphql;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Source;
import org.plenum.subgraph.protection.RunsToCompletion;
import org.plenum.subgraph.protection.errors.ReportsFailures;
import org.plenum.subgraph.protection.graphql.ListSize;
import org.plenum.topics.model.QuoteNode;
import org.plenum.topics.model.SpeakerNode;
import org.plenum.topics.model.TopicNode;
import org.plenum.topics.service.QuoteService;
import org.plenum.topics.service.TopicService;

import java.util.List;
import java.util.function.Function;

/**
 * The list fields between topics, quotes and speakers. Each is batched (@Source List): one database query
 * for all the parents at one level of a response, however many there are, reading at most {@code first} items
 * per parent. SmallRye batches a field's parents whatever its arguments, so aliases of one field at one level
 * share the {@code first} of the first alias.
 */
@GraphQLApi
@ReportsFailures
@RunsToCompletion
public class RelationFields {

    private static final String FIRST = "The first items in id order; first: 0 to 100";
    /** {@link org.plenum.topics.service.InputRules#NESTED_LIST_SIZE_DEFAULT}, as annotations need it. */
    private static final String DEFAULT_FIRST = "10";

    private final TopicService topics;
    private final QuoteService quotes;

    public RelationFields(TopicService topics, QuoteService quotes) {
        this.topics = topics;
        this.quotes = quotes;
    }

    @Name("quotes")
    @NonNull
    @Description(FIRST)
    @ListSize(slicingArguments = "first", requireOneSlicingArgument = false)
    public Uni<List<List<@NonNull QuoteNode>>> quotesOfTopics(@Source List<TopicNode> topicNodes,
            @DefaultValue(DEFAULT_FIRST) Integer first) {
        return quotes.quotesOfTopics(topicNodes.stream().map(TopicNode::topicId).toList(), first)
                .map(lists -> mapEach(lists, QuoteNode::of));
    }

    @Name("speakers")
    @NonNull
    @Description(FIRST)
    @ListSize(slicingArguments = "first", requireOneSlicingArgument = false)
    public Uni<List<List<@NonNull SpeakerNode>>> speakersOfTopics(@Source List<TopicNode> topicNodes,
            @DefaultValue(DEFAULT_FIRST) Integer first) {
        return topics.speakerIdsOfTopics(topicNodes.stream().map(TopicNode::topicId).toList(), first)
                .map(lists -> mapEach(lists, SpeakerNode::new));
    }

    @Name("topics")
    @NonNull
    @Description(FIRST)
    @ListSize(slicingArguments = "first", requireOneSlicingArgument = false)
    public Uni<List<List<@NonNull TopicNode>>> topicsOfQuotes(@Source List<QuoteNode> quoteNodes,
            @DefaultValue(DEFAULT_FIRST) Integer first) {
        return topics.topicsOfQuotes(quoteNodes.stream().map(QuoteNode::quoteId).toList(), first)
                .map(lists -> mapEach(lists, TopicNode::of));
    }

    // Speaker is speakers-service's: its fields from here are nullable, so that when this service is down a gateway
    // nulls only them, not the speakers
    @Name("topics")
    @Description(FIRST)
    @ListSize(slicingArguments = "first", requireOneSlicingArgument = false)
    public Uni<List<List<@NonNull TopicNode>>> topicsOfSpeakers(@Source List<SpeakerNode> speakerNodes,
            @DefaultValue(DEFAULT_FIRST) Integer first) {
        return topics.topicsOfSpeakers(speakerNodes.stream().map(speaker -> speaker.id).toList(), first)
                .map(lists -> mapEach(lists, TopicNode::of));
    }

    @Name("quotes")
    @Description(FIRST)
    @ListSize(slicingArguments = "first", requireOneSlicingArgument = false)
    public Uni<List<List<@NonNull QuoteNode>>> quotesOfSpeakers(@Source List<SpeakerNode> speakerNodes,
            @DefaultValue(DEFAULT_FIRST) Integer first) {
        return quotes.quotesOfSpeakers(speakerNodes.stream().map(speaker -> speaker.id).toList(), first)
                .map(lists -> mapEach(lists, QuoteNode::of));
    }

    private static <T, R> List<List<R>> mapEach(List<List<T>> lists, Function<T, R> mapper) {
        return lists.stream().map(list -> list.stream().map(mapper).toList()).toList();
    }
}
