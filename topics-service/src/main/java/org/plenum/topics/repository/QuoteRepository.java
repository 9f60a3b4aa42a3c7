package org.plenum.topics.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.plenum.topics.Quote;
import org.plenum.topics.model.KeyedValue;

import java.util.Collection;
import java.util.List;

/**
 * Quotes. Writes use the Panache session of the surrounding {@code @WithTransaction}; reads (one query each,
 * whatever the number of ids) run in their own stateless session, see {@link ReadSessions}.
 */
@ApplicationScoped
public class QuoteRepository implements PanacheRepositoryBase<Quote, Long> {

    private final ReadSessions reads;

    public QuoteRepository(ReadSessions reads) {
        this.reads = reads;
    }

    public Uni<List<Quote>> findByIds(Collection<Long> ids) {
        return reads.list("from Quote where id in :ids", ids, Quote.class);
    }

    /** The first quotes on each of these topics, as (topic id, quote) pairs in quote id order. */
    public Uni<List<KeyedValue<Long, Quote>>> findByTopicIds(Collection<Long> topicIds, int first) {
        return reads.firstChildren("""
                select p.id as parent, q.* from topic p
                cross join lateral (select qt.quote_id from quote_topic qt where qt.topic_id = p.id
                                    order by qt.quote_id limit :first) c
                join quote q on q.id = c.quote_id
                where p.id in (:ids) order by q.id""", Quote.WITH_PARENT, topicIds, first, Long.class, Quote.class);
    }

    /** The first quotes of each of these speakers, as (speaker id, quote) pairs in quote id order. */
    public Uni<List<KeyedValue<String, Quote>>> findBySpeakerIds(Collection<String> speakerIds, int first) {
        return reads.firstChildren("""
                select s.speaker_id as parent, q.* from (select distinct speaker_id from quote where speaker_id in (:ids)) s
                cross join lateral (select * from quote qq where qq.speaker_id = s.speaker_id
                                    order by qq.id limit :first) q
                order by q.id""", Quote.WITH_PARENT, speakerIds, first, String.class, Quote.class);
    }

    /** Deletes all quotes of a speaker (their topic links go with them), in the caller's transaction. */
    public Uni<Long> deleteBySpeakerId(String speakerId) {
        return getSession().chain(session -> session.createNativeQuery("delete from quote where speaker_id = :speakerId")
                .setParameter("speakerId", speakerId)
                .executeUpdate())
                .map(Integer::longValue);
    }

    /** Deletes a quote (its topic links go with it), in the caller's transaction; false if there was none. */
    public Uni<Boolean> deleteQuote(long id) {
        return getSession().chain(session -> session.createNativeQuery("delete from quote where id = :id")
                .setParameter("id", id)
                .executeUpdate())
                .map(deleted -> deleted > 0);
    }
}
