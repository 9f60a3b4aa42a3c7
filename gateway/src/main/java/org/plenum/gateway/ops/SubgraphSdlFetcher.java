package org.plenum.gateway.ops;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.plenum.gateway.engine.compose.SubgraphDefinition;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * Asks a subgraph for its SDL ({@code _service { sdl }}, as the gateway does at startup), from a command: the JDK's
 * HTTP client, a timeout and a bounded answer.
 */
final class SubgraphSdlFetcher {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final Duration timeout;
    private final int maxBytes;

    SubgraphSdlFetcher(Duration timeout, int maxBytes) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    /** @throws UsageException naming the subgraph and URL when the SDL cannot be had */
    String fetch(String subgraph, String url, Map<String, String> headers) {
        String where = "subgraph '" + subgraph + "' at " + url;
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url));
        } catch (IllegalArgumentException e) {
            throw new UsageException(where + ": not a valid URL (" + e.getMessage() + ")");
        }
        request.timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("User-Agent", "plenum-compose")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("query", SubgraphDefinition.SERVICE_SDL_QUERY).toString()));
        headers.forEach((name, value) -> {
            try {
                request.header(name, value);
            } catch (IllegalArgumentException e) {
                throw new UsageException(where + ": introspection header " + name + " cannot be sent (" + e.getMessage() + ")");
            }
        });
        JsonNode answer;
        try {
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(maxBytes + 1);
            }
            if (body.length > maxBytes) {
                throw new UsageException(where + ": the answer is larger than " + maxBytes + " bytes");
            }
            if (response.statusCode() / 100 != 2) {
                throw new UsageException(where + ": HTTP " + response.statusCode() + " to `_service { sdl }`");
            }
            answer = JSON.readTree(body);
        } catch (HttpTimeoutException e) {
            throw new UsageException(where + ": no answer within " + timeout.toMillis() + " ms");
        } catch (JacksonException e) {
            throw new UsageException(where + ": the answer is not JSON");
        } catch (IOException e) {
            throw new UsageException(where + ": cannot be reached (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException(where + ": interrupted");
        }
        JsonNode sdl = answer.path("data").path("_service").path("sdl");
        if (!sdl.isTextual()) {
            throw new UsageException(where + " did not answer `_service { sdl }` (is it a federation subgraph?): "
                    + answer.path("errors"));
        }
        return sdl.asText();
    }
}
