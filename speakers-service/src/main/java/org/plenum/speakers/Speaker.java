package org.plenum.speakers;

import io.quarkus.mongodb.panache.common.MongoEntity;
import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;
import org.bson.codecs.pojo.annotations.BsonId;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;

/** A person quoted in the sample interview or added by users; stored in the {@code speakers} collection. */
@MongoEntity(collection = "speakers")
@Key(fields = @FieldSet("id"))
@Description("A person whose statements are quoted")
public class Speaker {

    @BsonId
    @Id
    @NonNull
    public String id;

    @NonNull
    public String name;

    @Description("e.g. \"Ambassador of Pakistan to China\"")
    public String role;

    @Description("e.g. \"CGTN\"")
    public String organization;

    public String country;

    public String bio;
}
