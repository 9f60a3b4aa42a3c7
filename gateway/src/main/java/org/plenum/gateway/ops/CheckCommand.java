package org.plenum.gateway.ops;

import org.plenum.gateway.engine.supergraph.Supergraph;
import org.plenum.gateway.engine.supergraph.SupergraphException;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code check}: the API changes from the current to the proposed supergraph, and the operations they break. */
final class CheckCommand {

    private final PrintStream out;
    private final PrintStream err;

    CheckCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(List<String> arguments) {
        Options options = Options.parse("check", arguments, Set.of("current", "proposed", "operations"));
        Supergraph current = supergraph(options.required("current"), "current");
        Supergraph proposed = supergraph(options.required("proposed"), "proposed");
        String operationsSource = options.optional("operations");
        var operations = operationsSource == null ? null : OperationCheck.read(Path.of(operationsSource));

        List<SchemaCheck.Change> changes = SchemaCheck.compare(current, proposed);
        long breaking = changes.stream().filter(change -> change.severity() == SchemaCheck.Severity.BREAKING).count();
        long dangerous = changes.stream().filter(change -> change.severity() == SchemaCheck.Severity.DANGEROUS).count();
        for (SchemaCheck.Change change : changes) {
            out.printf("%-9s  %-30s  %s%n", change.severity(), change.location(), change.message());
        }
        out.printf("%d breaking, %d dangerous, %d safe change(s) to the API schema%n", breaking, dangerous,
                changes.size() - breaking - dangerous);

        int brokenOperations = 0;
        if (operations != null) {
            OperationCheck.Result result = OperationCheck.check(current.apiSchema(), proposed.apiSchema(), operations);
            brokenOperations = result.broken().size();
            for (OperationCheck.BrokenOperation operation : result.broken()) {
                out.println("BROKEN     " + operation.name());
                operation.problems().forEach(problem -> out.println("             " + problem));
            }
            out.printf("%d of %d operation(s) no longer validate%n", brokenOperations, result.checked());
            if (!result.alreadyInvalid().isEmpty()) {
                err.println("warning: already invalid against the current schema (not counted): "
                        + String.join(", ", result.alreadyInvalid()));
            }
        }
        return breaking > 0 || brokenOperations > 0 ? Commands.FAILED : Commands.OK;
    }

    private static Supergraph supergraph(String file, String which) {
        String sdl = Commands.readFile(Path.of(file), which + " supergraph");
        try {
            return Supergraph.parse(sdl);
        } catch (SupergraphException e) {
            throw new UsageException(which + " supergraph " + file + " cannot be used: " + e.getMessage());
        }
    }
}
