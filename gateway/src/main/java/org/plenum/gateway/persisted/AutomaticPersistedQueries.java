package org.plenum.gateway.persisted;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The documents clients registered with Apollo's automatic persisted queries, by SHA-256 (lowercase hex). Bounded by
 * the characters it holds, not by count, so large documents cannot take more memory than configured; when full, the
 * least useful entries go (a client whose hash is gone just registers it again).
 */
public final class AutomaticPersistedQueries {

    private final Cache<String, String> documents;

    /** @param maxChars the most document characters (about bytes) held at once */
    public AutomaticPersistedQueries(long maxChars) {
        this.documents = Caffeine.newBuilder()
                .maximumWeight(Math.max(0, maxChars))
                .weigher((String hash, String document) -> hash.length() + document.length())
                .executor(Runnable::run) // evictions on the caller's thread: no background pool for a few map updates
                .build();
    }

    /** @param sha256 the document's SHA-256, already checked by the caller */
    public void register(String sha256, String document) {
        documents.put(sha256, document);
    }

    /** @return the registered document, or null */
    public String document(String sha256) {
        return documents.getIfPresent(sha256);
    }
}
