package org.plenum.topics.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;
import org.plenum.topics.model.KeyedValue;

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
     * Runs a query selecting (key, value) pairs for the given ids, bound to the parameter {@code :ids}.
     */
    public <K, V> Uni<List<KeyedValue<K, V>>> pairs(String hql, Collection<?> ids, Class<K> keyType,
            Class<V> valueType) {
        return read(session -> session.createSelectionQuery(hql, Object[].class)
                .setParameter("ids", ids)
                .getResultList())
                .map(rows -> rows.stream()
                        .map(row -> new KeyedValue<>(keyType.cast(row[0]), valueType.cast(row[1])))
                        .toList());
    }
}
