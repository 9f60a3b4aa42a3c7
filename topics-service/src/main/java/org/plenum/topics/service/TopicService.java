package org.plenum.topics.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.plenum.subgraph.protection.errors.InvalidInputException;
import org.plenum.subgraph.protection.errors.NotFoundException;
import org.plenum.topics.Topic;
import org.plenum.topics.model.TopicConnection;
import org.plenum.topics.model.TopicCriteria;
import org.plenum.topics.model.TopicFilter;
import org.plenum.topics.model.TopicInput;
import org.plenum.topics.model.TopicPage;
import org.plenum.topics.repository.TopicRepository;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

@ApplicationScoped
public class TopicService {

    private final TopicRepository topics;

    private final IdempotentCreates idempotent;

    public TopicService(TopicRepository topics, IdempotentCreates idempotent) {
        this.topics = topics;
        this.idempotent = idempotent;
    }

    public Uni<Topic> findById(String id) {
        return findByIds(List.of(id)).map(found -> found.get(0));
    }

    /** The topics with these ids in the same order, null where there is none; one query. */
    public Uni<List<Topic>> findByIds(List<String> ids) {
        return Batches.lookUp(ids, topics::findByIds, topic -> topic.id);
    }

    public Uni<TopicPage> list(Integer first, String after, TopicFilter filter) {
        return Uni.createFrom().deferred(() -> topics.findPage(criteria(filter), Cursor.topicIdOf(after),
                InputRules.pageSize(first)));
    }

    /** How many topics match the page's filter, on all pages. */
    public Uni<Integer> count(TopicConnection page) {
        return page.count(() -> topics.countMatching(page.criteria).map(Math::toIntExact));
    }

    /** The first topics of each quote (see {@link Batches#firstPerKey}), in topic id order; one query. */
    public Uni<List<List<Topic>>> topicsOfQuotes(List<Long> quoteIds, Integer first) {
        return Batches.firstPerKey(quoteIds, first, topics::findByQuoteIds);
    }

    /** The first distinct topics each speaker has quotes on, in topic id order; one query. */
    public Uni<List<List<Topic>>> topicsOfSpeakers(List<String> speakerIds, Integer first) {
        return Batches.firstPerKey(speakerIds, first, topics::findBySpeakerIds);
    }

    /** The first distinct speakers of each topic's quotes, in speaker id order; one query. */
    public Uni<List<List<String>>> speakerIdsOfTopics(List<Long> topicIds, Integer first) {
        return Batches.firstPerKey(topicIds, first, topics::findSpeakerIdsByTopicIds);
    }

    /** Creates the topic; once only per idempotency key (see {@link IdempotentCreates}) when one is given. */
    public Uni<Topic> create(TopicInput input, String idempotencyKey) {
        return Uni.createFrom().deferred(() -> {
            Topic checked = new Topic();
            apply(input, checked);
            return idempotent.create("createTopic", idempotencyKey,
                    Arrays.asList(checked.title, checked.summary, Arrays.asList(checked.keywords)),
                    () -> {
                        Topic topic = new Topic();
                        apply(input, topic);
                        return requireUniqueTitle(topic).chain(() -> topics.persist(topic));
                    },
                    created -> created.id, id -> findById(String.valueOf(id)));
        });
    }

    @WithTransaction
    public Uni<Topic> update(String id, TopicInput input) {
        Topic changes = new Topic();
        apply(input, changes);
        long topicId = Ids.parse(id).orElseThrow(() -> notFound(id));
        return topics.findById(topicId)
                .onItem().ifNull().failWith(() -> notFound(id))
                .call(topic -> {
                    changes.id = topic.id;
                    return requireUniqueTitle(changes);
                })
                .invoke(topic -> {
                    topic.title = changes.title;
                    topic.summary = changes.summary;
                    topic.keywords = changes.keywords;
                });
    }

    /** Deletes the topic; its quotes lose it, and quotes left with no topic are deleted with it. */
    @WithTransaction
    public Uni<Boolean> delete(String id) {
        long topicId = Ids.parse(id).orElseThrow(() -> notFound(id));
        return topics.deleteWithOrphanedQuotes(topicId)
                .invoke(deleted -> {
                    if (!deleted) {
                        throw notFound(id);
                    }
                });
    }

    private Uni<Void> requireUniqueTitle(Topic topic) {
        return topics.titleTaken(topic.title, topic.id).invoke(taken -> {
            if (taken) {
                throw new InvalidInputException("input.title: a topic titled '" + topic.title
                        + "' already exists (titles are compared ignoring case)");
            }
        }).replaceWithVoid();
    }

    private static void apply(TopicInput input, Topic topic) {
        topic.title = InputRules.required("input.title", input.title, InputRules.TITLE_MAX);
        topic.summary = InputRules.optional("input.summary", input.summary, InputRules.SUMMARY_MAX);
        topic.keywords = InputRules.keywords("input.keywords", input.keywords);
    }

    private static TopicCriteria criteria(TopicFilter filter) {
        if (filter == null) {
            return TopicCriteria.ALL;
        }
        String search = InputRules.optional("filter.search", filter.search, InputRules.SEARCH_MAX);
        String keyword = InputRules.optional("filter.keyword", filter.keyword, InputRules.KEYWORD_MAX);
        return new TopicCriteria(
                search == null ? null : "%" + escapeLike(search.toLowerCase(Locale.ROOT)) + "%",
                keyword == null ? null : keyword.toLowerCase(Locale.ROOT));
    }

    /** Users search for text, so LIKE's wildcards in it are matched literally. */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static NotFoundException notFound(String id) {
        return new NotFoundException("Topic '" + id + "' does not exist");
    }
}
