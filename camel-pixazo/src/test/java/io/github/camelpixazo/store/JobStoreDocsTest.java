package io.github.camelpixazo.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schema printed in docs/jobs-consumer.adoc is the one the JDBC store runs, and the page names the resource. */
class JobStoreDocsTest {

    private static final Path PAGE = Path.of("..", "docs", "jobs-consumer.adoc");

    @Test
    void theConsumerPageShowsTheSchemaTheStoreRuns() throws IOException {
        String page = Files.readString(PAGE);
        String schema;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(JdbcJobStore.SCHEMA_RESOURCE)) {
            schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int start = page.indexOf("[source,sql]\n----\n");
        assertTrue(start >= 0, "no SQL listing in " + PAGE);
        start += "[source,sql]\n----\n".length();
        String listing = page.substring(start, page.indexOf("----\n", start));

        assertEquals(schema, listing, PAGE + " shows another schema than " + JdbcJobStore.SCHEMA_RESOURCE
                                      + ": copy the resource into the listing");
    }

    @Test
    void theSchemaStatementsUseTheConfiguredNamesAndNoComments() {
        List<String> statements = JdbcJobStore.schemaStatements("my_jobs", "my_spend");

        assertEquals(5, statements.size(), statements.toString());
        assertTrue(statements.get(0).startsWith("CREATE TABLE IF NOT EXISTS my_jobs ("), statements.get(0));
        assertTrue(statements.get(1).contains("my_jobs_due ON my_jobs (next_poll_at)"), statements.get(1));
        assertTrue(statements.stream().noneMatch(s -> s.contains("--") || s.contains("${")), statements.toString());
    }
}
