package org.plenum.gateway.engine;

import org.plenum.gateway.engine.subgraph.SubgraphClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Loads the composed supergraph fixtures and runs operations on a gateway built from them. */
final class Fixtures {

    private Fixtures() {
    }

    static String resource(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/supergraphs/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String supergraph(String scenario) {
        return resource(scenario + "/supergraph.graphql");
    }

    static String subgraphSdl(String scenario, String subgraph) {
        return resource(scenario + "/subgraphs/" + subgraph + ".graphql");
    }

    static Gateway gateway(String scenario, SubgraphClient client) {
        return Gateway.create(supergraph(scenario), client, GatewayOptions.defaults());
    }

    static GatewayResponse run(Gateway gateway, String query) {
        return run(gateway, query, Map.of());
    }

    static GatewayResponse run(Gateway gateway, String query, Map<String, Object> variables) {
        return gateway.execute(new GatewayRequest(query, null, variables, Map.of())).await().atMost(Duration.ofSeconds(10));
    }
}
