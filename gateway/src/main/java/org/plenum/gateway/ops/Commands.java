package org.plenum.gateway.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The gateway's operations commands, run from its packaged app instead of the server when the first argument names
 * one: {@code compose} (rover's supergraph.yaml to a supergraph SDL) and {@code check} (the API changes between two
 * supergraphs). Plain Java: no Quarkus is started for them.
 */
public final class Commands {

    public static final int OK = 0;
    /** Composition failed, or the check found breaking changes or operations that no longer validate. */
    public static final int FAILED = 1;
    /** Bad arguments or input: unreadable or invalid files, an unreachable subgraph. */
    public static final int INVALID_INPUT = 2;

    /** Largest file or subgraph answer a command reads. */
    static final int MAX_INPUT_BYTES = 16 * 1024 * 1024;

    private static final Set<String> NAMES = Set.of("compose", "check", "help", "--help");

    static final String USAGE = """
            Usage (from the gateway's packaged app: java -jar quarkus-run.jar <command> ...):
              compose --config <supergraph.yaml|-> [--output <file>] [--timeout <seconds>]
                  Composes the subgraphs listed in rover's supergraph.yaml (schema: file or subgraph_url) and writes
                  the supergraph SDL to the file (replaced atomically) or to standard output.
              check --current <supergraph> --proposed <supergraph> [--operations <folder|manifest.json>]
                  Lists the changes to the API schema as BREAKING, DANGEROUS or SAFE; with operations (a folder of
                  .graphql files, or a persisted query manifest), also those that no longer validate.
            Exit codes: 0 success; 1 composition failed, breaking changes or broken operations; 2 invalid input.
            """;

    private Commands() {
    }

    /** Whether the arguments ask for a command rather than the gateway server. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && NAMES.contains(args[0]);
    }

    /**
     * @param environment looks up environment variables ({@code ${env.NAME}} in supergraph.yaml)
     * @return the exit code
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err, UnaryOperator<String> environment) {
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return switch (args[0]) {
                case "compose" -> new ComposeCommand(in, out, err, environment).run(rest);
                case "check" -> new CheckCommand(out, err).run(rest);
                default -> {
                    out.print(USAGE);
                    yield OK;
                }
            };
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return INVALID_INPUT;
        }
    }

    /** @param what says in an error what the file is, e.g. "supergraph.yaml" */
    static String readFile(Path path, String what) {
        try {
            if (Files.size(path) > MAX_INPUT_BYTES) {
                throw new UsageException(what + " " + path + " is larger than " + MAX_INPUT_BYTES + " bytes");
            }
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException(what + " " + path + " does not exist");
        } catch (IOException e) {
            throw new UsageException(what + " " + path + " cannot be read (" + e.getMessage() + ")");
        }
    }

    static String readStream(InputStream in, String what) {
        try {
            byte[] bytes = in.readNBytes(MAX_INPUT_BYTES + 1);
            if (bytes.length > MAX_INPUT_BYTES) {
                throw new UsageException(what + " on standard input is larger than " + MAX_INPUT_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException(what + " cannot be read from standard input (" + e.getMessage() + ")");
        }
    }

    /** Written beside the target and moved over it, so a gateway polling the file never reads half of it. */
    static void writeFile(Path path, String content) {
        Path absolute = path.toAbsolutePath();
        try {
            Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
            try {
                Files.writeString(temporary, content, StandardCharsets.UTF_8);
                try {
                    Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UsageException(path + " cannot be written (" + e.getMessage() + ")");
        }
    }
}
