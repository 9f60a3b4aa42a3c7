package org.plenum.topics.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Input("QuoteInput")
public class QuoteInput {

    @NonNull
    @Id
    @Description("An existing speaker of speakers-service")
    public String speakerId;

    @NonNull
    @Id
    @Description("1 to 20 distinct existing topic ids")
    public List<@NonNull String> topicIds;

    @NonNull
    @Description("The verbatim passage, 1 to 5000 characters after trimming")
    public String text;

    @Description("Where and when it was said, up to 500 characters")
    public String source;
}
