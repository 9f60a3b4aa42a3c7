package org.plenum.speakers.service;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.types.ObjectId;
import org.plenum.speakers.IdempotencyKey;
import org.plenum.speakers.Speaker;
import org.plenum.speakers.config.SpeakersConfig;
import org.plenum.speakers.model.SpeakerInput;
import org.plenum.speakers.repository.IdempotencyKeyRepository;
import org.plenum.speakers.repository.MongoFailures;
import org.plenum.speakers.repository.SpeakerRepository;
import org.plenum.subgraph.protection.IdempotencyKeys;
import org.plenum.subgraph.protection.errors.IdempotencyKeyReusedException;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * createSpeaker once per idempotency key. MongoDB writes one document atomically, so the key is claimed first with
 * the id the speaker will get; whoever holds or finds the claim then creates that speaker unless it exists. A retry
 * after a lost answer or a crash between the two writes, or running at the same time, ends at the same one speaker.
 * Keys are per caller and kept for {@code plenum.idempotency.retention}.
 */
@ApplicationScoped
public class IdempotentCreates {

    private static final String OPERATION = "createSpeaker";

    private final SpeakerRepository speakers;
    private final IdempotencyKeyRepository keys;
    private final SecurityIdentity identity;
    private final Duration retention;

    public IdempotentCreates(SpeakerRepository speakers, IdempotencyKeyRepository keys, SecurityIdentity identity,
            SpeakersConfig config) {
        this.speakers = speakers;
        this.keys = keys;
        this.identity = identity;
        this.retention = config.idempotency().retention();
    }

    public Uni<Speaker> create(SpeakerInput input, String idempotencyKey) {
        Speaker speaker = SpeakerInputValidator.toSpeaker(new ObjectId().toHexString(), input);
        if (idempotencyKey == null) {
            return speakers.persist(speaker);
        }
        String key = SpeakerInputValidator.idempotencyKey(idempotencyKey);
        String digest = IdempotencyKeys.digest(
                Arrays.asList(speaker.name, speaker.role, speaker.organization, speaker.country, speaker.bio));
        IdempotencyKey claim = new IdempotencyKey(identity.getPrincipal().getName() + "|" + OPERATION + "|" + key,
                digest, speaker.id, Instant.now());
        return keys.persist(claim)
                .onFailure(MongoFailures::duplicateKey).recoverWithUni(() -> keys.findById(claim.id))
                .chain(recorded -> {
                    if (!recorded.inputHash.equals(digest)) {
                        throw new IdempotencyKeyReusedException(key);
                    }
                    speaker.id = recorded.resultId;
                    return speakers.findById(speaker.id).chain(existing -> existing != null
                            ? Uni.createFrom().item(existing)
                            : speakers.persist(speaker)
                                    .onFailure(MongoFailures::duplicateKey)
                                    .recoverWithUni(() -> speakers.findById(speaker.id)));
                });
    }

    @Scheduled(identity = "idempotency-key-expiry", every = "1h", delayed = "1m")
    Uni<Void> forgetOldKeys() {
        return keys.delete("createdAt < ?1", Instant.now().minus(retention)).replaceWithVoid();
    }
}
