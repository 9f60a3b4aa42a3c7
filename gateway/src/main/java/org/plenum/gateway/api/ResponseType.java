package org.plenum.gateway.api;

/**
 * The response media types of GraphQL over HTTP. With {@code application/graphql-response+json} a request error
 * (nothing executed) is HTTP 400; with the legacy {@code application/json} every GraphQL result is HTTP 200.
 */
enum ResponseType {
    GRAPHQL_RESPONSE_JSON("application/graphql-response+json"),
    JSON("application/json");

    private final String mediaType;
    private final String contentType;

    ResponseType(String mediaType) {
        this.mediaType = mediaType;
        this.contentType = mediaType + "; charset=utf-8";
    }

    String contentType() {
        return contentType;
    }

    /**
     * Picks the response type from an Accept header: highest quality first; at equal quality graphql-response+json,
     * then json, then a wildcard (answered as json, what clients without an Accept header expect).
     *
     * @return the type, or null when the header accepts neither
     */
    static ResponseType negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        ResponseType best = null;
        double bestScore = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(java.util.Locale.ROOT);
            int preference = preference(type);
            double quality = quality(parts);
            if (preference == 0 || quality <= 0) {
                continue;
            }
            double score = quality * 10 + preference;
            if (score > bestScore) {
                bestScore = score;
                best = type.equals(GRAPHQL_RESPONSE_JSON.mediaType) ? GRAPHQL_RESPONSE_JSON : JSON;
            }
        }
        return best;
    }

    private static int preference(String type) {
        if (type.equals(GRAPHQL_RESPONSE_JSON.mediaType)) {
            return 3;
        }
        if (type.equals(JSON.mediaType)) {
            return 2;
        }
        return type.equals("*/*") || type.equals("application/*") ? 1 : 0;
    }

    private static double quality(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].trim();
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2));
                } catch (NumberFormatException malformed) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
