package org.plenum.speakers.model;

import org.eclipse.microprofile.graphql.NonNull;
import org.plenum.speakers.Speaker;

public class SpeakerEdge {

    @NonNull
    public final String cursor;

    @NonNull
    public final Speaker node;

    public SpeakerEdge(String cursor, Speaker node) {
        this.cursor = cursor;
        this.node = node;
    }
}
