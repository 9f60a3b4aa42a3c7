package org.plenum.speakers.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import org.plenum.speakers.SpeakerTombstone;

@ApplicationScoped
public class SpeakerTombstoneRepository implements ReactivePanacheMongoRepositoryBase<SpeakerTombstone, String> {
}
