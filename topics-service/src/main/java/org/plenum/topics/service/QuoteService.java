package org.plenum.topics.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.plenum.subgraph.protection.errors.InvalidInputException;
import org.plenum.subgraph.protection.errors.NotFoundException;
import org.plenum.subgraph.protection.errors.ServiceUnavailableException;
import org.plenum.topics.Quote;
import org.plenum.topics.Topic;
import org.plenum.topics.client.SpeakersServiceClient;
import org.plenum.topics.client.SpeakersServiceClient.SpeakerAnswer;
import org.plenum.topics.client.SpeakersServiceClient.SpeakerQuery;
import org.plenum.topics.config.TopicsConfig;
import org.plenum.topics.model.QuoteInput;
import org.plenum.topics.repository.QuoteRepository;
import org.plenum.topics.repository.TopicRepository;

import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

@ApplicationScoped
public class QuoteService {

    private static final Logger LOG = Logger.getLogger(QuoteService.class);

    private final QuoteRepository quotes;
    private final TopicRepository topics;
    private final SpeakersServiceClient speakers;
    private final String speakersUrl;

    private final IdempotentCreates idempotent;

    public QuoteService(QuoteRepository quotes, TopicRepository topics, @RestClient SpeakersServiceClient speakers,
            TopicsConfig config, IdempotentCreates idempotent) {
        this.quotes = quotes;
        this.topics = topics;
        this.speakers = speakers;
        this.speakersUrl = config.speakersService().url();
        this.idempotent = idempotent;
    }

    public Uni<Quote> findById(String id) {
        return findByIds(List.of(id)).map(found -> found.get(0));
    }

    /** The quotes with these ids in the same order, null where there is none; one query. */
    public Uni<List<Quote>> findByIds(List<String> ids) {
        return Batches.lookUp(ids, quotes::findByIds, quote -> quote.id);
    }

    /** The first quotes on each topic (see {@link Batches#firstPerKey}), in quote id order; one query. */
    public Uni<List<List<Quote>>> quotesOfTopics(List<Long> topicIds, Integer first) {
        return Batches.firstPerKey(topicIds, first, quotes::findByTopicIds);
    }

    /** The first quotes of each speaker (see {@link Batches#firstPerKey}), in quote id order; one query. */
    public Uni<List<List<Quote>>> quotesOfSpeakers(List<String> speakerIds, Integer first) {
        return Batches.firstPerKey(speakerIds, first, quotes::findBySpeakerIds);
    }

    /**
     * Adds a quote after checking its input, that speakers-service knows the speaker and that its topics exist.
     * The speaker is checked before the transaction starts, so no database connection waits on the remote call.
     */
    public Uni<Quote> add(QuoteInput input, String idempotencyKey) {
        return Uni.createFrom().deferred(() -> addValidated(input, idempotencyKey));
    }

    /** Once only per idempotency key (see {@link IdempotentCreates}) when one is given. */
    private Uni<Quote> addValidated(QuoteInput input, String idempotencyKey) {
        String speakerId = InputRules.required("input.speakerId", input.speakerId, InputRules.SPEAKER_ID_MAX);
        String text = InputRules.required("input.text", input.text, InputRules.QUOTE_TEXT_MAX);
        String source = InputRules.optional("input.source", input.source, InputRules.SOURCE_MAX);
        Set<Long> topicIds = topicIds(input.topicIds);
        return idempotent.create("addQuote", idempotencyKey, Arrays.asList(speakerId, text, source, topicIds),
                        () -> requireSpeaker(speakerId), () -> topics.list("id in ?1", topicIds).chain(found -> {
                            requireAll(topicIds, found);
                            Quote quote = new Quote();
                            quote.speakerId = speakerId;
                            quote.text = text;
                            quote.source = source;
                            quote.topics = new HashSet<>(found);
                            return quotes.persist(quote);
                        }),
                        created -> created.id, id -> findById(String.valueOf(id)));
    }

    @WithTransaction
    public Uni<Boolean> delete(String id) {
        long quoteId = Ids.parse(id).orElseThrow(() -> notFound(id));
        return quotes.deleteQuote(quoteId).invoke(deleted -> {
            if (!deleted) {
                throw notFound(id);
            }
        });
    }

    /** Removes everything of a deleted speaker: its quotes and their topic links. Idempotent. */
    @WithTransaction
    public Uni<Long> deleteBySpeaker(String speakerId) {
        return quotes.deleteBySpeakerId(speakerId);
    }

    private Uni<Void> requireSpeaker(String speakerId) {
        return speakers.speaker(SpeakerQuery.byId(speakerId)).map(SpeakerAnswer::found)
                .onFailure().transform(e -> {
                    // the cause (host, port, transport) goes to the log only
                    LOG.warnf("speakers-service at %s could not confirm speaker '%s': %s", speakersUrl,
                            speakerId, e);
                    return new ServiceUnavailableException("speakers-service could not confirm speaker '" + speakerId
                            + "'; nothing was saved, try again later", e);
                })
                .invoke(exists -> {
                    if (!exists) {
                        throw new NotFoundException("Speaker '" + speakerId + "' does not exist");
                    }
                })
                .replaceWithVoid();
    }

    /** Distinct, 1 to 20, each an existing topic (checked here for form, in the transaction for existence). */
    private static Set<Long> topicIds(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidInputException("input.topicIds must name at least one topic");
        }
        if (ids.size() > InputRules.TOPICS_PER_QUOTE_MAX) {
            throw new InvalidInputException("input.topicIds names " + ids.size() + " topics; at most "
                    + InputRules.TOPICS_PER_QUOTE_MAX + " are allowed");
        }
        Set<Long> result = new LinkedHashSet<>();
        for (String id : ids) {
            long topicId = Ids.parse(id).orElseThrow(() -> TopicService.notFound(id));
            if (!result.add(topicId)) {
                throw new InvalidInputException("input.topicIds names topic '" + id + "' more than once");
            }
        }
        return result;
    }

    private static void requireAll(Set<Long> topicIds, List<Topic> found) {
        Set<Long> missing = new LinkedHashSet<>(topicIds);
        found.forEach(topic -> missing.remove(topic.id));
        if (missing.size() == 1) {
            throw TopicService.notFound(missing.iterator().next().toString());
        }
        if (!missing.isEmpty()) {
            throw new NotFoundException("Topics " + missing.stream().map(id -> "'" + id + "'")
                    .collect(Collectors.joining(", ")) + " do not exist");
        }
    }

    static NotFoundException notFound(String id) {
        return new NotFoundException("Quote '" + id + "' does not exist");
    }
}
