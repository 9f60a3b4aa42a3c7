package org.plenum.topics.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;
import org.plenum.topics.config.TopicsConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Loads the interview's topics and quotes once per database. The {@code sample-data} row of {@code plenum_meta}
 * records that it happened, so a restart never re-creates what users deleted or overwrites what they changed;
 * inserting that row first (in the same transaction) also keeps two instances from loading it twice.
 */
@ApplicationScoped
public class SampleDataLoader {

    static final String RESOURCE = "/sample-data/interview.json";
    private static final Logger LOG = Logger.getLogger(SampleDataLoader.class);

    private final ObjectMapper json;
    private final boolean enabled;

    public SampleDataLoader(ObjectMapper json, TopicsConfig config) {
        this.json = json;
        this.enabled = config.seed().enabled();
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (!enabled) {
            LOG.info("Sample data loading is switched off (plenum.seed.enabled=false)");
            return;
        }
        SampleData data = read();
        boolean loaded = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> load(data)));
        LOG.infof(loaded ? "Loaded the sample data (version %d): %d topics, %d quotes"
                : "Sample data (version %d) was loaded before; left as it is", data.version(), data.topics().size(),
                data.quotes().size());
    }

    SampleData read() {
        try (InputStream in = SampleDataLoader.class.getResourceAsStream(RESOURCE)) {
            return json.readValue(in, SampleData.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    private Uni<Boolean> load(SampleData data) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into plenum_meta (key, value) values ('sample-data', :version)
                        on conflict (key) do nothing""")
                .setParameter("version", Integer.toString(data.version()))
                .executeUpdate()
                .chain(claimed -> claimed == 0 ? Uni.createFrom().item(false)
                        : insertAll(session, data).replaceWith(true)));
    }

    private static Uni<Void> insertAll(Mutiny.Session session, SampleData data) {
        Multi<Integer> topics = Multi.createFrom().iterable(data.topics()).onItem().transformToUniAndConcatenate(
                topic -> session.createNativeQuery(
                                "insert into topic (id, title, summary, keywords) values (:id, :title, :summary, :keywords)")
                        .setParameter("id", topic.id())
                        .setParameter("title", topic.title())
                        .setParameter("summary", topic.summary())
                        .setParameter("keywords", topic.keywords().toArray(String[]::new))
                        .executeUpdate());
        Multi<Integer> quotes = Multi.createFrom().iterable(data.quotes()).onItem().transformToUniAndConcatenate(
                quote -> session.createNativeQuery(
                                "insert into quote (id, speaker_id, text, source) values (:id, :speakerId, :text, :source)")
                        .setParameter("id", quote.id())
                        .setParameter("speakerId", quote.speakerId())
                        .setParameter("text", quote.text())
                        .setParameter("source", quote.source())
                        .executeUpdate()
                        .chain(() -> session.createNativeQuery(
                                        "insert into quote_topic (quote_id, topic_id) select :quoteId, unnest(cast(:topicIds as bigint[]))")
                                .setParameter("quoteId", quote.id())
                                .setParameter("topicIds", quote.topicIds().toArray(Long[]::new))
                                .executeUpdate()));
        return topics.collect().last().chain(() -> quotes.collect().last()).replaceWithVoid();
    }
}
