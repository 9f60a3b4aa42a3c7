package org.plenum.gateway.ops;

import org.plenum.gateway.engine.compose.CompositionException;
import org.plenum.gateway.engine.compose.SubgraphDefinition;
import org.plenum.gateway.engine.compose.SupergraphComposer;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/** {@code compose}: rover's supergraph.yaml in, the supergraph SDL out, or the composer's errors. */
final class ComposeCommand {

    private static final int DEFAULT_TIMEOUT_SECONDS = 10;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final UnaryOperator<String> environment;

    ComposeCommand(InputStream in, PrintStream out, PrintStream err, UnaryOperator<String> environment) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    int run(List<String> arguments) {
        Options options = Options.parse("compose", arguments, Set.of("config", "output", "timeout"));
        String config = options.required("config");
        SupergraphConfig supergraphConfig = config.equals("-")
                ? SupergraphConfig.parse(Commands.readStream(in, "supergraph.yaml"), Path.of("").toAbsolutePath(), environment)
                : SupergraphConfig.parse(Commands.readFile(Path.of(config), "supergraph.yaml"),
                        Path.of(config).toAbsolutePath().getParent(), environment);
        SubgraphSdlFetcher fetcher = new SubgraphSdlFetcher(
                Duration.ofSeconds(options.positiveInt("timeout", DEFAULT_TIMEOUT_SECONDS)), Commands.MAX_INPUT_BYTES);
        List<SubgraphDefinition> definitions = new ArrayList<>();
        for (SupergraphConfig.SubgraphEntry entry : supergraphConfig.subgraphs()) {
            String sdl = entry.file() != null
                    ? Commands.readFile(entry.file(), "schema file of subgraph '" + entry.name() + "'")
                    : fetcher.fetch(entry.name(), entry.subgraphUrl(), entry.introspectionHeaders());
            definitions.add(new SubgraphDefinition(entry.name(), entry.routingUrl(), sdl));
        }
        String supergraph;
        try {
            supergraph = SupergraphComposer.compose(definitions);
        } catch (CompositionException e) {
            String code = e.code() == null ? "" : " [" + e.code() + "]";
            err.println("error: composition failed with " + e.errors().size() + " error(s)" + code + ":");
            // a satisfiability error spans lines (its example query): the following lines indented under the first
            e.errors().forEach(error -> err.println("  " + error.replace("\n", "\n    ")));
            return Commands.FAILED;
        }
        String output = options.optional("output");
        if (output == null) {
            out.print(supergraph);
        } else {
            Commands.writeFile(Path.of(output), supergraph);
            err.println("Composed " + definitions.size() + " subgraphs into " + output);
        }
        return Commands.OK;
    }
}
