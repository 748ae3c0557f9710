package io.github.camelpixazo.store;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Job records for tests. */
final class Records {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private Records() {
    }

    /** A record submitted at T0, due at {@code T0 + dueSeconds}. */
    static JobRecord job(String id, long dueSeconds) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("CamelFileName", "prompts/" + id + ".txt");
        headers.put("batch", 7);
        headers.put("priority", null);
        headers.put("urgent", Boolean.TRUE);
        return JobRecord.builder()
                .requestId(id)
                .gateway("pixazo")
                .baseUrl("https://gateway.pixazo.ai")
                .model("gpt-image-2")
                .operation("generate")
                .n(2)
                .format("png")
                .submittedAt(T0)
                .carriedHeaders(headers)
                .estimatedCost(new BigDecimal("0.08"))
                .costCurrency("USD")
                .nextPollAt(T0.plusSeconds(dueSeconds))
                .pollInterval(Duration.ofSeconds(10))
                .lastStatus("QUEUED")
                .build();
    }
}
