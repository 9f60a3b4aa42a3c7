package org.plenum.gateway.ops;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A command's {@code --name value} options; anything else is a usage error. */
final class Options {

    private final String command;
    private final Map<String, String> values;

    private Options(String command, Map<String, String> values) {
        this.command = command;
        this.values = values;
    }

    /** @param arguments what follows the command's name */
    static Options parse(String command, List<String> arguments, Set<String> known) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            String name = argument.startsWith("--") ? argument.substring(2) : null;
            String value = null;
            if (name != null && name.contains("=")) {
                value = name.substring(name.indexOf('=') + 1);
                name = name.substring(0, name.indexOf('='));
            }
            if (name == null || !known.contains(name)) {
                throw new UsageException(command + ": unknown argument " + argument + " (options: --" + String.join(", --",
                        known.stream().sorted().toList()) + ")");
            }
            if (value == null) {
                if (i + 1 >= arguments.size()) {
                    throw new UsageException(command + ": --" + name + " needs a value");
                }
                value = arguments.get(++i);
            }
            if (values.put(name, value) != null) {
                throw new UsageException(command + ": --" + name + " is given twice");
            }
        }
        return new Options(command, values);
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException(command + ": --" + name + " is required");
        }
        return value;
    }

    String optional(String name) {
        return values.get(name);
    }

    int positiveInt(String name, int defaultValue) {
        String value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below, as for zero or less
        }
        throw new UsageException(command + ": --" + name + " must be a positive whole number, not " + value);
    }
}
