package org.plenum.speakers.model;

import java.time.Instant;

import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * Tombstone of a deleted speaker whose quotes topics-service has not yet confirmed removing.
 * Keyed by the speaker id, so repeated deletions leave one tombstone.
 */
@MongoEntity(collection = "speaker_deletions")
public class SpeakerDeletion {

    @BsonId
    public String speakerId;

    public Instant requestedAt;

    public SpeakerDeletion() {
    }

    public SpeakerDeletion(String speakerId, Instant requestedAt) {
        this.speakerId = speakerId;
        this.requestedAt = requestedAt;
    }
}
