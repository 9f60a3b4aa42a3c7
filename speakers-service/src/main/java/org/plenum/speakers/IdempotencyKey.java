package org.plenum.speakers;

import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.codecs.pojo.annotations.BsonId;

import java.time.Instant;

/**
 * A create's idempotency key, claimed (inserted) before the speaker is: it fixes the id the speaker gets, so every
 * retry with the key ends at that one speaker. Keyed by caller, operation and key.
 */
@MongoEntity(collection = "idempotency_keys")
public class IdempotencyKey {

    @BsonId
    public String id;

    /** A digest of the request's input: the same key with other input is refused. */
    public String inputHash;

    public String resultId;

    public Instant createdAt;

    public IdempotencyKey() {
    }

    public IdempotencyKey(String id, String inputHash, String resultId, Instant createdAt) {
        this.id = id;
        this.inputHash = inputHash;
        this.resultId = resultId;
        this.createdAt = createdAt;
    }
}
