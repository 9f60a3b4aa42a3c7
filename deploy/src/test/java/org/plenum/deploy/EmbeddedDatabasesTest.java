package org.plenum.deploy;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * In the embedded-databases overlay, the services find their databases and use the credentials those
 * were set up with.
 */
class EmbeddedDatabasesTest {

    private final Manifests manifests = Overlays.rendered("embedded-databases");

    @Test
    void topicsServiceUsesThePostgreSqlStatefulSetsDatabaseAndUser() {
        Map<String, String> topics = environment("topics-service");
        Map<String, String> postgresql = environment("postgresql");
        URI reactive = URI.create(topics.get("QUARKUS_DATASOURCE_REACTIVE_URL"));
        assertEquals("postgresql", reactive.getScheme());
        assertLeadsTo(reactive, "postgresql");
        assertEquals("/" + postgresql.get("POSTGRES_DB"), reactive.getPath(), "database name");
        assertEquals("jdbc:" + reactive, topics.get("QUARKUS_DATASOURCE_JDBC_URL"), "Flyway must migrate the same database");
        assertEquals(postgresql.get("POSTGRES_USER"), topics.get("QUARKUS_DATASOURCE_USERNAME"));
        assertEquals(postgresql.get("POSTGRES_PASSWORD"), topics.get("QUARKUS_DATASOURCE_PASSWORD"));
    }

    @Test
    void speakersServiceUsesTheMongoDbStatefulSetsRootUser() {
        Map<String, String> speakers = environment("speakers-service");
        Map<String, String> mongodb = environment("mongodb");
        URI connection = URI.create(speakers.get("QUARKUS_MONGODB_CONNECTION_STRING"));
        assertEquals("mongodb", connection.getScheme());
        assertLeadsTo(connection, "mongodb");
        assertEquals(mongodb.get("MONGO_INITDB_ROOT_USERNAME"), speakers.get("QUARKUS_MONGODB_CREDENTIALS_USERNAME"));
        assertEquals(mongodb.get("MONGO_INITDB_ROOT_PASSWORD"), speakers.get("QUARKUS_MONGODB_CREDENTIALS_PASSWORD"));
        // MongoDB keeps its root user in the admin database.
        assertEquals("admin", speakers.get("QUARKUS_MONGODB_CREDENTIALS_AUTH_SOURCE"));
    }

    @Test
    void passwordsComeFromTheOperatorsFilesNotFromTheManifests() {
        // The test tree's password files are copies of the committed examples.
        assertEquals("replace-me", environment("postgresql").get("POSTGRES_PASSWORD"));
        assertEquals("replace-me", environment("mongodb").get("MONGO_INITDB_ROOT_PASSWORD"));
    }

    private Map<String, String> environment(String workload) {
        return ContainerEnvironment.of(manifests, manifests.workload(workload).container());
    }

    private void assertLeadsTo(URI uri, String database) {
        K8sObject service = manifests.get("Service", uri.getHost());
        Workload workload = manifests.workload(database);
        assertEquals(List.of(workload), manifests.selectedByService(service), uri + " does not lead to " + database);
        Object targetPort = service.listAt("spec", "ports").stream()
                .filter(port -> port.get("port").equals(uri.getPort()))
                .map(port -> port.get("targetPort"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(service + " has no port " + uri.getPort()));
        assertEquals(workload.containerPorts(), List.of(workload.resolvePort(targetPort).orElseThrow()), uri.toString());
    }
}
