package org.plenum.speakers.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.plenum.speakers.Speaker;
import org.plenum.speakers.SpeakerTombstone;
import org.plenum.speakers.client.TopicsServiceClient;
import org.plenum.speakers.config.SpeakersConfig;
import org.plenum.speakers.model.CleanupState;
import org.plenum.speakers.model.SpeakerDeletion;
import org.plenum.speakers.repository.SpeakerRepository;
import org.plenum.speakers.repository.SpeakerTombstoneRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Deletes speakers so that topics-service also drops their quotes: a tombstone is written before the speaker is
 * deleted, pending tombstones are re-sent periodically until topics-service acknowledges, and a tombstone is removed
 * only {@code resolvable-for} after that. Until then the deleted speaker still resolves as an entity
 * ({@link #resolvable}): a query that read a quote before the clean-up never finds its speaker missing.
 */
@ApplicationScoped
public class SpeakerDeletionService {

    private static final Logger LOG = Logger.getLogger(SpeakerDeletionService.class);

    private final SpeakerRepository speakers;
    private final SpeakerTombstoneRepository tombstones;
    private final TopicsServiceClient topicsService;
    private final Duration resolvableFor;

    public SpeakerDeletionService(SpeakerRepository speakers, SpeakerTombstoneRepository tombstones,
            @RestClient TopicsServiceClient topicsService, SpeakersConfig config) {
        this.speakers = speakers;
        this.tombstones = tombstones;
        this.topicsService = topicsService;
        this.resolvableFor = config.speakerDeletions().resolvableFor();
    }

    /** Deleted speakers with these ids whose tombstones are still kept, as they were. */
    public Uni<List<Speaker>> resolvable(List<String> ids) {
        return tombstones.find("_id in ?1", ids).list()
                .map(found -> found.stream().map(tombstone -> tombstone.speaker).filter(Objects::nonNull).toList());
    }

    /** Deletes the speaker, saying whether topics-service already removed their quotes or will be told later. */
    public Uni<SpeakerDeletion> delete(String id) {
        return speakers.findById(id)
                .onItem().ifNull().failWith(() -> SpeakerService.notFound(id))
                .chain(speaker -> tombstones.persistOrUpdate(new SpeakerTombstone(speaker, Instant.now())))
                .chain(() -> speakers.deleteById(id))
                .chain(() -> notifyTopicsService(id))
                .map(acknowledged -> new SpeakerDeletion(acknowledged ? CleanupState.DONE : CleanupState.PENDING));
    }

    @Scheduled(identity = "speaker-deletion-retry", every = "${plenum.speaker-deletions.retry-interval}",
            delayed = "${plenum.speaker-deletions.retry-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> retryPending() {
        Instant forgettable = Instant.now().minus(resolvableFor);
        return tombstones.listAll()
                .onItem().transformToMulti(pending -> Multi.createFrom().iterable(pending))
                .onItem().transformToUniAndConcatenate(tombstone -> tombstone.acknowledgedAt == null
                        ? notifyTopicsService(tombstone.speakerId).replaceWithVoid()
                        : tombstone.acknowledgedAt.isBefore(forgettable)
                        ? tombstones.deleteById(tombstone.speakerId).replaceWithVoid()
                        : Uni.createFrom().voidItem())
                .collect().last()
                .replaceWithVoid();
    }

    /**
     * Whether topics-service acknowledged. Never fails: an unreachable topics-service leaves the tombstone
     * unacknowledged for the next retry.
     */
    private Uni<Boolean> notifyTopicsService(String speakerId) {
        return topicsService.deleteSpeakerData(speakerId)
                .call(() -> tombstones.update("acknowledgedAt", Instant.now()).where("_id", speakerId))
                .replaceWith(true)
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("topics-service not yet told that speaker %s was deleted (will retry): %s",
                            speakerId, failure.toString());
                    return false;
                });
    }
}
