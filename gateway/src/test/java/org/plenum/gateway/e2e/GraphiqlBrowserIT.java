package org.plenum.gateway.e2e;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.*;

/**
 * A newcomer exploring the federated graph in GraphiQL with a real browser (Debian's headless Chromium): types a
 * query that nests topics from one subgraph under speakers from the other, runs it with the execute button and reads
 * the interview's speakers in the result pane. A screenshot of the page stays in target/screenshots/graphiql.png.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = SubgraphsResource.class, restrictToAnnotatedClass = true)
class GraphiqlBrowserIT {

    /** Speakers (speakers-service) -> their topics (topics-service) -> the topics' speakers (both). */
    private static final String QUERY = "{ speakers(first: 20) { edges { node { name topics { title speakers { name } } } } } }";
    private static final Path SCREENSHOT = Path.of("target", "screenshots", "graphiql.png");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    // CodeMirror 5, GraphiQL's editor, keeps its instance on the editor's wrapper element
    private static final String QUERY_EDITOR = ".graphiql-query-editor .CodeMirror";
    private static final String RESULT_PANE = ".graphiql-response .CodeMirror";

    @TestHTTPResource("/graphiql")
    URL graphiql;

    @BeforeAll
    static void requireChromium() {
        HeadlessChromium.requireInstalled();
    }

    @Test
    void nestedSpeakersAndTopicsQueryShowsTheInterviewsSpeakersInTheResultPane() throws IOException {
        ChromeDriver browser = HeadlessChromium.start();
        try {
            browser.get(graphiql.toString());
            WebElement queryEditor = await().atMost(PATIENCE)
                    .until(() -> browser.findElements(By.cssSelector(QUERY_EDITOR)), not(empty())).get(0);

            type(browser, queryEditor, QUERY);
            assertThat("query editor text", editorText(browser, QUERY_EDITOR), equalTo(QUERY));
            // spreads the one-line query over lines, so that the screenshot shows all of it
            browser.findElement(By.cssSelector("button[aria-label^='Prettify query']")).click();
            browser.findElement(By.cssSelector(".graphiql-execute-button")).click();

            WebElement resultPane = browser.findElement(By.cssSelector(RESULT_PANE));
            await().atMost(PATIENCE).until(resultPane::getText, not(blankOrNullString()));
            JsonPath result = JsonPath.from(editorText(browser, RESULT_PANE));

            assertThat(result.getList("errors"), nullValue());
            assertThat("what the result pane shows", resultPane.getText(), containsString("Khalil Hashmi"));
            assertThat(result.getList("data.speakers.edges.node.name"), hasItems("Khalil Hashmi", "Lin Nan"));
            for (String speaker : List.of("Khalil Hashmi", "Lin Nan")) {
                List<List<String>> speakersOfTheirTopics = result.getList(
                        "data.speakers.edges.node.find { it.name == '" + speaker + "' }.topics.speakers.name");
                assertThat("speakers of each topic " + speaker + " spoke on", speakersOfTheirTopics,
                        everyItem(hasItem(speaker)));
                assertThat("topics " + speaker + " spoke on", speakersOfTheirTopics, not(empty()));
            }
        } finally {
            try {
                screenshot(browser);
            } finally {
                browser.quit();
            }
        }
    }

    /** Replaces the editor's text the way a person does: click into it, select all, type. */
    private static void type(ChromeDriver browser, WebElement editor, String text) {
        new Actions(browser)
                .click(editor)
                .keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL)
                .sendKeys(Keys.DELETE)
                .sendKeys(text)
                .perform();
    }

    private static String editorText(ChromeDriver browser, String editorSelector) {
        return (String) browser.executeScript(
                "return document.querySelector(arguments[0]).CodeMirror.getValue();", editorSelector);
    }

    private static void screenshot(ChromeDriver browser) throws IOException {
        Files.createDirectories(SCREENSHOT.getParent());
        Files.move(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
    }
}
