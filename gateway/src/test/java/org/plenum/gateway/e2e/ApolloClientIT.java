package org.plenum.gateway.e2e;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.shell.LibrarySubgraphsResource;

import java.net.URL;
import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;

/**
 * Apollo Client's persisted query link against the packaged gateway with its defaults: the first request of an
 * operation sends only the hash and registers the document when the gateway does not know it, later ones send only
 * the hash, by GET.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = LibrarySubgraphsResource.class, restrictToAnnotatedClass = true)
class ApolloClientIT {

    @TestHTTPResource("/graphql")
    URL graphql;

    @Test
    void theFirstRequestRegistersTheDocumentAndLaterOnesSendItsHashByGet() {
        String output = ApolloClientScript.run("apq", graphql.toString());
        JsonPath run = JsonPath.from(output);

        // Titles: its hash by GET (unknown), document and hash by POST (registered), its hash by GET (known);
        // then Book: unknown hash by GET, registered by POST
        assertThat(output, run.getList("requests.method"), contains("GET", "POST", "GET", "GET", "POST"));
        assertThat(output, run.getList("requests.document"), contains(false, true, false, false, true));
        assertThat(output, run.getList("requests.status"), everyItem(equalTo(200)));
        List<String> hashes = run.getList("requests.hash");
        assertThat(output, hashes.subList(1, 3), everyItem(equalTo(hashes.get(0))));
        assertThat(output, hashes.get(3), not(equalTo(hashes.get(0))));

        assertThat(output, run.getList("results[0].data.books.title"), contains("The Quiet Harbour", "Glass Orchards"));
        assertThat(output, run.getList("results[1].data.books.title"), contains("The Quiet Harbour", "Glass Orchards"));
        assertThat(output, run.getString("results[2].data.book.title"), equalTo("Glass Orchards"));
    }
}
