package org.plenum.gateway.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.plenum.gateway.config.GatewayConfig;
import org.plenum.gateway.config.SafelistMode;
import org.plenum.gateway.engine.error.Errors;
import org.plenum.gateway.persisted.AutomaticPersistedQueries;
import org.plenum.gateway.persisted.DocumentManifest;
import org.plenum.gateway.persisted.Sha256;
import org.plenum.gateway.persisted.TrustedDocuments;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Finds the document a request runs: the one it sends, the manifest's (by {@code documentId} or hash) or an
 * automatic persisted query's (by hash), and applies the safelist mode to it. Apollo's protocol: an unknown hash is
 * answered {@code PERSISTED_QUERY_NOT_FOUND} (HTTP 200) and the client sends the document with the hash, which
 * registers it once the hash is checked; with registration off, {@code PERSISTED_QUERY_NOT_SUPPORTED} tells clients
 * to send documents.
 */
@ApplicationScoped
public class PersistedDocumentResolver {

    private static final Logger LOG = Logger.getLogger(PersistedDocumentResolver.class);
    static final String NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND";
    static final String NOT_SUPPORTED = "PERSISTED_QUERY_NOT_SUPPORTED";
    static final String HASH_MISMATCH = "PERSISTED_QUERY_HASH_MISMATCH";
    static final String NOT_IN_LIST = "PERSISTED_QUERY_NOT_IN_LIST";
    /** How many unlisted documents are remembered as logged, and for how long: each is logged once in that time. */
    private static final int LOGGED_DOCUMENTS = 10_000;
    private static final Duration LOG_AGAIN_AFTER = Duration.ofMinutes(10);
    /** GraphQL over HTTP's form of a document id that is the document's hash */
    private static final String SHA256_PREFIX = "sha256:";

    private final TrustedDocuments trusted;
    private final SafelistMode mode;
    /** null when registration is off */
    private final AutomaticPersistedQueries registered;
    private final int maxDocumentBytes;
    private final Counter logged;
    private final Counter refused;
    private final Cache<String, Boolean> recentlyLogged = Caffeine.newBuilder()
            .maximumSize(LOGGED_DOCUMENTS).expireAfterWrite(LOG_AGAIN_AFTER).executor(Runnable::run).build();

    public PersistedDocumentResolver(TrustedDocuments trusted, GatewayConfig config, MeterRegistry registry) {
        GatewayConfig.PersistedDocuments persisted = config.persistedDocuments();
        this.trusted = trusted;
        this.mode = persisted.mode();
        this.registered = persisted.apq().enabled() ? new AutomaticPersistedQueries(persisted.apq().maxStoreBytes()) : null;
        this.maxDocumentBytes = config.limits().maxDocumentBytes();
        this.logged = unlistedCounter(registry, "logged");
        this.refused = unlistedCounter(registry, "refused");
    }

    private static Counter unlistedCounter(MeterRegistry registry, String action) {
        return Counter.builder("plenum.gateway.persisted.documents.unlisted")
                .description("Requests with a document outside the persisted document manifest: run and logged (mode log) "
                        + "or refused (PERSISTED_QUERY_NOT_IN_LIST)")
                .tag("action", action)
                .register(registry);
    }

    /**
     * @return the parameters with the document to run (and its hash when known)
     * @throws GraphQLRequestException when there is nothing the request may run
     */
    GraphQLParameters resolve(GraphQLParameters parameters, ResponseType responseType) {
        DocumentManifest manifest = trusted.current();
        if (parameters.documentId() != null) {
            return byId(parameters, manifest, responseType);
        }
        if (parameters.persistedQueryHash() != null) {
            return parameters.query() == null ? byHash(parameters, manifest, responseType)
                    : register(parameters, manifest, responseType);
        }
        if (mode == SafelistMode.ALLOW) {
            return parameters; // nothing to check: the engine caches the document by its text
        }
        String hash = Sha256.hex(parameters.query());
        requireListed(manifest, hash, parameters, responseType);
        return parameters.withDocument(parameters.query(), hash);
    }

