package org.plenum.gateway.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.plenum.gateway.engine.supergraph.Supergraph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commands as README documents them: {@code java -jar gateway/target/quarkus-app/quarkus-run.jar <command>}. */
class PackagedCommandsIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Path FIXTURES = Path.of("target/test-classes/ops");

    @TempDir
    Path folder;

    @Test
    void composeThenCheckFromThePackagedApp() throws Exception {
        Path supergraph = folder.resolve("supergraph.graphql");

        Result compose = run("compose", "--config", FIXTURES.resolve("compose/supergraph.yaml").toString(),
                "--output", supergraph.toString());
        assertEquals(Commands.OK, compose.exitCode, compose.output);
        Supergraph.parse(Files.readString(supergraph));

        Result check = run("check", "--current", supergraph.toString(), "--proposed", supergraph.toString());
        assertEquals(Commands.OK, check.exitCode, check.output);
        assertThat(check.output, containsString("0 breaking, 0 dangerous, 0 safe change(s)"));
    }

    @Test
    void compositionErrorsExitWithOneAndNoStackTrace() throws Exception {
        Result compose = run("compose", "--config", FIXTURES.resolve("compose-errors/supergraph.yaml").toString());

        assertEquals(Commands.FAILED, compose.exitCode, compose.output);
        assertThat(compose.output, allOf(containsString("\"Product.price\""), not(containsString("\tat "))));
    }

    @Test
    void helpListsTheCommands() throws Exception {
        Result help = run("help");

        assertEquals(Commands.OK, help.exitCode, help.output);
        assertThat(help.output, allOf(containsString("compose --config"), containsString("check --current")));
    }

    private Result run(String... args) throws IOException, InterruptedException {
        assertTrue(Files.exists(JAR), JAR + " is missing: package the gateway first");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path output = folder.resolve("output.txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the command did not end");
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {
    }
}
