package org.plenum.speakers.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.plenum.speakers.client.TopicsServiceClient;
import org.plenum.speakers.model.SpeakerDeletion;
import org.plenum.speakers.repository.SpeakerDeletionRepository;
import org.plenum.speakers.repository.SpeakerRepository;

/**
 * Deletes speakers so that topics-service also drops their quotes: a tombstone is written before the speaker is
 * deleted and removed only once topics-service acknowledged; pending tombstones are re-sent periodically.
 */
@ApplicationScoped
public class SpeakerDeletionService {

    private static final Logger LOG = Logger.getLogger(SpeakerDeletionService.class);

    private final SpeakerRepository speakers;
    private final SpeakerDeletionRepository tombstones;
    private final TopicsServiceClient topicsService;

    public SpeakerDeletionService(SpeakerRepository speakers, SpeakerDeletionRepository tombstones,
            @RestClient TopicsServiceClient topicsService) {
        this.speakers = speakers;
        this.tombstones = tombstones;
        this.topicsService = topicsService;
    }

    /** Deletes the speaker; true once it is gone here, even if topics-service must still be told later. */
    public Uni<Boolean> delete(String id) {
        return speakers.findById(id)
                .onItem().ifNull().failWith(() -> new SpeakerNotFoundException(id))
                .chain(() -> tombstones.persistOrUpdate(new SpeakerDeletion(id, Instant.now())))
                .chain(() -> speakers.deleteById(id))
                .call(() -> notifyTopicsService(id))
                .replaceWith(Boolean.TRUE);
    }

    @Scheduled(identity = "speaker-deletion-retry", every = "${plenum.speaker-deletions.retry-interval}",
            delayed = "${plenum.speaker-deletions.retry-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> retryPending() {
        return tombstones.listAll()
                .onItem().transformToMulti(pending -> Multi.createFrom().iterable(pending))
                .onItem().transformToUniAndConcatenate(tombstone -> notifyTopicsService(tombstone.speakerId))
                .collect().last()
                .replaceWithVoid();
    }

    /** Never fails: an unreachable topics-service leaves the tombstone for the next retry. */
    private Uni<Void> notifyTopicsService(String speakerId) {
        return topicsService.deleteSpeakerData(speakerId)
                .call(() -> tombstones.deleteById(speakerId))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("topics-service not yet told that speaker %s was deleted (will retry): %s",
                            speakerId, failure.toString());
                    return null;
                });
    }
}
