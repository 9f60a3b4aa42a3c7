package org.plenum.speakers.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import org.plenum.speakers.IdempotencyKey;

@ApplicationScoped
public class IdempotencyKeyRepository implements ReactivePanacheMongoRepositoryBase<IdempotencyKey, String> {
}
