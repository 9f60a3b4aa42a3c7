package org.plenum.speakers.repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.plenum.speakers.Speaker;

import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class SpeakerRepository implements ReactivePanacheMongoRepositoryBase<Speaker, String> {

    private static final Document BY_ID = new Document("_id", 1);
    /**
     * Ids per query of {@link #findByIdsInChunks}: the MongoDB-wire server used for local runs and the benchmark
     * matches every found document against the whole {@code $in} list again, so one query for n ids costs n²; chunks
     * keep a lookup linear in its size (and a real MongoDB gets bounded queries).
     */
    static final int IDS_PER_QUERY = 100;

    /** Speakers matching the filter with an id after {@code afterId} (if given), in id order, at most {@code limit}. */
    public Uni<List<Speaker>> findPage(String search, String country, String afterId, int limit) {
        Document query = matching(search, country);
        if (afterId != null) {
            query.append("_id", new Document("$gt", afterId));
        }
        return find(query, BY_ID).page(0, limit).list();
    }

    /**
     * The speakers with these (distinct) ids, in no particular order: one query per {@value #IDS_PER_QUERY} ids, one
     * after the other, so that a request holds one pooled connection at a time however many ids it sends.
     */
    public Uni<List<Speaker>> findByIdsInChunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)));
        }
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(this::findByIds)
                .collect().in(ArrayList::new, List::addAll);
    }

    public Uni<Long> countMatching(String search, String country) {
        return count(matching(search, country));
    }

    /** Replaces the stored speaker atomically; null when no speaker has that id. */
    public Uni<Speaker> replaceExisting(Speaker speaker) {
        Bson byId = Filters.eq("_id", speaker.id);
        return mongoCollection().findOneAndReplace(byId, speaker,
                new FindOneAndReplaceOptions().returnDocument(ReturnDocument.AFTER));
    }

    private static Document matching(String search, String country) {
        Document query = new Document();
        if (search != null) {
            Document contains = caseInsensitive(literal(search));
            query.append("$or", List.of(
                    new Document("name", contains),
                    new Document("role", contains),
                    new Document("organization", contains)));
        }
        if (country != null) {
            query.append("country", caseInsensitive("^" + literal(country) + "$"));
        }
        return query;
    }

    private static Document caseInsensitive(String regex) {
        return new Document("$regex", regex).append("$options", "i");
    }

    /** Escapes every ASCII punctuation character so user text matches literally in MongoDB (PCRE) and Java regex. */
    static String literal(String text) {
        StringBuilder escaped = new StringBuilder(text.length() * 2);
        text.chars().forEach(c -> {
            if (c < 128 && !Character.isLetterOrDigit(c)) {
                escaped.append('\\');
            }
            escaped.append((char) c);
        });
        return escaped.toString();
    }
}
