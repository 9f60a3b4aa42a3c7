package org.plenum.speakers.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("SpeakerInput")
@Description("Speaker fields. Strings are trimmed; name 1..200 characters, role/organization/country at most 200, bio at most 4000.")
public class SpeakerInput {

    @NonNull
    public String name;

    public String role;

    public String organization;

    public String country;

    public String bio;
}
