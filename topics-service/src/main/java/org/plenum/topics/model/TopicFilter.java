package org.plenum.topics.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

@Input("TopicFilter")
public class TopicFilter {

    @Description("Case-insensitive substring of the title, summary or keywords")
    public String search;

    @Description("A keyword the topic has, compared ignoring case")
    public String keyword;
}
