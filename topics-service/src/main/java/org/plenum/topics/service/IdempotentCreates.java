package org.plenum.topics.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;
import org.plenum.subgraph.protection.IdempotencyKeys;
import org.plenum.topics.repository.IdempotencyKeyRepository;

/**
 * Creates that a client can safely retry: with an idempotency key, the key (per caller and operation) and a digest of
 * the input are recorded in the transaction that creates the row, so a retry after a lost answer gets the first
 * result instead of a second row, and the same key with other input is refused. Keys are kept for
 * {@code plenum.idempotency.retention}.
 */
@ApplicationScoped
public class IdempotentCreates {

    private static final Logger LOG = Logger.getLogger(IdempotentCreates.class);
    /** PostgreSQL's unique_violation: a concurrent request with the same key (or the same unique value) won. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final IdempotencyKeyRepository keys;
    private final SecurityIdentity identity;
    private final Duration retention;

    public IdempotentCreates(IdempotencyKeyRepository keys, SecurityIdentity identity,
            @ConfigProperty(name = "plenum.idempotency.retention") Duration retention) {
        this.keys = keys;
        this.identity = identity;
        this.retention = retention;
    }

    /**
     * Creates, in a transaction of its own, once per key.
     *
     * @param input the request's input values: the same key with other values is refused
     * @param existing finds what an earlier request with the key created, by its id
     */
    public <T> Uni<T> create(String operation, String idempotencyKey, List<?> input, Supplier<Uni<T>> create,
            Function<T, Long> idOf, Function<Long, Uni<T>> existing) {
        if (idempotencyKey == null) {
            return Panache.withTransaction(create);
        }
        String key = InputRules.idempotencyKey(idempotencyKey);
        String caller = identity.getPrincipal().getName();
        String digest = IdempotencyKeys.digest(input);
        Supplier<Uni<T>> once = () -> Panache.withTransaction(() -> keys.find(caller, operation, key).chain(recorded -> {
            if (recorded == null) {
                return create.get().call(created -> keys.record(caller, operation, key, digest, idOf.apply(created)));
            }
            if (!recorded.inputHash().equals(digest)) {
                throw new IdempotencyKeyReusedException(key);
            }
            return existing.apply(recorded.resultId()).onItem().ifNull().failWith(() -> new NotFoundException(
                    "What the idempotency key '" + key + "' created has been deleted since"));
        }));
        // a request with the same key at the same time won the race: its result is recorded now
        return once.get().onFailure(IdempotentCreates::uniqueViolation).recoverWithUni(once::get);
    }

    @Scheduled(identity = "idempotency-key-expiry", every = "1h", delayed = "1m")
    Uni<Void> forgetOldKeys() {
        return Panache.withTransaction(() -> keys.deleteRecordedBefore(Instant.now().minus(retention)))
                .invoke(forgotten -> LOG.debugf("Forgot %d idempotency keys", forgotten))
                .replaceWithVoid();
    }

    private static boolean uniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())
                    || cause instanceof ConstraintViolationException violation
                    && (violation.getKind() == ConstraintViolationException.ConstraintKind.UNIQUE
                    || UNIQUE_VIOLATION.equals(violation.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
