package org.plenum.gateway.persisted;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.plenum.gateway.config.GatewayConfig;
import org.plenum.gateway.config.GatewayStartupException;
import org.plenum.gateway.config.SafelistMode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Locale;
import java.util.Objects;

/**
 * The manifest of trusted documents in use: read from {@code plenum.gateway.persisted-documents.manifest-file} at
 * startup (an unusable one stops the gateway) and again whenever the file's modification time or size changes. A
 * manifest that fails to load later keeps the previous one in use, with an error logged and counted.
 */
@ApplicationScoped
public class TrustedDocuments {

    private static final Logger LOG = Logger.getLogger(TrustedDocuments.class);
    private static final String POLL_JOB = "plenum-manifest-poll";

    private final GatewayConfig.PersistedDocuments config;
    private final ObjectMapper mapper;
    private final Scheduler scheduler;
    private final Counter failures;
    private volatile DocumentManifest current = DocumentManifest.EMPTY;
    /** the version of the file last read, well or not: a broken file is reported once, not at every check */
    private FileVersion seen;

    public TrustedDocuments(GatewayConfig config, ObjectMapper mapper, Scheduler scheduler, MeterRegistry registry) {
        this.config = config.persistedDocuments();
        this.mapper = mapper;
        this.scheduler = scheduler;
        this.failures = Counter.builder("plenum.gateway.persisted.documents.manifest.failures")
                .description("Manifest files that could not be loaded; the previous manifest stayed in use")
                .register(registry);
        Gauge.builder("plenum.gateway.persisted.documents.manifest.documents", this, documents -> documents.current.size())
                .description("Documents listed in the persisted document manifest in use")
                .register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.manifestFile().isEmpty()) {
            if (config.mode() != SafelistMode.ALLOW) {
                throw new GatewayStartupException("plenum.gateway.persisted-documents.mode="
                        + config.mode().name().toLowerCase(Locale.ROOT)
                        + " needs a manifest: set plenum.gateway.persisted-documents.manifest-file");
            }
            return;
        }
        Path file = config.manifestFile().get();
        try {
            load(file);
        } catch (ManifestException e) {
            throw new GatewayStartupException("Cannot use the persisted document manifest " + file + ": " + e.getMessage());
        }
        LOG.infof("Loaded the persisted document manifest %s: %d documents, mode %s", file, current.size(), config.mode());
        if (!config.manifestPollInterval().isZero()) {
            scheduler.newJob(POLL_JOB)
                    .setInterval(config.manifestPollInterval().toString())
                    .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                    .setTask(execution -> poll())
                    .schedule();
        }
    }

    /** @return the manifest in use; empty when none is configured */
    public DocumentManifest current() {
        return current;
    }

    /** One check of the file (on a worker thread): reloads it when it changed, keeping the current one if that fails. */
    synchronized void poll() {
        Path file = config.manifestFile().orElseThrow();
        FileVersion version = FileVersion.of(file);
        if (Objects.equals(version, seen)) {
            return;
        }
        try {
            load(file);
            LOG.infof("Reloaded the persisted document manifest %s: %d documents", file, current.size());
        } catch (ManifestException e) {
            failures.increment();
            LOG.errorf("The persisted document manifest %s cannot be used, keeping the previous one (%d documents): %s",
                    file, current.size(), e.getMessage());
        }
    }

    private void load(Path file) {
        // the version before the content: a change while reading is seen at the next check
        seen = FileVersion.of(file);
        int max = config.maxManifestBytes();
        byte[] json;
        try (InputStream in = Files.newInputStream(file)) {
            json = in.readNBytes(max < Integer.MAX_VALUE ? max + 1 : max);
        } catch (IOException e) {
            throw new ManifestException("cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        if (json.length > max) {
            throw new ManifestException("larger than " + max + " bytes (plenum.gateway.persisted-documents.max-manifest-bytes)");
        }
        current = DocumentManifest.parse(mapper, json);
    }

    /** What tells that a file changed without reading it; null fields for a file that cannot be read. */
    private record FileVersion(FileTime modified, long size) {

        static FileVersion of(Path file) {
            try {
                return new FileVersion(Files.getLastModifiedTime(file), Files.size(file));
            } catch (IOException e) {
                return new FileVersion(null, -1);
            }
        }
    }
}
