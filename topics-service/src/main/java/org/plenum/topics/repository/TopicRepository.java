package org.plenum.topics.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.plenum.topics.Topic;
import org.plenum.topics.model.KeyedValue;
import org.plenum.topics.model.TopicCriteria;
import org.plenum.topics.model.TopicPage;

import java.util.Collection;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Topics. Writes use the Panache session of the surrounding {@code @WithTransaction}; reads (one query each,
 * whatever the number of ids) run in their own stateless session, see {@link ReadSessions}.
 */
@ApplicationScoped
public class TopicRepository implements PanacheRepositoryBase<Topic, Long> {

    private final ReadSessions reads;

    public TopicRepository(ReadSessions reads) {
        this.reads = reads;
    }

    public Uni<List<Topic>> findByIds(Collection<Long> ids) {
        return reads.list("from Topic where id in :ids", ids, Topic.class);
    }

    /** The first topics of each of these quotes, as (quote id, topic) pairs in topic id order. */
    public Uni<List<KeyedValue<Long, Topic>>> findByQuoteIds(Collection<Long> quoteIds, int first) {
        return reads.firstChildren("""
                select p.id as parent, t.* from quote p
                cross join lateral (select qt.topic_id from quote_topic qt where qt.quote_id = p.id
                                    order by qt.topic_id limit :first) c
                join topic t on t.id = c.topic_id
                where p.id in (:ids) order by t.id""", Topic.WITH_PARENT, quoteIds, first, Long.class, Topic.class);
    }

    /** The first distinct topics these speakers have quotes on, as (speaker id, topic) pairs in topic id order. */
    public Uni<List<KeyedValue<String, Topic>>> findBySpeakerIds(Collection<String> speakerIds, int first) {
        return reads.firstChildren("""
                select s.speaker_id as parent, t.* from (select distinct speaker_id from quote where speaker_id in (:ids)) s
                cross join lateral (select distinct qt.topic_id from quote q join quote_topic qt on qt.quote_id = q.id
                                    where q.speaker_id = s.speaker_id order by qt.topic_id limit :first) c
                join topic t on t.id = c.topic_id
                order by t.id""", Topic.WITH_PARENT, speakerIds, first, String.class, Topic.class);
    }

    /** The first distinct speaker ids of each topic's quotes, as (topic id, speaker id) pairs in speaker id order. */
    public Uni<List<KeyedValue<Long, String>>> findSpeakerIdsByTopicIds(Collection<Long> topicIds, int first) {
        return reads.firstChildren("""
                select c.speaker_id, p.id as parent from topic p
                cross join lateral (select distinct q.speaker_id from quote_topic qt join quote q on q.id = qt.quote_id
                                    where qt.topic_id = p.id order by q.speaker_id limit :first) c
                where p.id in (:ids) order by c.speaker_id""", null, topicIds, first, Long.class, String.class);
    }

    /** Up to {@code first} topics after {@code afterId} in id order. */
    public Uni<TopicPage> findPage(TopicCriteria criteria, long afterId, int first) {
        String where = whereClause(criteria);
        return reads.read(session -> bind(session.createNativeQuery(
                        "select t.* from topic t" + where + (where.isEmpty() ? " where" : " and")
                                + " t.id > :afterId order by t.id limit :limit", Topic.class), criteria)
                .setParameter("afterId", afterId)
                // one extra row tells whether there is a next page
                .setParameter("limit", first + 1)
                .getResultList()
                .map(rows -> new TopicPage(rows.subList(0, Math.min(first, rows.size())), rows.size() > first, criteria)));
    }

    /** How many topics match, on all pages. */
    public Uni<Long> countMatching(TopicCriteria criteria) {
        return reads.read(session -> bind(session.createNativeQuery("select count(*) from topic t" + whereClause(criteria),
                Long.class), criteria).getSingleResult());
    }

    private static String whereClause(TopicCriteria criteria) {
        StringBuilder where = new StringBuilder();
        UnaryOperator<String> and = condition -> (where.isEmpty() ? " where " : " and ") + condition;
        if (criteria.searchPattern() != null) {
            where.append(and.apply("(lower(t.title) like :search escape '\\' "
                    + "or lower(coalesce(t.summary, '')) like :search escape '\\' "
                    + "or lower(array_to_string(t.keywords, ' ')) like :search escape '\\')"));
        }
        if (criteria.keyword() != null) {
            where.append(and.apply("exists (select 1 from unnest(t.keywords) k where lower(k) = :keyword)"));
        }
        return where.toString();
    }

    private static <R> Mutiny.SelectionQuery<R> bind(Mutiny.SelectionQuery<R> query, TopicCriteria criteria) {
        if (criteria.searchPattern() != null) {
            query.setParameter("search", criteria.searchPattern());
        }
        if (criteria.keyword() != null) {
            query.setParameter("keyword", criteria.keyword());
        }
        return query;
    }

    /** Whether another topic (not {@code exceptId}) has this title, ignoring case. */
    public Uni<Boolean> titleTaken(String title, Long exceptId) {
        return count("lower(title) = lower(?1) and id <> ?2", title, exceptId == null ? -1L : exceptId)
                .map(count -> count > 0);
    }

    /**
     * Deletes the topic and then every quote left without a topic, in the caller's transaction.
     *
     * @return whether the topic existed
     */
    public Uni<Boolean> deleteWithOrphanedQuotes(long id) {
        return getSession().chain(session -> session.createNativeQuery("""
                        delete from quote q
                        where q.id in (select quote_id from quote_topic where topic_id = :id)
                          and not exists (select 1 from quote_topic o where o.quote_id = q.id and o.topic_id <> :id)""")
                .setParameter("id", id)
                .executeUpdate()
                .chain(() -> session.createNativeQuery("delete from topic where id = :id")
                        .setParameter("id", id)
                        .executeUpdate())
                .map(deleted -> deleted > 0));
    }
}
