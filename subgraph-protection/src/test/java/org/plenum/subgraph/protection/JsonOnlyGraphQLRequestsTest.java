package org.plenum.subgraph.protection;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonOnlyGraphQLRequestsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "application/json | true",
            "application/json; charset=utf-8 | true",
            "Application/JSON ;charset=UTF-8 | true",
            "application/jsonfoo | false",
            "application/json-patch+json | false",
            "text/plain | false",
            "text/plain; charset=application/json | false",
            "application/x-www-form-urlencoded | false",
            "multipart/form-data; boundary=x | false",
            "application/graphql | false",
            "null | false" })
    void onlyTheJsonMediaTypeIsJson(String contentType, boolean json) {
        assertEquals(json, JsonOnlyGraphQLRequests.isJson(contentType));
    }
}
