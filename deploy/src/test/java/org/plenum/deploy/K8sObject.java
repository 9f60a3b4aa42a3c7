package org.plenum.deploy;

import java.util.List;
import java.util.Map;

/** One rendered Kubernetes object, read as the plain maps and lists that YAML gives. */
record K8sObject(Map<String, Object> raw) {

    String apiVersion() {
        return (String) raw.get("apiVersion");
    }

    String kind() {
        return (String) raw.get("kind");
    }

    String name() {
        return (String) Tree.at(raw, "metadata", "name");
    }

    String namespace() {
        return (String) Tree.at(raw, "metadata", "namespace");
    }

    Map<String, String> labels() {
        return Tree.stringMap(Tree.at(raw, "metadata", "labels"));
    }

    Object at(String... path) {
        return Tree.at(raw, path);
    }

    Map<String, Object> mapAt(String... path) {
        return Tree.map(Tree.at(raw, path));
    }

    List<Map<String, Object>> listAt(String... path) {
        return Tree.maps(Tree.at(raw, path));
    }

    boolean is(String kind, String name) {
        return kind.equals(kind()) && name.equals(name());
    }

    @Override
    public String toString() {
        return kind() + "/" + name();
    }
}
