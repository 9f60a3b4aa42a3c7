package org.plenum.topics.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.plenum.topics.model.KeyedValue;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/**
 * Runs read-only work in a stateless session of its own. GraphQL resolves sibling fields (and aliased root
 * fields) concurrently on one Vert.x context, and a reactive session must never be used by two operations at
 * once, so reads do not share the context-bound Panache session.
 */
@ApplicationScoped
public class ReadSessions {

    private final Mutiny.SessionFactory sessionFactory;

    public ReadSessions(Mutiny.SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    public <T> Uni<T> read(Function<Mutiny.StatelessSession, Uni<T>> work) {
        return sessionFactory.openStatelessSession()
                .chain(session -> work.apply(session).eventually(session::close));
    }

    /** Runs a query for entities of one type whose parameter {@code :ids} is bound to the given ids. */
    public <T> Uni<List<T>> list(String hql, Collection<?> ids, Class<T> type) {
        return read(session -> session.createSelectionQuery(hql, type).setParameter("ids", ids).getResultList());
    }

    /**
     * Runs native SQL for the first children of each parent: {@code :ids} are the parents' keys, {@code :first} how
     * many children each may have at most; each row is (child, parent key), the child read as the named result set
     * mapping says (a plain column when {@code mapping} is null; a mapping's entity comes before its columns).
     */
    public <K, V> Uni<List<KeyedValue<K, V>>> firstChildren(String sql, String mapping, Collection<?> ids, int first,
            Class<K> keyType, Class<V> childType) {
        return read(session -> (mapping == null
                ? session.createNativeQuery(sql, Object[].class)
                : session.createNativeQuery(sql, session.getResultSetMapping(Object[].class, mapping)))
                .setParameter("ids", ids)
                .setParameter("first", first)
                .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new KeyedValue<>(keyType.cast(row[1]), childType.cast(row[0])))
                        .toList());
    }
}
