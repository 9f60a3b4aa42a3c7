package org.plenum.gateway.e2e;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.shell.LibrarySubgraphsResource;

import java.net.URL;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;

/**
 * Apollo Client against the packaged gateway in refuse mode, with the manifest the client's operations were listed
 * in: a listed operation runs by its hash alone (one GET, nothing to register), an ad-hoc one is refused.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = LibrarySubgraphsResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = ApolloManifestResource.class, restrictToAnnotatedClass = true)
class ApolloClientTrustedDocumentsIT {

    @TestHTTPResource("/graphql")
    URL graphql;

    @Test
    void aListedOperationRunsByItsHashAndAnAdHocOneIsRefused() {
        String output = ApolloClientScript.run("trusted", graphql.toString());
        JsonPath run = JsonPath.from(output);

        assertThat(output, run.getList("requests.method"), contains("GET", "GET"));
        assertThat(output, run.getList("requests.document"), contains(false, false));
        // a request error with application/graphql-response+json, which Apollo Client asks for first
        assertThat(output, run.getList("requests.status"), contains(200, 400));
        assertThat(output, run.getList("results[0].data.books.title"), contains("The Quiet Harbour", "Glass Orchards"));
        assertThat(output, run.getList("results[1].error"), contains("PERSISTED_QUERY_NOT_IN_LIST"));
    }
}
