package org.plenum.topics.model;

import io.smallrye.graphql.api.federation.FieldSet;
import io.smallrye.graphql.api.federation.Key;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.plenum.topics.Quote;

/**
 * The GraphQL view of a {@link Quote}; its topics are a batched field of
 * {@link org.plenum.topics.graphql.RelationFields}.
 */
@Name("Quote")
@Key(fields = @FieldSet("id"))
@Description("A verbatim passage said by a speaker about one or more topics")
public class QuoteNode {

    @Id
    @NonNull
    public final String id;

    @NonNull
    public final String text;

    @Description("Where and when it was said")
    public final String source;

    @NonNull
    public final SpeakerNode speaker;

    public QuoteNode(String id, String text, String source, SpeakerNode speaker) {
        this.id = id;
        this.text = text;
        this.source = source;
        this.speaker = speaker;
    }

    public static QuoteNode of(Quote quote) {
        return quote == null ? null
                : new QuoteNode(quote.id.toString(), quote.text, quote.source, new SpeakerNode(quote.speakerId));
    }

    public long quoteId() {
        return Long.parseLong(id);
    }
}
