package org.plenum.topics.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** The idempotency keys of creates, in the transaction of the surrounding Panache session. */
@ApplicationScoped
public class IdempotencyKeyRepository {

    /** What a key recorded: the digest of the input it came with and the id of what was created. */
    public record Recorded(String inputHash, long resultId) {
    }

    /** The key's record, or null. */
    public Uni<Recorded> find(String caller, String operation, String key) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select input_hash, result_id from idempotency_key
                        where caller = :caller and operation = :operation and key = :key""", Object[].class)
                .setParameter("caller", caller)
                .setParameter("operation", operation)
                .setParameter("key", key)
                .getSingleResultOrNull())
                .map(row -> row == null ? null : new Recorded(((String) row[0]).trim(), ((Number) row[1]).longValue()));
    }

    public Uni<Void> record(String caller, String operation, String key, String inputHash, long resultId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into idempotency_key (caller, operation, key, input_hash, result_id)
                        values (:caller, :operation, :key, :inputHash, :resultId)""")
                .setParameter("caller", caller)
                .setParameter("operation", operation)
                .setParameter("key", key)
                .setParameter("inputHash", inputHash)
                .setParameter("resultId", resultId)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** @return how many keys recorded before {@code before} were forgotten */
    public Uni<Integer> deleteRecordedBefore(Instant before) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "delete from idempotency_key where created_at < :before")
                .setParameter("before", before)
                .executeUpdate());
    }
}
