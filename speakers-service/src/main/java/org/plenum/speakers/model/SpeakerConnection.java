package org.plenum.speakers.model;

import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

import java.util.List;
import java.util.function.Supplier;

public class SpeakerConnection {

    @NonNull
    public final List<@NonNull SpeakerEdge> edges;

    @NonNull
    public final PageInfo pageInfo;

    /** What the page was filtered by, normalized: totalCount counts with it, and only when asked for. */
    @Ignore
    public final SpeakerFilter filter;

    @Ignore
    private Uni<Integer> count;

    public SpeakerConnection(List<SpeakerEdge> edges, PageInfo pageInfo, SpeakerFilter filter) {
        this.edges = edges;
        this.pageInfo = pageInfo;
        this.filter = filter;
    }

    /** The count, made once however often the request selects totalCount (under aliases): one query, not one each. */
    public synchronized Uni<Integer> count(Supplier<Uni<Integer>> counting) {
        if (count == null) {
            count = counting.get().memoize().indefinitely();
        }
        return count;
    }
}
