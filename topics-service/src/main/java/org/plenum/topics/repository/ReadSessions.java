package org.plenum.topics.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.hibernate.reactive.mutiny.Mutiny;

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
}
