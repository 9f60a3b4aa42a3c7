package org.plenum.gateway.engine;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Engine settings. A limit of 0 or less (or a zero duration) means unlimited.
 *
 * @param introspectionEnabled whether {@code __schema} and {@code __type} are answered
 * @param maxDepth             deepest field nesting an operation may have
 * @param maxAliases           most aliased fields an operation may have, fragments expanded
 * @param maxRootFields        most root fields an operation may select
 * @param maxDocumentBytes     largest document (UTF-8 bytes) accepted
 * @param maxTokens            most lexical tokens a document may have (stops the parser early)
 * @param maxFields            most fields an operation or fragment may have once its fragments are expanded
 * @param planCacheSize        how many documents (with their plans) are kept
 * @param preparationTimeout   how long parsing, validating and planning an unseen document may take
 * @param requestTimeout       how long a whole request may take; subgraph fetches still running then are cancelled
 * @param exposeSubgraphErrorDetails whether clients see transport failure details and subgraph errors without a code
 *                                   (otherwise: a code, the subgraph, a short message and the request id)
 * @param preparationExecutor  where unseen documents are parsed, validated and planned: never an event loop
 * @param overrideLabels       the progressive @override labels that are always active ("percent(x)" ones are else rolled)
 * @param overrideRolls        uniform numbers in [0, 1) that decide "percent(x)" labels, one per label and request
 * @param overrideListener     told per request which labels its operation depends on were active
 */
public record GatewayOptions(boolean introspectionEnabled, int maxDepth, int maxAliases, int maxRootFields,
                             int maxDocumentBytes, int maxTokens, int maxFields, int planCacheSize,
                             Duration preparationTimeout, Duration requestTimeout,
                             boolean exposeSubgraphErrorDetails, Executor preparationExecutor,
                             Set<String> overrideLabels, DoubleSupplier overrideRolls,
                             OverrideLabelListener overrideListener) {

    public static GatewayOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private boolean introspectionEnabled = true;
        private int maxDepth = 15;
        private int maxAliases = 30;
        private int maxRootFields = 20;
        private int maxDocumentBytes = 100_000;
        private int maxTokens = 15_000;
        private int maxFields = 2_000;
        private int planCacheSize = 1000;
        private Duration preparationTimeout = Duration.ofSeconds(2);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private boolean exposeSubgraphErrorDetails;
        /** the caller's thread, for plain-Java use; a server passes its own bounded pool */
        private Executor preparationExecutor = Runnable::run;
        private Set<String> overrideLabels = Set.of();
        private DoubleSupplier overrideRolls = () -> ThreadLocalRandom.current().nextDouble();
        private OverrideLabelListener overrideListener = OverrideLabelListener.NONE;

        public Builder introspectionEnabled(boolean value) {
            introspectionEnabled = value;
            return this;
        }

        public Builder maxDepth(int value) {
            maxDepth = value;
            return this;
        }

        public Builder maxAliases(int value) {
            maxAliases = value;
            return this;
        }

        public Builder maxRootFields(int value) {
            maxRootFields = value;
            return this;
        }

        public Builder maxDocumentBytes(int value) {
            maxDocumentBytes = value;
            return this;
        }

        public Builder maxTokens(int value) {
            maxTokens = value;
            return this;
        }

        public Builder maxFields(int value) {
            maxFields = value;
            return this;
        }

        public Builder planCacheSize(int value) {
            planCacheSize = value;
            return this;
        }

        public Builder preparationTimeout(Duration value) {
            preparationTimeout = value;
            return this;
        }

        public Builder requestTimeout(Duration value) {
            requestTimeout = value;
            return this;
        }

        public Builder exposeSubgraphErrorDetails(boolean value) {
            exposeSubgraphErrorDetails = value;
            return this;
        }

        public Builder preparationExecutor(Executor value) {
            preparationExecutor = value;
            return this;
        }

        public Builder overrideLabels(Set<String> value) {
            overrideLabels = Set.copyOf(value);
            return this;
        }

        public Builder overrideRolls(DoubleSupplier value) {
            overrideRolls = value;
            return this;
        }

        public Builder overrideListener(OverrideLabelListener value) {
            overrideListener = value;
            return this;
        }

        public GatewayOptions build() {
            return new GatewayOptions(introspectionEnabled, maxDepth, maxAliases, maxRootFields, maxDocumentBytes,
                    maxTokens, maxFields, planCacheSize, preparationTimeout, requestTimeout, exposeSubgraphErrorDetails,
                    preparationExecutor, overrideLabels, overrideRolls, overrideListener);
        }
    }
}
