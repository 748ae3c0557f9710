package io.github.camelpixazo.store;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static io.github.camelpixazo.store.Records.T0;
import static io.github.camelpixazo.store.Records.job;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a {@link JobRecord} accepts, how it normalises values, and what its toString never shows. */
class JobRecordTest {

    @Test
    void toStringNamesHeadersButNeverShowsTheirValuesNorTheTokenHash() {
        String hash = WebhookTokenHash.of("per-job-secret");
        JobRecord record = job("req-1", 0).toBuilder()
                .carriedHeaders(Map.of("CustomerEmail", "jane.doe@example.com", "CamelFileName", "jane-doe.txt"))
                .webhookTokenHash(hash)
                .build();

        String text = record.toString();

        assertTrue(text.contains("CustomerEmail"), text);
        assertFalse(text.contains("jane"), text);
        assertFalse(text.contains(hash), text);
        assertFalse(text.contains(hash.substring(0, 12)), text);
        assertTrue(text.contains("webhookToken=set"), text);
        assertTrue(text.contains("req-1"), text);
    }

    @Test
    void timesAreKeptToTheMillisecondAndTheCostWithoutTrailingZeros() {
        JobRecord record = job("req-1", 0).toBuilder()
                .submittedAt(Instant.parse("2026-03-01T10:00:00.123456789Z"))
                .pollInterval(Duration.ofNanos(1_500_000_999))
                .estimatedCost(new BigDecimal("0.0800"))
                .build();

        assertEquals(Instant.parse("2026-03-01T10:00:00.123Z"), record.submittedAt());
        assertEquals(Duration.ofMillis(1500), record.pollInterval());
        assertEquals(new BigDecimal("0.08"), record.estimatedCost());
        assertEquals(new BigDecimal("100"), job("r", 0).toBuilder().estimatedCost(new BigDecimal("1E+2")).build()
                .estimatedCost());
    }

    @Test
    void headerValuesThatAreNotJsonSafeAreRefusedNamingTheHeaderNotTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> job("req-1", 0).toBuilder()
                .carriedHeaders(Map.of("When", new Date(0))).build());

        assertTrue(e.getMessage().contains("When"), e.getMessage());
        assertTrue(e.getMessage().contains("java.util.Date"), e.getMessage());
        assertTrue(e.getMessage().contains("convert it to a String"), e.getMessage());
        assertFalse(e.getMessage().contains("1970"), e.getMessage());
        assertFalse(JobRecord.isJsonSafe(List.of()));
        assertFalse(JobRecord.isJsonSafe(Double.NaN));
        assertTrue(JobRecord.isJsonSafe(1.5f));
        assertTrue(JobRecord.isJsonSafe(null));
    }

    @Test
    void everyRequiredFieldIsNamedWhenMissing() {
        for (String field : List.of("requestId", "gateway", "model", "operation", "submittedAt", "nextPollAt",
                "pollInterval", "lastStatus")) {
            JobRecord.Builder builder = job("req-1", 0).toBuilder();
            switch (field) {
                case "requestId" -> builder.requestId(null);
                case "gateway" -> builder.gateway(null);
                case "model" -> builder.model(null);
                case "operation" -> builder.operation(null);
                case "submittedAt" -> builder.submittedAt(null);
                case "nextPollAt" -> builder.nextPollAt(null);
                case "pollInterval" -> builder.pollInterval(null);
                default -> builder.lastStatus(null);
            }
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
            assertEquals(field + " is required", e.getMessage());
        }
    }

    @Test
    void wrongValuesAreRefusedNamingTheField() {
        assertRefused(job("r", 0).toBuilder().n(0), "n (requested image count) must be 1 or more, got 0");
        assertRefused(job("r", 0).toBuilder().polls(-1), "polls must not be negative, got -1");
        assertRefused(job("r", 0).toBuilder().pollInterval(Duration.ZERO), "pollInterval must be at least 1 ms");
        assertRefused(job("r", 0).toBuilder().gateway("Pixazo"), "gateway must be a lower-case id");
        assertRefused(job("r", 0).toBuilder().estimatedCost(BigDecimal.ONE).costCurrency(null), "needs a costCurrency");
        assertRefused(job("r", 0).toBuilder().webhookTokenHash("abc"), "webhookTokenHash must be a SHA-256");
        assertRefused(job("r", 0).toBuilder().leaseOwner("a"), "leaseOwner and leaseUntil are set together");
        assertRefused(job("r", 0).toBuilder().requestId("x".repeat(201)), "requestId must be at most 200");
        assertRefused(job("r", 0).toBuilder().requestId("a\nb"), "requestId must not contain control characters");
    }

    @Test
    void aBaseUrlMayNotCarryCredentialsAndTheyAreNotQuoted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> job("r", 0).toBuilder().baseUrl("https://gateway.pixazo.ai/?key=SECRET123").build());
        assertFalse(e.getMessage().contains("SECRET123"), e.getMessage());
        IllegalArgumentException userInfo = assertThrows(IllegalArgumentException.class,
                () -> job("r", 0).toBuilder().baseUrl("https://user:SECRET123@gateway.pixazo.ai").build());
        assertFalse(userInfo.getMessage().contains("SECRET123"), userInfo.getMessage());
        assertEquals("http://localhost:8089", job("r", 0).toBuilder().baseUrl("http://localhost:8089").build()
                .baseUrl());
    }

    @Test
    void sameSubmissionIgnoresPollingStateAndLease() {
        JobRecord record = job("req-1", 0);

        assertTrue(record.sameSubmission(record.withPollState(T0.plusSeconds(9), Duration.ofSeconds(3), 4, "FAILED",
                "boom").withLease("a", T0)));
        assertFalse(record.sameSubmission(record.toBuilder().n(1).build()));
        assertFalse(record.sameSubmission(record.toBuilder().carriedHeaders(Map.of()).build()));
    }

    @Test
    void aLeaseIsFreeOnceItsTimeHasCome() {
        JobRecord leased = job("req-1", 0).withLease("a", T0.plusSeconds(10));

        assertFalse(leased.isFreeAt(T0.plusMillis(9_999)));
        assertTrue(leased.isFreeAt(T0.plusSeconds(10)));
        assertTrue(leased.isLeasedBy("a"));
        assertFalse(leased.isLeasedBy("b"));
        assertTrue(leased.withoutLease().isFreeAt(T0));
    }

    @Test
    void theWebhookTokenHashIsTheSha256OfTheToken() {
        // echo -n abc | sha256sum
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", WebhookTokenHash.of("abc"));
        assertThrows(IllegalArgumentException.class, () -> WebhookTokenHash.of(""));
    }

    private static void assertRefused(JobRecord.Builder builder, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
