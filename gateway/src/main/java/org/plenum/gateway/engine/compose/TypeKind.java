package org.plenum.gateway.engine.compose;

/** The kind of a named type, as composition compares it across subgraphs. */
enum TypeKind {
    OBJECT("Object Type", "type"),
    INTERFACE("Interface Type", "interface"),
    UNION("Union Type", "union"),
    ENUM("Enum Type", "enum"),
    INPUT_OBJECT("Input Object Type", "input"),
    SCALAR("Scalar Type", "scalar");

    private final String displayName;
    private final String keyword;

    TypeKind(String displayName, String keyword) {
        this.displayName = displayName;
        this.keyword = keyword;
    }

    String displayName() {
        return displayName;
    }

    String keyword() {
        return keyword;
    }

    boolean hasFields() {
        return this == OBJECT || this == INTERFACE;
    }
}
