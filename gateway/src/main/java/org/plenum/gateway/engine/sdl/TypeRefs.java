package org.plenum.gateway.engine.sdl;

import graphql.language.AstPrinter;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.Type;
import graphql.language.TypeName;

import java.util.Map;
import java.util.function.BiPredicate;

/** Helpers on type references ({@code [Topic!]!}): naming, renaming, printing and the subtype rules of composition. */
public final class TypeRefs {

    private TypeRefs() {
    }

    public static String baseName(Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            return baseName(nonNull.getType());
        }
        if (type instanceof ListType list) {
            return baseName(list.getType());
        }
        return ((TypeName) type).getName();
    }

    /** The named type of a printed type reference, e.g. {@code Topic} of {@code [Topic!]!}. */
    public static String baseName(String printed) {
        return printed.replace("[", "").replace("]", "").replace("!", "").trim();
    }

    /** How many lists wrap the named type. */
    public static int listDepth(Type<?> type) {
        if (type instanceof NonNullType nonNull) {
            return listDepth(nonNull.getType());
        }
        return type instanceof ListType list ? 1 + listDepth(list.getType()) : 0;
    }

    public static Type<?> rename(Type<?> type, Map<String, String> renames) {
        if (type instanceof NonNullType nonNull) {
            return new NonNullType(rename(nonNull.getType(), renames));
        }
        if (type instanceof ListType list) {
            return new ListType(rename(list.getType(), renames));
        }
        String name = ((TypeName) type).getName();
        return renames.containsKey(name) ? new TypeName(renames.get(name)) : type;
    }

    public static String print(Type<?> type) {
        return AstPrinter.printAst(type);
    }

    public static boolean same(Type<?> a, Type<?> b) {
        return print(a).equals(print(b));
    }

    /**
     * Whether {@code candidate} is a strict subtype of {@code type} under composition's default rules:
     * non-null is a subtype of nullable, lists and non-null propagate, and an object/interface/union member is a
     * subtype of the abstract type it belongs to ({@code isMember(member, abstractType)}).
     */
    public static boolean isStrictSubtype(Type<?> type, Type<?> candidate, BiPredicate<String, String> isMember) {
        return !same(type, candidate) && isSubtype(type, candidate, isMember);
    }

    private static boolean isSubtype(Type<?> type, Type<?> candidate, BiPredicate<String, String> isMember) {
        if (type instanceof NonNullType nonNull) {
            return candidate instanceof NonNullType candidateNonNull
                    && isSubtype(nonNull.getType(), candidateNonNull.getType(), isMember);
        }
        if (candidate instanceof NonNullType candidateNonNull) {
            return isSubtype(type, candidateNonNull.getType(), isMember);
        }
        if (type instanceof ListType list) {
            return candidate instanceof ListType candidateList
                    && isSubtype(list.getType(), candidateList.getType(), isMember);
        }
        if (candidate instanceof ListType) {
            return false;
        }
        String name = ((TypeName) type).getName();
        String candidateName = ((TypeName) candidate).getName();
        return name.equals(candidateName) || isMember.test(candidateName, name);
    }
}
