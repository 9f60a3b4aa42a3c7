package org.plenum.speakers.seed;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import org.jboss.logging.Logger;
import org.plenum.speakers.MetaMarker;
import org.plenum.speakers.Speaker;
import org.plenum.speakers.config.SpeakersConfig;
import org.plenum.speakers.repository.MetaMarkerRepository;
import org.plenum.speakers.repository.MongoFailures;
import org.plenum.speakers.repository.SpeakerRepository;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Loads the interview's speakers on the first start against a database. A marker in {@code plenum_meta}
 * records that it happened, so later starts neither re-create deleted samples nor overwrite edits.
 */
@ApplicationScoped
public class SampleDataLoader {

    static final String MARKER = "speakers-sample-data";
    private static final String RESOURCE = "/seed/speakers.json";
    private static final Logger LOG = Logger.getLogger(SampleDataLoader.class);

    private final SpeakerRepository speakers;
    private final MetaMarkerRepository markers;
    private final boolean enabled;

    public SampleDataLoader(SpeakerRepository speakers, MetaMarkerRepository markers,
            SpeakersConfig config) {
        this.speakers = speakers;
        this.markers = markers;
        this.enabled = config.seed().enabled();
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            int loaded = loadOnce().await().atMost(Duration.ofMinutes(1));
            LOG.infof("Sample data: %d speakers loaded", loaded);
        }
    }

    /** Loads the sample speakers unless this database already had them once; returns how many were inserted. */
    public Uni<Integer> loadOnce() {
        return markers.findById(MARKER).chain(marker -> marker != null
                ? Uni.createFrom().item(0)
                : insertAbsent(samples()).call(() -> markers.persistOrUpdate(new MetaMarker(MARKER, Instant.now()))));
    }

    private Uni<Integer> insertAbsent(List<Speaker> samples) {
        return Multi.createFrom().iterable(samples)
                .onItem().transformToUniAndConcatenate(speaker -> speakers.persist(speaker).replaceWith(1)
                        // already there: inserted by an interrupted earlier load or a concurrent replica
                        .onFailure(MongoFailures::duplicateKey).recoverWithItem(0))
                .collect().with(Collectors.summingInt(Integer::intValue));
    }

    static List<Speaker> samples() {
        try (InputStream json = SampleDataLoader.class.getResourceAsStream(RESOURCE); Jsonb jsonb = JsonbBuilder.create()) {
            return List.of(jsonb.fromJson(json, Speaker[].class));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + RESOURCE, e);
        }
    }
}
