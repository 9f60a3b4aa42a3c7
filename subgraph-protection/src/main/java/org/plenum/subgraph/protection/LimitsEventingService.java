package org.plenum.subgraph.protection;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.smallrye.graphql.spi.EventingService;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.ArrayList;
import java.util.List;

/**
 * Adds the {@link LimitInstrumentations} in front of SmallRye GraphQL's own instrumentation when it builds its
 * graphql-java engine. SmallRye finds this service with the ServiceLoader and calls it only when its config key is
 * true, which this module's microprofile-config.properties sets.
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
        List<Instrumentation> chain = new ArrayList<>(LimitInstrumentations.of(RequestLimits.from(ConfigProvider.getConfig())));
        // one flat chain: graphql-java calls every member's hooks for every field, and a nested chain adds a level of that
        if (smallRyes instanceof ChainedInstrumentation nested) {
            chain.addAll(nested.getInstrumentations());
        } else {
            chain.add(smallRyes);
        }
        return builder.instrumentation(new ChainedInstrumentation(chain));
    }
}
