package org.plenum.gateway.e2e;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Has the Apollo Client script write its manifest, as a client's build would, and starts the gateway in refuse mode with it. */
public class ApolloManifestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            Path manifest = Files.createTempFile("plenum-apollo-manifest", ".json");
            manifest.toFile().deleteOnExit();
            ApolloClientScript.run("manifest", manifest.toString());
            return Map.of("plenum.gateway.persisted-documents.mode", "refuse",
                    "plenum.gateway.persisted-documents.manifest-file", manifest.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // the temporary manifest goes when the JVM exits
    }
}
