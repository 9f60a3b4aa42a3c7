package org.plenum.gateway.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/apollo-client/client.mjs}: Apollo Client from npm (pinned by its package-lock, installed by
 * the build before the integration tests) in Node, as a web application uses it.
 */
final class ApolloClientScript {

    private static final long TIMEOUT_SECONDS = 60;

    private ApolloClientScript() {
    }

    /** @return what the script printed; fails when it does not end well in time */
    static String run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("node", "src/test/apollo-client/client.mjs"));
        command.addAll(List.of(arguments));
        try {
            Process node = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            if (!node.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                throw new AssertionError("Apollo Client script " + command + " did not end in " + TIMEOUT_SECONDS + " s");
            }
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (node.exitValue() != 0) {
                throw new AssertionError("Apollo Client script " + command + " exited with " + node.exitValue() + ": " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
