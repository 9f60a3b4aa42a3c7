package org.plenum.subgraph.protection;

import com.apollographql.federation.graphqljava.tracing.FederatedTracingInstrumentation;
import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.smallrye.graphql.execution.QueryCache;
import io.smallrye.graphql.spi.EventingService;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.ArrayList;
import java.util.List;

/**
 * Puts the {@link RequestLimitsInstrumentation} in place of SmallRye GraphQL's own instrumentation when it builds its
 * graphql-java engine. SmallRye finds this service with the ServiceLoader and calls it only when its config key is
 * true, which this module's microprofile-config.properties sets.
 * <p>
 * SmallRye's chain holds its document cache, which the limits instrumentation tells of each validation itself, and
 * Apollo's federated tracing, which is left out: it answers anyone who sends {@code apollo-federation-include-trace}
 * with per-field timings and error details, Plenum's gateway never asks for it, and it is called for every field
 * value. Anything else SmallRye adds stays, chained after the limits.
 */
public class LimitsEventingService implements EventingService {

    @Override
    public String getConfigKey() {
        return RequestLimits.PREFIX + "limits.enabled";
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        // the builder does not expose what SmallRye configured; a throwaway build does, without side effects
        Instrumentation smallRyes = builder.build().getInstrumentation();
        List<Instrumentation> members = smallRyes instanceof ChainedInstrumentation chain
                ? chain.getInstrumentations() : List.of(smallRyes);
        QueryCache validatedDocuments = null;
        List<Instrumentation> others = new ArrayList<>();
        for (Instrumentation member : members) {
            if (member instanceof QueryCache cache) {
                validatedDocuments = cache;
            } else if (!(member instanceof FederatedTracingInstrumentation)) {
                others.add(member);
            }
        }
        Instrumentation limits = new RequestLimitsInstrumentation(RequestLimits.from(ConfigProvider.getConfig()),
                validatedDocuments);
        if (others.isEmpty()) {
            return builder.instrumentation(limits);
        }
        others.add(0, limits);
        return builder.instrumentation(new ChainedInstrumentation(others));
    }
}
