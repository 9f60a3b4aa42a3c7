package org.plenum.gateway.ui;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.plenum.gateway.shell.ShellTestProfile;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** GraphiQL is served by the gateway itself, every asset packaged: it works offline. */
@QuarkusTest
@TestProfile(ShellTestProfile.class)
class GraphiQLTest {

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

    @Test
    void landingPageLinksToGraphiQL() {
        given().get("/").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("href=\"/graphiql/\""))
                .body(matchesRegex("(?s).*Supergraph <code>sha256:[0-9a-f]{64}</code>, loaded \\d{4}-.*"));
    }

    @Test
    void graphiqlReferencesOnlyLocalAssetsAndAllAreServed() {
        String html = given().get("/graphiql/").then().statusCode(200)
                .contentType(startsWith("text/html"))
                .extract().asString();

        List<String> assets = assets(html);
        assertEquals(5, assets.size(), "stylesheet, React, ReactDOM, GraphiQL and the start script: " + assets);
        for (String asset : assets) {
            assertFalse(asset.contains("//") || asset.startsWith("/"), "a relative, packaged asset: " + asset);
            given().get("/graphiql/" + asset).then().statusCode(200)
                    .header("Content-Length", Integer::parseInt, greaterThan(100))
                    .body(not(containsString("https://unpkg.com")), not(containsString("cdn.jsdelivr")));
        }
    }

    @Test
    void graphiqlTalksToTheGatewayEndpoint() {
        given().get("/graphiql/graphiql-start.js").then().statusCode(200)
                .contentType(startsWith("text/javascript"))
                .body(containsString("new URL('/graphql', window.location.href)"))
                .body(containsString("{\"Authorization\": \"Bearer <your token>\"}"));
        given().redirects().follow(false).get("/graphiql").then().statusCode(302).header("Location", "/graphiql/");
        given().redirects().follow(false).get("/graphql-ui/").then().statusCode(302).header("Location", "/graphiql/");
    }

    private static List<String> assets(String html) {
        Matcher matcher = ASSET.matcher(html);
        return matcher.results().map(match -> match.group(1)).toList();
    }
}