    private GraphQLParameters byId(GraphQLParameters parameters, DocumentManifest manifest, ResponseType responseType) {
        if (parameters.query() != null) {
            throw new GraphQLRequestException(400, "BAD_REQUEST",
                    "Send either a document in 'query' or its id in 'documentId', not both");
        }
        String id = parameters.documentId();
        DocumentManifest.Listed listed = manifest.byId(id);
        if (listed == null && id.startsWith(SHA256_PREFIX) && Sha256.isHex(id.substring(SHA256_PREFIX.length()))) {
            listed = manifest.byHash(id.substring(SHA256_PREFIX.length()).toLowerCase(Locale.ROOT));
        }
        if (listed == null) {
            throw notInList(responseType, "Persisted document " + Errors.quoted(parameters.documentId()) + " is not in the manifest");
        }
        return parameters.withDocument(listed.body(), listed.sha256());
    }

    private GraphQLParameters byHash(GraphQLParameters parameters, DocumentManifest manifest, ResponseType responseType) {
        String hash = parameters.persistedQueryHash();
        DocumentManifest.Listed listed = manifest.byHash(hash);
        if (listed != null) {
            return parameters.withDocument(listed.body(), hash);
        }
        if (mode == SafelistMode.REFUSE) {
            // registering it could not make it runnable: say so at once rather than ask for the document
            throw notInList(responseType, "No document with SHA-256 " + hash + " is in the persisted document manifest");
        }
        if (registered == null) {
            throw new GraphQLRequestException(200, NOT_SUPPORTED, "PersistedQueryNotSupported");
        }
        String document = registered.document(hash);
        if (document == null) {
            // the message is the protocol's: some clients match it rather than the code
            throw new GraphQLRequestException(200, NOT_FOUND, "PersistedQueryNotFound");
        }
        noteUnlisted(hash, parameters);
        return parameters.withDocument(document, hash);
    }

    private GraphQLParameters register(GraphQLParameters parameters, DocumentManifest manifest, ResponseType responseType) {
        byte[] utf8 = parameters.query().getBytes(StandardCharsets.UTF_8);
        String hash = Sha256.hex(utf8);
        if (!hash.equals(parameters.persistedQueryHash())) {
            throw new GraphQLRequestException(400, HASH_MISMATCH,
                    "The document's SHA-256 is not the 'sha256Hash' of extensions.persistedQuery");
        }
        requireListed(manifest, hash, parameters, responseType);
        // in refuse mode only the manifest's documents run, and those are found there; too large a document is
        // refused by the engine: storing either would only take the space of others
        if (registered != null && mode != SafelistMode.REFUSE
                && (maxDocumentBytes <= 0 || utf8.length <= maxDocumentBytes)) {
            registered.register(hash, parameters.query());
        }
        return parameters.withDocument(parameters.query(), hash);
    }

    /** Applies the safelist mode to a document the request sent itself. */
    private void requireListed(DocumentManifest manifest, String hash, GraphQLParameters parameters,
                               ResponseType responseType) {
        if (mode == SafelistMode.ALLOW || manifest.byHash(hash) != null) {
            return;
        }
        if (mode == SafelistMode.REFUSE) {
            throw notInList(responseType, "Only the documents of the persisted document manifest may run on this "
                    + "gateway, and this one is not among them; send a listed document or its 'documentId'");
        }
        noteUnlisted(hash, parameters);
    }

    /** Mode log: counted every time, logged once per document and period so that a busy client cannot flood the log. */
    private void noteUnlisted(String hash, GraphQLParameters parameters) {
        if (mode != SafelistMode.LOG) {
            return;
        }
        logged.increment();
        if (recentlyLogged.asMap().putIfAbsent(hash, Boolean.TRUE) == null) {
            LOG.warnf("A document outside the persisted document manifest ran: sha256=%s operation=%s", hash,
                    parameters.operationName() == null ? "-" : Errors.echo(parameters.operationName()));
        }
    }

    /** A request error, counted: HTTP 400 with application/graphql-response+json, 200 with application/json. */
    private GraphQLRequestException notInList(ResponseType responseType, String message) {
        refused.increment();
        return new GraphQLRequestException(responseType == ResponseType.GRAPHQL_RESPONSE_JSON ? 400 : 200, NOT_IN_LIST, message);
    }
}
