package org.plenum.speakers;

import io.quarkus.mongodb.panache.common.MongoEntity;
import org.bson.codecs.pojo.annotations.BsonId;

import java.time.Instant;

/** A one-off fact about this database, such as "the sample data was loaded", in {@code plenum_meta}. */
@MongoEntity(collection = "plenum_meta")
public class MetaMarker {

    @BsonId
    public String name;

    public Instant at;

    public MetaMarker() {
    }

    public MetaMarker(String name, Instant at) {
        this.name = name;
        this.at = at;
    }
}
