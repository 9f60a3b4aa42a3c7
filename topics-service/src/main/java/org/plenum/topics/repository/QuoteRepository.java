package org.plenum.topics.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import org.plenum.topics.Quote;
import org.plenum.topics.model.KeyedValue;

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

    /** The quotes on these topics, as (topic id, quote) pairs in quote id order. */
    public Uni<List<KeyedValue<Long, Quote>>> findByTopicIds(Collection<Long> topicIds) {
        return reads.pairs("select t.id, q from Quote q join q.topics t where t.id in :ids order by q.id",
                topicIds, Long.class, Quote.class);
    }

    /** The quotes of these speakers in id order. */
    public Uni<List<Quote>> findBySpeakerIds(Collection<String> speakerIds) {
        return reads.list("from Quote where speakerId in :ids order by id", speakerIds, Quote.class);
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
