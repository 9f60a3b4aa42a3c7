package org.plenum.speakers.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.plenum.speakers.Speaker;
import org.plenum.speakers.model.PageInfo;
import org.plenum.speakers.model.SpeakerConnection;
import org.plenum.speakers.model.SpeakerDeletion;
import org.plenum.speakers.model.SpeakerEdge;
import org.plenum.speakers.model.SpeakerFilter;
import org.plenum.speakers.model.SpeakerInput;
import org.plenum.speakers.repository.SpeakerRepository;
import org.plenum.subgraph.protection.errors.InvalidInputException;
import org.plenum.subgraph.protection.errors.NotFoundException;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class SpeakerService {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;

    private final SpeakerRepository speakers;
    private final SpeakerDeletionService deletions;

    private final IdempotentCreates creates;

    public SpeakerService(SpeakerRepository speakers, SpeakerDeletionService deletions, IdempotentCreates creates) {
        this.speakers = speakers;
        this.deletions = deletions;
        this.creates = creates;
    }

    public Uni<Speaker> findById(String id) {
        return speakers.findById(id);
    }

    /**
     * The speakers in the order of {@code ids}, null where none exists, fetched with one query per
     * {@link SpeakerRepository#findByIdsInChunks chunk} of ids; another one only
     * when some are missing: a speaker deleted a moment ago resolves as it was while quotes may still name it
     * ({@link SpeakerDeletionService}).
     */
    public Uni<List<Speaker>> findAllInOrder(List<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<String> distinct = ids.stream().distinct().toList();
        return speakers.findByIdsInChunks(distinct).chain(found -> {
            Map<String, Speaker> byId = found.stream().collect(Collectors.toMap(s -> s.id, Function.identity()));
            List<String> missing = distinct.stream().filter(id -> !byId.containsKey(id)).toList();
            Uni<List<Speaker>> deleted = missing.isEmpty() ? Uni.createFrom().item(List.of()) : deletions.resolvable(missing);
            return deleted.map(gone -> {
                gone.forEach(speaker -> byId.putIfAbsent(speaker.id, speaker));
                return ids.stream().map(byId::get).toList();
            });
        });
    }

    /** A page in id order; {@code after} is a cursor of an earlier page. */
    public Uni<SpeakerConnection> page(Integer first, String after, SpeakerFilter filter) {
        int size = first == null ? DEFAULT_PAGE_SIZE : first;
        if (size < 0 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("first must be between 0 and " + MAX_PAGE_SIZE + " (got " + size + ")");
        }
        String afterId = SpeakerCursors.decode(after);
        SpeakerFilter where = SpeakerInputValidator.normalize(filter);
        // one extra row tells whether another page follows
        return speakers.findPage(where.search, where.country, afterId, size + 1).map(list -> {
            List<SpeakerEdge> edges = list.stream().limit(size)
                    .map(s -> new SpeakerEdge(SpeakerCursors.encode(s.id), s))
                    .toList();
            String endCursor = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor;
            return new SpeakerConnection(edges, new PageInfo(list.size() > size, endCursor), where);
        });
    }

    /** How many speakers match the page's filter, on all pages. */
    public Uni<Integer> count(SpeakerConnection page) {
        return page.count(() -> speakers.countMatching(page.filter.search, page.filter.country).map(Long::intValue));
    }

    /** Creates the speaker; once only per idempotency key ({@link IdempotentCreates}) when one is given. */
    public Uni<Speaker> create(SpeakerInput input, String idempotencyKey) {
        return creates.create(input, idempotencyKey);
    }

    public Uni<Speaker> update(String id, SpeakerInput input) {
        Speaker speaker = SpeakerInputValidator.toSpeaker(id, input);
        return speakers.replaceExisting(speaker)
                .onItem().ifNull().failWith(() -> SpeakerService.notFound(id));
    }

    public Uni<SpeakerDeletion> delete(String id) {
        return deletions.delete(id);
    }

    static NotFoundException notFound(String id) {
        return new NotFoundException("No speaker with id \"" + id + "\"");
    }
}
