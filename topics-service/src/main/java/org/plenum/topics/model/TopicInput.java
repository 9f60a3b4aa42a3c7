package org.plenum.topics.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;

@Description("A topic's content. On update it replaces the whole topic: an omitted summary or keyword list is cleared.")
@Input("TopicInput")
public class TopicInput {

    @NonNull
    @Description("1 to 200 characters after trimming; unique ignoring case")
    public String title;

    @Description("Up to 2000 characters")
    public String summary;

    @Description("Up to 20 keywords of 1 to 50 characters each, no duplicates ignoring case")
    public List<@NonNull String> keywords;

    public TopicInput() {
    }

    public TopicInput(String title, String summary, List<String> keywords) {
        this.title = title;
        this.summary = summary;
        this.keywords = keywords;
    }
}
