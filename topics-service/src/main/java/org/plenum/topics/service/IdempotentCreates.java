package org.plenum.topics.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.plenum.subgraph.protection.IdempotencyKeys;
import org.plenum.subgraph.protection.errors.IdempotencyKeyReusedException;
import org.plenum.subgraph.protection.errors.NotFoundException;
import org.plenum.topics.config.TopicsConfig;
import org.plenum.topics.repository.IdempotencyKeyRepository;
import org.plenum.topics.repository.PostgresFailures;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Creates that a client can safely retry: with an idempotency key, the key (per caller and operation) and a digest of
 * the input are recorded in the transaction that creates the row, so a retry after a lost answer gets the first
 * result instead of a second row, and the same key with other input is refused. Keys are kept for
 * {@code plenum.idempotency.retention}.
 */
@ApplicationScoped
public class IdempotentCreates {

    private static final Logger LOG = Logger.getLogger(IdempotentCreates.class);

    private final IdempotencyKeyRepository keys;
    private final SecurityIdentity identity;
    private final Duration retention;

    public IdempotentCreates(IdempotencyKeyRepository keys, SecurityIdentity identity,
            TopicsConfig config) {
        this.keys = keys;
        this.identity = identity;
        this.retention = config.idempotency().retention();
    }

    /**
     * Creates, in a transaction of its own, once per key.
     *
     * @param input the request's input values: the same key with other values is refused
     * @param existing finds what an earlier request with the key created, by its id
     */
    public <T> Uni<T> create(String operation, String idempotencyKey, List<?> input, Supplier<Uni<T>> create,
            Function<T, Long> idOf, Function<Long, Uni<T>> existing) {
        return create(operation, idempotencyKey, input, () -> Uni.createFrom().voidItem(), create, idOf, existing);
    }

    /**
     * Like {@link #create(String, String, List, Supplier, Function, Function)}, after a check outside the transaction
     * (another service asked, say) that runs only when the key has not created anything yet: a retry of a create that
     * committed is answered from its key even when that check could not pass now.
     */
    public <T> Uni<T> create(String operation, String idempotencyKey, List<?> input, Supplier<Uni<Void>> precondition,
            Supplier<Uni<T>> create, Function<T, Long> idOf, Function<Long, Uni<T>> existing) {
        if (idempotencyKey == null) {
            return precondition.get().chain(() -> Panache.withTransaction(create));
        }
        String key = InputRules.idempotencyKey(idempotencyKey);
        String caller = identity.getPrincipal().getName();
        String digest = IdempotencyKeys.digest(input);
        Function<IdempotencyKeyRepository.Recorded, Uni<T>> earlier = recorded -> {
            if (!recorded.inputHash().equals(digest)) {
                throw new IdempotencyKeyReusedException(key);
            }
            return existing.apply(recorded.resultId()).onItem().ifNull().failWith(() -> new NotFoundException(
                    "What the idempotency key '" + key + "' created has been deleted since"));
        };
        Supplier<Uni<T>> once = () -> Panache.withTransaction(() -> keys.find(caller, operation, key).chain(recorded ->
                recorded == null ? create.get().call(created -> keys.record(caller, operation, key, digest, idOf.apply(created)))
                        : earlier.apply(recorded)));
        return Panache.withSession(() -> keys.find(caller, operation, key)
                        .chain(recorded -> recorded == null ? Uni.createFrom().item(Optional.<T>empty())
                                : earlier.apply(recorded).map(Optional::of)))
                .chain(found -> found.isPresent() ? Uni.createFrom().item(found.get())
                        // a request with the same key at the same time won the race: its result is recorded now
                        : precondition.get().chain(() -> once.get().onFailure(PostgresFailures::uniqueViolation)
                                .recoverWithUni(once::get)));
    }

    @Scheduled(identity = "idempotency-key-expiry", every = "1h", delayed = "1m")
    Uni<Void> forgetOldKeys() {
        return Panache.withTransaction(() -> keys.deleteRecordedBefore(Instant.now().minus(retention)))
                .invoke(forgotten -> LOG.debugf("Forgot %d idempotency keys", forgotten))
                .replaceWithVoid();
    }
}
