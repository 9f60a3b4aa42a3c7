package org.plenum.topics.model;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;

/**
 * A reference to a speaker of speakers-service, which owns the type and its other fields; this subgraph
 * contributes {@code topics} and {@code quotes} (see {@link org.plenum.topics.graphql.RelationFields}).
 */
@Name("Speaker")
@Key(fields = @FieldSet("id"))
@Description("A person quoted; name, role and the rest come from speakers-service")
public class SpeakerNode {

    @Id
    @NonNull
    public final String id;

    public SpeakerNode(String id) {
        this.id = id;
    }
}
