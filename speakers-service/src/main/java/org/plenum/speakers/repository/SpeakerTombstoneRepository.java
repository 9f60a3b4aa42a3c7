package org.plenum.speakers.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import org.plenum.speakers.model.SpeakerDeletion;

@ApplicationScoped
public class SpeakerDeletionRepository implements ReactivePanacheMongoRepositoryBase<SpeakerDeletion, String> {
}
