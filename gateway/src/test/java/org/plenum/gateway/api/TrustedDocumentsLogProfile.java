package org.plenum.gateway.api;

import java.util.HashMap;
import java.util.Map;

/** {@link TrustedDocumentsProfile}'s manifest in log mode, with registration (automatic persisted queries) off. */
public class TrustedDocumentsLogProfile extends TrustedDocumentsProfile {

    @Override
    protected String mode() {
        return "log";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(super.getConfigOverrides());
        config.put("plenum.gateway.persisted-documents.apq.enabled", "false");
        return config;
    }
}
