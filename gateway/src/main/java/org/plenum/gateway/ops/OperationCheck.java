package org.plenum.gateway.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ParseAndValidate;
import graphql.language.Document;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import org.plenum.gateway.persisted.DocumentManifest;
import org.plenum.gateway.persisted.ManifestException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Which client operations validate against the current API schema but no longer against the proposed one. The
 * operations are a folder of {@code .graphql} files or a persisted query manifest
 * (Apollo's, or a plain {@code {"id": "document"}} map, as the gateway's trusted documents read them).
 */
public final class OperationCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** @param problems the proposed schema's validation errors for this operation */
    public record BrokenOperation(String name, List<String> problems) {
    }

    /** @param alreadyInvalid operations that do not validate against the current schema either (not counted as broken) */
    public record Result(int checked, List<BrokenOperation> broken, List<String> alreadyInvalid) {
    }

    private OperationCheck() {
    }

    public static Result check(GraphQLSchema current, GraphQLSchema proposed, Map<String, String> operations) {
        List<BrokenOperation> broken = new ArrayList<>();
        List<String> alreadyInvalid = new ArrayList<>();
        operations.forEach((name, text) -> {
            Document document;
            try {
                document = Parser.parse(text);
            } catch (InvalidSyntaxException e) {
                alreadyInvalid.add(name);
                return;
            }
            if (!ParseAndValidate.validate(current, document, Locale.ENGLISH).isEmpty()) {
                alreadyInvalid.add(name);
                return;
            }
            List<ValidationError> errors = ParseAndValidate.validate(proposed, document, Locale.ENGLISH);
            if (!errors.isEmpty()) {
                broken.add(new BrokenOperation(name, errors.stream()
                        .map(error -> error.getDescription() == null ? error.getMessage() : error.getDescription())
                        .toList()));
            }
        });
        return new Result(operations.size(), broken, alreadyInvalid);
    }

    /** @return operation name (file path relative to the folder, or manifest id) -> document */
    public static Map<String, String> read(Path source) {
        if (Files.isDirectory(source)) {
            return readFolder(source);
        }
        return readManifest(source, Commands.readFile(source, "operations manifest"));
    }

    private static Map<String, String> readFolder(Path folder) {
        Map<String, String> operations = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(file -> Files.isRegularFile(file)
                            && (file.toString().endsWith(".graphql") || file.toString().endsWith(".gql")))
                    .sorted()
                    .forEach(file -> operations.put(folder.relativize(file).toString(), Commands.readFile(file, "operation file")));
        } catch (IOException e) {
            throw new UsageException("operations folder " + folder + " cannot be read (" + e.getMessage() + ")");
        }
        if (operations.isEmpty()) {
            throw new UsageException("operations folder " + folder + " holds no .graphql files");
        }
        return operations;
    }

    /** Either manifest format the gateway's trusted documents read (see {@link DocumentManifest}). */
    private static Map<String, String> readManifest(Path file, String content) {
        try {
            return DocumentManifest.parse(JSON, content.getBytes(StandardCharsets.UTF_8)).documents();
        } catch (ManifestException e) {
            throw new UsageException("operations manifest " + file + ": " + e.getMessage());
        }
    }

}
