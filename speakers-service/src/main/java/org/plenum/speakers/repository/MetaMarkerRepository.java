package org.plenum.speakers.repository;

import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.plenum.speakers.MetaMarker;

@ApplicationScoped
public class MetaMarkerRepository implements ReactivePanacheMongoRepositoryBase<MetaMarker, String> {
}
