package org.plenum.speakers.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("SpeakerFilter")
@Description("Narrows a speakers list; both conditions must hold when both are given")
public class SpeakerFilter {

    @Description("Case-insensitive substring of name, role or organization (at most 200 characters)")
    public String search;

    @Description("Country, compared case-insensitively as a whole")
    public String country;
}
