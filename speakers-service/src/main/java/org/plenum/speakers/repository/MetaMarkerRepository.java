package org.plenum.speakers.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import org.plenum.speakers.MetaMarker;

@ApplicationScoped
public class MetaMarkerRepository implements ReactivePanacheMongoRepositoryBase<MetaMarker, String> {
}
