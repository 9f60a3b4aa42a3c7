package org.plenum.gateway.auth;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/** Reads a JWKS document from an {@code http:}/{@code https:} or {@code file:} URL without blocking the event loop. */
final class JwksDocument {

    private JwksDocument() {
    }

    static Supplier<Uni<String>> reader(Vertx vertx, WebClient client, String url, Duration timeout) {
        String scheme = String.valueOf(URI.create(url).getScheme()).toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "file" -> {
                String file = Path.of(URI.create(url)).toString();
                yield () -> vertx.fileSystem().readFile(file).map(buffer -> buffer.toString());
            }
            case "http", "https" -> () -> client.getAbs(url).timeout(timeout.toMillis()).send().map(response -> {
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(url + " answered HTTP " + response.statusCode());
                }
                return response.bodyAsString();
            });
            default -> throw new IllegalArgumentException(
                    "plenum.gateway.auth.jwks-url must be an http:, https: or file: URL, was " + url);
        };
    }
}
