package org.plenum.speakers.repository;

import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.plenum.speakers.SpeakerTombstone;

@ApplicationScoped
public class SpeakerTombstoneRepository implements ReactivePanacheMongoRepositoryBase<SpeakerTombstone, String> {
}
