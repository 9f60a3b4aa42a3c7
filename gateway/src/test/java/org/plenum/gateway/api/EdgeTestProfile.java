package org.plenum.gateway.api;

import org.plenum.gateway.shell.ShellTestProfile;

import java.util.HashMap;
import java.util.Map;

/** The shell test app with tight edge limits, so each can be reached by a small test. */
public class EdgeTestProfile extends ShellTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("plenum.gateway.limits.request-timeout", "2500ms");
        config.put("plenum.gateway.subgraphs.stock.timeout", "10s");
        config.put("plenum.gateway.limits.request-body-timeout", "1s");
        config.put("plenum.gateway.limits.max-concurrent-requests", "2");
        config.put("plenum.gateway.limits.max-response-bytes", "600");
        config.put("plenum.gateway.limits.max-subgraph-response-bytes", "200");
        config.put("plenum.gateway.limits.max-aliases", "30");
        config.put("plenum.gateway.limits.max-document-bytes", "100000");
        config.put("plenum.gateway.limits.max-request-bytes", "200000");
        return config;
    }
}
