package org.plenum.gateway.api;

import org.plenum.gateway.persisted.Sha256;
import org.plenum.gateway.shell.ShellTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The shell test app in refuse mode: only the documents of an Apollo persisted query manifest (a temporary file,
 * checked for changes every second) run. Registration stays on, as by default.
 */
public class TrustedDocumentsProfile extends ShellTestProfile {

    static final String TITLES = "query ListedTitles { books { title } }";
    static final String BOOK = "query ListedBook($isbn: ID!) { book(isbn: $isbn) { title } }";
    static final String BOOK_ID = "listed-book";
    static final String MANIFEST_FILE = "plenum.gateway.persisted-documents.manifest-file";

    /** Apollo's format; the first id is the document's hash as Apollo's tools make it, the second any name. */
    static String apolloManifest() {
        return """
                {"format": "apollo-persisted-query-manifest", "version": 1, "operations": [
                  {"id": "%s", "name": "ListedTitles", "type": "query", "body": "%s"},
                  {"id": "%s", "name": "ListedBook", "type": "query", "body": "%s"}]}
                """.formatted(Sha256.hex(TITLES), TITLES, BOOK_ID, BOOK.replace("\"", "\\\""));
    }

    protected String mode() {
        return "refuse";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("plenum.gateway.persisted-documents.mode", mode());
        config.put(MANIFEST_FILE, writeTemporary(apolloManifest()).toString());
        config.put("plenum.gateway.persisted-documents.manifest-poll-interval", "1s");
        return config;
    }

    private static Path writeTemporary(String manifest) {
        try {
            Path file = Files.createTempFile("plenum-manifest", ".json");
            Files.writeString(file, manifest);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
