package org.plenum.topics.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A real HTTP server answering speakers-service's {@code speaker(id)} query for the sample speakers (and one
 * extra), so addQuote's speaker check runs over the wire. It can be stopped to make speakers-service unreachable.
 */
public final class SpeakersServiceStandIn {

    static final Set<String> KNOWN_SPEAKERS = Set.of("khalil-hashmi", "lin-nan", "test-speaker", "speaker-many", "speaker-other");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SpeakersServiceStandIn instance;

    private final int port;
    private HttpServer server;

    private SpeakersServiceStandIn(int port) {
        this.port = port;
    }

    static synchronized SpeakersServiceStandIn start() {
        instance = new SpeakersServiceStandIn(0);
        instance.listen();
        return instance;
    }

    public static synchronized SpeakersServiceStandIn instance() {
        return instance;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Listens again on the same port after {@link #stop()}. */
    public synchronized void restart() {
        SpeakersServiceStandIn restarted = new SpeakersServiceStandIn(server.getAddress().getPort());
        restarted.listen();
        instance = restarted;
    }

    public synchronized void stop() {
        server.stop(0);
    }

    private void listen() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/graphql", SpeakersServiceStandIn::answer);
        server.start();
    }

    private static void answer(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        String id = request.path("variables").path("id").asText();
        String speaker = KNOWN_SPEAKERS.contains(id) ? JSON.writeValueAsString(java.util.Map.of("id", id)) : "null";
        byte[] body = ("{\"data\":{\"speaker\":" + speaker + "}}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
