package org.plenum.speakers.repository;

import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.plenum.speakers.IdempotencyKey;

@ApplicationScoped
public class IdempotencyKeyRepository implements ReactivePanacheMongoRepositoryBase<IdempotencyKey, String> {
}
