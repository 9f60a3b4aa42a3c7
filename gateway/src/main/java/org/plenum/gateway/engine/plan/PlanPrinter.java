package org.plenum.gateway.engine.plan;

import java.util.List;
import java.util.Map;

/** Prints a plan for humans, in the spirit of Apollo's query plan notation. */
public final class PlanPrinter {

    private PlanPrinter() {
    }

    public static String print(PlanNode root) {
        StringBuilder out = new StringBuilder("QueryPlan {\n");
        if (root != null) {
            print(root, 1, out);
        }
        return out.append("}\n").toString();
    }

    private static String clientPath(List<PathSegment> path) {
        StringBuilder out = new StringBuilder();
        for (PathSegment segment : path) {
            out.append(out.length() == 0 ? "" : ".").append(segment);
        }
        return out.toString();
    }

    private static void print(PlanNode node, int depth, StringBuilder out) {
        String indent = "  ".repeat(depth);
        if (node instanceof PlanNode.Sequence sequence) {
            out.append(indent).append("Sequence {\n");
            sequence.nodes().forEach(child -> print(child, depth + 1, out));
            out.append(indent).append("},\n");
        } else if (node instanceof PlanNode.Parallel parallel) {
            out.append(indent).append("Parallel {\n");
            parallel.nodes().forEach(child -> print(child, depth + 1, out));
            out.append(indent).append("},\n");
        } else if (node instanceof PlanNode.Fetch fetchNode) {
            FetchNode fetch = fetchNode.fetch();
            String fetchIndent = indent;
            if (fetch.isEntityFetch()) {
                out.append(indent).append("Flatten(path: ");
                for (int i = 0; i < fetch.mergeAt().size(); i++) {
                    out.append(i == 0 ? "\"" : ", \"").append(clientPath(fetch.mergeAt().get(i))).append('"');
                }
                out.append(") {\n");
                fetchIndent = indent + "  ";
            }
            out.append(fetchIndent).append("Fetch(service: \"").append(fetch.subgraphName()).append("\") {\n");
            if (fetch.isEntityFetch()) {
                out.append(fetchIndent).append("  {");
                for (Map.Entry<String, FetchNode.Representation> rep : fetch.representations().entrySet()) {
                    out.append(" ... on ").append(rep.getKey()).append(" as ").append(rep.getValue().typename())
                            .append(' ').append(rep.getValue().key());
                    if (!rep.getValue().required().isEmpty()) {
                        out.append(" requires ").append(rep.getValue().required());
                    }
                }
                out.append(" } =>\n");
                for (FetchNode.ContextValue context : fetch.contextValues()) {
                    out.append(fetchIndent).append("  $").append(context.variable()).append(" from \"")
                            .append(clientPath(fetch.mergeAt().get(0).subList(0, context.ancestorLength())))
                            .append("\" ").append(context.selection()).append('\n');
                }
            }
            out.append(fetchIndent).append("  ").append(fetch.document()).append('\n');
            out.append(fetchIndent).append("},\n");
            if (fetch.isEntityFetch()) {
                out.append(indent).append("},\n");
            }
        }
    }
}
