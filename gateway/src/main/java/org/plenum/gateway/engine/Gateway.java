package org.plenum.gateway.engine;

import io.smallrye.mutiny.Uni;

import java.util.List;
import java.util.Map;

/** The federation gateway engine for one supergraph: built once per schema, then executes operations. */
public final class Gateway {

    private final String supergraphSdl;
    private final SubgraphClient client;
    private final GatewayOptions options;

    private Gateway(String supergraphSdl, SubgraphClient client, GatewayOptions options) {
        this.supergraphSdl = supergraphSdl;
        this.client = client;
        this.options = options;
    }

    /** @throws SupergraphException with a clear message for an invalid supergraph */
    public static Gateway create(String supergraphSdl, SubgraphClient client, GatewayOptions options) {
        if (supergraphSdl == null || supergraphSdl.isBlank()) {
            throw new SupergraphException("The supergraph SDL is empty");
        }
        return new Gateway(supergraphSdl, client, options);
    }

    public Uni<GatewayResponse> execute(GatewayRequest request) {
        return Uni.createFrom().item(new GatewayResponse(
                Map.of("errors", List.of(Map.of("message", "not implemented yet"))), true, null, null));
    }

    /** The API schema clients see, printed as SDL. */
    public String apiSchemaSdl() {
        return "";
    }

    /** join__Graph enum value name -> subgraph URL. */
    public Map<String, String> subgraphUrls() {
        return Map.of();
    }

    /** The printable query plan of an operation. */
    public String explain(String query, String operationName) {
        return "";
    }
}
