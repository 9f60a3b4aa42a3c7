package org.plenum.speakers;

import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.codecs.pojo.annotations.BsonId;

import java.time.Instant;

/**
 * Tombstone of a deleted speaker: kept until topics-service confirmed removing their quotes, and a while after
 * ({@code plenum.speaker-deletions.resolvable-for}), with a copy of the speaker, so that a quote read before the
 * clean-up still resolves its speaker. Keyed by the speaker id, so repeated deletions leave one tombstone.
 */
@MongoEntity(collection = "speaker_deletions")
public class SpeakerTombstone {

    @BsonId
    public String speakerId;

    public Instant requestedAt;

    /** The speaker as it was, for entity lookups while quotes may still name them. */
    public Speaker speaker;

    /** When topics-service confirmed removing the quotes; null while it has not. */
    public Instant acknowledgedAt;

    public SpeakerTombstone() {
    }

    public SpeakerTombstone(Speaker speaker, Instant requestedAt) {
        this.speakerId = speaker.id;
        this.speaker = speaker;
        this.requestedAt = requestedAt;
    }
}
