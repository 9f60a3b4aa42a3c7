package org.plenum.gateway.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One shared Jackson mapper: GraphQL bodies are read into and written from plain maps and lists. */
public class JsonConfig {

    @Produces
    @Singleton
    ObjectMapper objectMapper() {
        return new ObjectMapper();
    }
}
