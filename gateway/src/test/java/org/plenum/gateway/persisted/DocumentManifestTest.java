package org.plenum.gateway.persisted;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Both manifest formats clients' builds write, and the ways a manifest can be unusable. */
class DocumentManifestTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TITLES = "query Titles { books { title } }";
    private static final String ISBNS = "query Isbns { books { isbn } }";

    @Test
    void readsApollosPersistedQueryManifest() {
        DocumentManifest manifest = parse("""
                {"format": "apollo-persisted-query-manifest", "version": 1, "operations": [
                  {"id": "%s", "name": "Titles", "type": "query", "body": "%s"},
                  {"id": "isbns-1", "name": "Isbns", "type": "query", "body": "%s"}]}
                """.formatted(Sha256.hex(TITLES), TITLES, ISBNS));

        assertEquals(2, manifest.size());
        assertEquals(TITLES, manifest.byId(Sha256.hex(TITLES)).body());
        assertEquals(ISBNS, manifest.byId("isbns-1").body());
        assertEquals("isbns-1", manifest.byHash(Sha256.hex(ISBNS)).id());
        assertNull(manifest.byId("unknown"));
        assertNull(manifest.byHash(Sha256.hex("{ books { title } }")));
    }

    @Test
    void readsAPlainMapOfIdsToDocuments() {
        DocumentManifest manifest = parse("{\"a1\": \"%s\", \"b2\": \"%s\"}".formatted(TITLES, ISBNS));

        assertEquals(2, manifest.size());
        assertEquals(TITLES, manifest.byId("a1").body());
        assertEquals(Sha256.hex(ISBNS), manifest.byId("b2").sha256());
        assertEquals("a1", manifest.byHash(Sha256.hex(TITLES)).id());
    }

    @Test
    void hashesAreOfTheUtf8Text() {
        // the test vectors of FIPS 180-2, as sha256sum prints them
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.hex("abc"));
        assertEquals(Sha256.hex("é".getBytes(StandardCharsets.UTF_8)), Sha256.hex("é"));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.hex(""));
    }

    @Test
    void refusesWhatIsNotAManifestWithAReason() {
        assertThat(refused("{ broken"), containsString("not valid JSON"));
        assertThat(refused("[]"), containsString("must be a JSON object"));
        assertThat(refused("{\"format\": \"relay\", \"operations\": []}"), containsString("unknown format"));
        assertThat(refused("{\"format\": \"apollo-persisted-query-manifest\", \"version\": 2, \"operations\": []}"),
                containsString("unsupported version"));
        assertThat(refused("{\"format\": \"apollo-persisted-query-manifest\", \"version\": 1, \"operations\": [{\"id\": \"x\"}]}"),
                containsString("operations[0]"));
        assertThat(refused("{\"a1\": 5}"), containsString("\"a1\""));
        assertThat(refused("{\"format\": \"apollo-persisted-query-manifest\", \"version\": 1, \"operations\": ["
                + "{\"id\": \"x\", \"body\": \"{ a }\"}, {\"id\": \"x\", \"body\": \"{ b }\"}]}"), containsString("two different documents"));
    }

    private static DocumentManifest parse(String json) {
        return DocumentManifest.parse(MAPPER, json.getBytes(StandardCharsets.UTF_8));
    }

    private static String refused(String json) {
        return assertThrows(ManifestException.class, () -> parse(json)).getMessage();
    }
}
