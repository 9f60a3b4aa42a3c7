package org.plenum.topics.seed;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The sample data is faithful to the interview and consistent in itself. */
class SampleQuotesVerbatimTest {

    private static final Path INTERVIEW = Path.of("..", "..", "shared", "seed", "interview.txt");

    private final SampleData data = read();

    @Test
    void everyQuoteOccursVerbatimInTheInterview() throws IOException {
        assumeTrue(Files.exists(INTERVIEW), "the interview text is not next to the project");
        String interview = Files.readString(INTERVIEW, StandardCharsets.UTF_8);
        data.quotes().forEach(quote -> assertTrue(interview.contains(quote.text()),
                "quote " + quote.id() + " is not verbatim: " + quote.text()));
    }

    @Test
    void quotesBelongToTheSampleSpeakersAndExistingTopics() {
        Set<Long> topicIds = data.topics().stream().map(SampleData.SampleTopic::id).collect(Collectors.toSet());
        data.quotes().forEach(quote -> {
            assertTrue(Set.of("khalil-hashmi", "lin-nan").contains(quote.speakerId()), "speaker of " + quote.id());
            assertTrue(!quote.topicIds().isEmpty() && topicIds.containsAll(quote.topicIds()), "topics of " + quote.id());
        });
        assertEquals(1, data.quotes().stream().filter(quote -> quote.speakerId().equals("lin-nan")).count(),
                "Lin Nan's question is her quote");
    }

    @Test
    void idsStayBelowGeneratedIdsAndTitlesAreUnique() {
        data.topics().forEach(topic -> assertTrue(topic.id() > 0 && topic.id() < 1000));
        data.quotes().forEach(quote -> assertTrue(quote.id() > 0 && quote.id() < 1000));
        Set<String> titles = new HashSet<>();
        data.topics().forEach(topic -> assertTrue(titles.add(topic.title().toLowerCase(Locale.ROOT)), topic.title()));
    }

    private static SampleData read() {
        try (InputStream in = SampleQuotesVerbatimTest.class.getResourceAsStream(SampleDataLoader.RESOURCE)) {
            return new ObjectMapper().readValue(in, SampleData.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
