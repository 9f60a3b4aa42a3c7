package org.plenum.gateway.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenum.gateway.engine.compose.SubgraphDefinition;
import org.plenum.gateway.engine.compose.SupergraphComposer;
import org.plenum.gateway.engine.supergraph.Supergraph;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code check} between supergraphs composed from the fixtures in {@code ops/check/}: {@code current}, {@code proposed}
 * (one change of each kind) and {@code additions} (only safe ones), with the operations in {@code ops/check/operations}.
 */
class CheckCommandTest {

    @TempDir
    Path folder;

    @Test
    void classifiesEachKindOfChange() {
        List<String> changes = SchemaCheck.compare(supergraph("current"), supergraph("proposed")).stream()
                .map(change -> change.severity() + " " + change.location())
                .toList();

        assertThat(changes, hasItems(
                "BREAKING Query.legacy",          // field removed
                "BREAKING Query.book(edition:)",  // new required argument
                "BREAKING Book.pages",            // Int! -> Int
                "BREAKING Genre.DRAMA",           // enum value removed
                "BREAKING Podcast.host",          // field removed on a type reached only through an interface
                "BREAKING BookInput.year",        // new required input field
                "DANGEROUS Query.books(first:)",  // default value changed
                "DANGEROUS Genre.ESSAY",          // enum value added
                "DANGEROUS SearchResult",         // union member added
                "SAFE Author",                    // type added
                "SAFE Book.author",               // field added
                "SAFE Query.book(language:)",     // optional argument added
                "SAFE BookInput.notes"));         // optional input field added
        assertThat(changes, not(hasItems("BREAKING Book.subtitle"))); // String -> String! is safe for clients
    }

    @Test
    void breakingChangesAndBrokenOperationsExitWithOne() throws IOException {
        Run run = run("check", "--current", compose("current"), "--proposed", compose("proposed"),
                "--operations", ComposeCommandTest.resource("ops/check/operations").toString());

        assertEquals(Commands.FAILED, run.exitCode, run.err);
        assertThat(run.out, allOf(
                containsString("BREAKING   Query.legacy"),
                containsString("The new API is missing the field 'Query.legacy'"),
                containsString("BROKEN     legacy.graphql"),
                containsString("BROKEN     book.graphql"),
                not(containsString("BROKEN     books.graphql")),
                containsString("2 of 4 operation(s) no longer validate")));
        assertThat(run.err, containsString("already invalid against the current schema (not counted): unknown-field.graphql"));
    }

    @Test
    void onlySafeChangesExitWithZero() throws IOException {
        Run run = run("check", "--current", compose("current"), "--proposed", compose("additions"));

        assertEquals(Commands.OK, run.exitCode, run.out + run.err);
        assertThat(run.out, allOf(containsString("SAFE       Author"),
                containsString("0 breaking, 0 dangerous, 3 safe change(s) to the API schema")));
    }

    @Test
    void operationsFromAPersistedQueryManifest() throws IOException {
        Path manifest = Files.writeString(folder.resolve("manifest.json"), """
                {"format": "apollo-persisted-query-manifest", "version": 1, "operations": [
                  {"id": "a1", "name": "Legacy", "type": "query", "body": "query Legacy { legacy }"},
                  {"id": "b2", "name": "Books", "type": "query", "body": "query Books { books { title } }"}
                ]}""");

        Run run = run("check", "--current", compose("current"), "--proposed", compose("additions"),
                "--operations", manifest.toString());

        assertEquals(Commands.OK, run.exitCode, run.out + run.err);
        assertThat(run.out, containsString("0 of 2 operation(s) no longer validate"));
    }

    @Test
    void unusableSupergraphIsInvalidInput() throws IOException {
        Path notASupergraph = Files.writeString(folder.resolve("plain.graphql"), "type Query { hello: String }");

        Run run = run("check", "--current", notASupergraph.toString(), "--proposed", compose("proposed"));

        assertEquals(Commands.INVALID_INPUT, run.exitCode);
        assertThat(run.err, containsString("error: current supergraph " + notASupergraph + " cannot be used: Not a supergraph"));
    }

    private static Supergraph supergraph(String fixture) {
        return Supergraph.parse(composed(fixture));
    }

    private String compose(String fixture) throws IOException {
        return Files.writeString(folder.resolve(fixture + ".graphql"), composed(fixture)).toString();
    }

    private static String composed(String fixture) {
        String sdl = Commands.readFile(ComposeCommandTest.resource("ops/check/" + fixture + "/library.graphql"), "fixture");
        return SupergraphComposer.compose(List.of(new SubgraphDefinition("library", "http://library/graphql", sdl)));
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = Commands.run(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                name -> null);
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Run(int exitCode, String out, String err) {
    }
}
