package io.github.camelpixazo.store;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One submitted job as the {@link JobStore} keeps it: what was submitted (request id, gateway, model, the carried
 * headers, the estimated cost, ...), where its polling stands (next poll time, the job's own poll interval, number of
 * polls, last status and error) and who holds its lease. Immutable; build one with {@link #builder()} and derive
 * changed copies with {@link #withPollState}, {@link #withLease} or {@link #toBuilder()}.
 *
 * <p>Normalisation, so that every store gives back an equal record: instants and durations are kept to the
 * millisecond (truncated); the estimated cost to 10 decimal places without trailing zeros; {@code lastError} to its
 * first {@value #MAX_ERROR} characters.
 *
 * <p>Carried headers ({@link #carriedHeaders()}) hold only JSON-safe values: {@code String}, {@code Boolean},
 * {@code null} and numbers. Numbers are normalised as JSON gives them back: whole numbers ({@code Byte},
 * {@code Short}, {@code Integer}, {@code Long}, {@code BigInteger}) become the smallest of {@code Integer},
 * {@code Long}, {@code BigInteger} that holds them; other numbers ({@code Float}, {@code Double},
 * {@code BigDecimal}) become {@code BigDecimal} (NaN and infinities are refused). Any other type is refused with an
 * {@link IllegalArgumentException}: the caller converts such values to {@code String} first (for instance with
 * Camel's type converter); {@link #isJsonSafe(Object)} tells which values pass.
 *
 * <p>{@link #toString()} names the carried headers but never prints their values (they may hold personal data) nor
 * the webhook token hash.
 */
public final class JobRecord {

    /** Longest request id, gateway id, model, ... accepted (they are keys or columns of the JDBC store). */
    static final int MAX_ID = 200;
    static final int MAX_SHORT = 40;
    static final int MAX_MODEL = 100;
    static final int MAX_URL = 500;
    static final int MAX_CURRENCY = 20;
    /** {@code lastError} is cut to this many characters. */
    public static final int MAX_ERROR = 2000;

    private static final Pattern GATEWAY = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private final String requestId;
    private final String gateway;
    private final String baseUrl;
    private final String model;
    private final String operation;
    private final Integer n;
    private final String format;
    private final Instant submittedAt;
    private final Map<String, Object> carriedHeaders;
    private final String webhookTokenHash;
    private final BigDecimal estimatedCost;
    private final String costCurrency;
    private final Instant nextPollAt;
    private final Duration pollInterval;
    private final int polls;
    private final String lastStatus;
    private final String lastError;
    private final String leaseOwner;
    private final Instant leaseUntil;

    private JobRecord(Builder b) {
        this.requestId = text(b.requestId, "requestId", MAX_ID, true);
        this.gateway = text(b.gateway, "gateway", MAX_SHORT, true);
        if (!GATEWAY.matcher(gateway).matches()) {
            throw new IllegalArgumentException("gateway must be a lower-case id such as pixazo, got '" + gateway + "'");
        }
        this.baseUrl = origin(b.baseUrl);
        this.model = text(b.model, "model", MAX_MODEL, true);
        this.operation = text(b.operation, "operation", MAX_SHORT, true);
        if (b.n != null && b.n < 1) {
            throw new IllegalArgumentException("n (requested image count) must be 1 or more, got " + b.n);
        }
        this.n = b.n;
        this.format = text(b.format, "format", MAX_SHORT, false);
        this.submittedAt = millis(require(b.submittedAt, "submittedAt"));
        this.carriedHeaders = headers(b.carriedHeaders);
        if (b.webhookTokenHash != null && !HASH.matcher(b.webhookTokenHash).matches()) {
            // never quote the value: it is (or is close to) a secret
            throw new IllegalArgumentException("webhookTokenHash must be a SHA-256 in 64 lower-case hex digits"
                                               + " (see WebhookTokenHash.of)");
        }
        this.webhookTokenHash = b.webhookTokenHash;
        this.estimatedCost = Amounts.normalize(b.estimatedCost, "estimatedCost");
        this.costCurrency = text(b.costCurrency, "costCurrency", MAX_CURRENCY, false);
        if (estimatedCost != null && costCurrency == null) {
            throw new IllegalArgumentException("estimatedCost " + estimatedCost.toPlainString()
                                               + " needs a costCurrency (USD, credits, ...)");
        }
        this.nextPollAt = millis(require(b.nextPollAt, "nextPollAt"));
        Duration interval = require(b.pollInterval, "pollInterval").truncatedTo(ChronoUnit.MILLIS);
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be at least 1 ms, got " + b.pollInterval);
        }
        this.pollInterval = interval;
        if (b.polls < 0) {
            throw new IllegalArgumentException("polls must not be negative, got " + b.polls);
        }
        this.polls = b.polls;
        this.lastStatus = text(b.lastStatus, "lastStatus", MAX_SHORT, true);
        this.lastError = b.lastError == null || b.lastError.length() <= MAX_ERROR
                ? b.lastError : b.lastError.substring(0, MAX_ERROR);
        this.leaseOwner = text(b.leaseOwner, "leaseOwner", MAX_ID, false);
        this.leaseUntil = b.leaseUntil == null ? null : millis(b.leaseUntil);
        if ((leaseOwner == null) != (leaseUntil == null)) {
            throw new IllegalArgumentException("leaseOwner and leaseUntil are set together or not at all, got owner "
                                               + leaseOwner + " until " + leaseUntil);
        }
    }

    /** A builder with nothing set; {@code polls} starts at 0. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.requestId = requestId;
        b.gateway = gateway;
        b.baseUrl = baseUrl;
        b.model = model;
        b.operation = operation;
        b.n = n;
        b.format = format;
        b.submittedAt = submittedAt;
        b.carriedHeaders = carriedHeaders;
        b.webhookTokenHash = webhookTokenHash;
        b.estimatedCost = estimatedCost;
        b.costCurrency = costCurrency;
        b.nextPollAt = nextPollAt;
        b.pollInterval = pollInterval;
        b.polls = polls;
        b.lastStatus = lastStatus;
        b.lastError = lastError;
        b.leaseOwner = leaseOwner;
        b.leaseUntil = leaseUntil;
        return b;
    }

    /**
     * A copy with new polling state (what {@link JobStore#update} writes): when to poll next, the job's current poll
     * interval (its own backoff), the number of polls so far, the last status the gateway gave and the last error
     * (null when the last poll succeeded).
     */
    public JobRecord withPollState(Instant nextPollAt, Duration pollInterval, int polls, String lastStatus,
                                   String lastError) {
        return toBuilder().nextPollAt(nextPollAt).pollInterval(pollInterval).polls(polls).lastStatus(lastStatus)
                .lastError(lastError).build();
    }

    /** A copy leased to {@code owner} until {@code until}. */
    public JobRecord withLease(String owner, Instant until) {
        return toBuilder().leaseOwner(Objects.requireNonNull(owner, "owner"))
                .leaseUntil(Objects.requireNonNull(until, "until")).build();
    }

    /** A copy without a lease. */
    public JobRecord withoutLease() {
        return leaseOwner == null ? this : toBuilder().leaseOwner(null).leaseUntil(null).build();
    }

    /**
     * Whether anyone may lease this record at {@code now}: it has no lease, or its lease has expired
     * ({@code leaseUntil <= now}). A live lease excludes its own holder too (it extends it with
     * {@link JobStore#renew}).
     */
    public boolean isFreeAt(Instant now) {
        return leaseOwner == null || !leaseUntil.isAfter(now);
    }

    /**
     * Whether {@code owner} holds this record's lease. A lease that has expired but that nobody took over still counts
     * as held: expiry only allows others to claim the record.
     */
    public boolean isLeasedBy(String owner) {
        return leaseOwner != null && leaseOwner.equals(owner);
    }

    /**
     * Whether both records describe the same submission: equal in every field but the polling state and the lease.
     * {@link JobStore#add} uses it to tell a repeated add (harmless) from a conflicting one.
     */
    public boolean sameSubmission(JobRecord other) {
        return other != null
               && requestId.equals(other.requestId)
               && gateway.equals(other.gateway)
               && Objects.equals(baseUrl, other.baseUrl)
               && model.equals(other.model)
               && operation.equals(other.operation)
               && Objects.equals(n, other.n)
               && Objects.equals(format, other.format)
               && submittedAt.equals(other.submittedAt)
               && carriedHeaders.equals(other.carriedHeaders)
               && Objects.equals(webhookTokenHash, other.webhookTokenHash)
               && Objects.equals(estimatedCost, other.estimatedCost)
               && Objects.equals(costCurrency, other.costCurrency);
    }

    /**
     * Whether {@code value} may be a carried header value as it is: a {@code String}, {@code Boolean}, {@code null},
     * or a finite {@code Byte}, {@code Short}, {@code Integer}, {@code Long}, {@code BigInteger}, {@code Float},
     * {@code Double} or {@code BigDecimal}.
     */
    public static boolean isJsonSafe(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof BigInteger
            || value instanceof BigDecimal || value instanceof Integer || value instanceof Long
            || value instanceof Short || value instanceof Byte) {
            return true;
        }
        if (value instanceof Double) {
            return Double.isFinite((Double) value);
        }
        if (value instanceof Float) {
            return Float.isFinite((Float) value);
        }
        return false;
    }

    /** The gateway's request id: the record's key, unique in a store. */
    public String requestId() {
        return requestId;
    }

    /** The gateway's id: {@code pixazo}, {@code pixapi} or {@code evolink}. */
    public String gateway() {
        return gateway;
    }

    /**
     * The origin the job was submitted to ({@code https://gateway.pixazo.ai}), or null; never a key, a user-info part
     * or a query (refused).
     */
    public String baseUrl() {
        return baseUrl;
    }

    /** The model in the user's vocabulary, e.g. {@code gpt-image-2}. */
    public String model() {
        return model;
    }

    /** {@code generate} or {@code edit}. */
    public String operation() {
        return operation;
    }

    /** The requested image count, or null when the request left it to the gateway. */
    public Integer n() {
        return n;
    }

    /** The requested output format ({@code png}, ...), or null. */
    public String format() {
        return format;
    }

    /** When the gateway accepted the job (millisecond precision). */
    public Instant submittedAt() {
        return submittedAt;
    }

    /** The carried message headers, in their original order; unmodifiable, JSON-safe values (see class doc). */
    public Map<String, Object> carriedHeaders() {
        return carriedHeaders;
    }

    /** SHA-256 (64 lower-case hex digits) of the job's webhook token, or null; the token itself is never stored. */
    public String webhookTokenHash() {
        return webhookTokenHash;
    }

    /** The estimated cost of all {@code n} images, or null when no price is published. */
    public BigDecimal estimatedCost() {
        return estimatedCost;
    }

    /** The currency of {@link #estimatedCost()} ({@code USD}, {@code credits}, ...), or null. */
    public String costCurrency() {
        return costCurrency;
    }

    /** When the job is due for its next status poll; {@link JobStore#claimDue} claims records in this order. */
    public Instant nextPollAt() {
        return nextPollAt;
    }

    /** The job's current poll interval (its own backoff), at least 1 ms. */
    public Duration pollInterval() {
        return pollInterval;
    }

    /** Status polls made so far. */
    public int polls() {
        return polls;
    }

    /** The last status seen: QUEUED, PROCESSING, COMPLETED, FAILED, ERROR, ... (not interpreted by the store). */
    public String lastStatus() {
        return lastStatus;
    }

    /** The last poll's error, or null; at most {@value #MAX_ERROR} characters. */
    public String lastError() {
        return lastError;
    }

    /** Who holds the lease, or null. */
    public String leaseOwner() {
        return leaseOwner;
    }

    /** Until when the lease holds, or null. */
    public Instant leaseUntil() {
        return leaseUntil;
    }

    /** The lease owner, if any. */
    public Optional<String> lease() {
        return Optional.ofNullable(leaseOwner);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof JobRecord)) {
            return false;
        }
        JobRecord other = (JobRecord) o;
        return sameSubmission(other)
               && nextPollAt.equals(other.nextPollAt)
               && pollInterval.equals(other.pollInterval)
               && polls == other.polls
               && lastStatus.equals(other.lastStatus)
               && Objects.equals(lastError, other.lastError)
               && Objects.equals(leaseOwner, other.leaseOwner)
               && Objects.equals(leaseUntil, other.leaseUntil);
    }

    @Override
    public int hashCode() {
        return Objects.hash(requestId, submittedAt, nextPollAt, polls, lastStatus, leaseOwner);
    }

    /** Names the carried headers without their values, and says only whether a webhook token is set. */
    @Override
    public String toString() {
        String error = lastError == null ? "" : ", lastError="
                + (lastError.length() > 80 ? lastError.substring(0, 80) + "..." : lastError);
        return "JobRecord[requestId=" + requestId + ", gateway=" + gateway + ", model=" + model + ", operation="
               + operation + ", n=" + n + ", submittedAt=" + submittedAt + ", lastStatus=" + lastStatus + ", polls="
               + polls + ", nextPollAt=" + nextPollAt + ", pollInterval=" + pollInterval + error
               + (estimatedCost == null ? "" : ", estimatedCost=" + estimatedCost.toPlainString() + " " + costCurrency)
               + ", carriedHeaders=" + carriedHeaders.keySet() + " (values hidden)"
               + ", webhookToken=" + (webhookTokenHash == null ? "none" : "set")
               + (leaseOwner == null ? "" : ", lease=" + leaseOwner + " until " + leaseUntil) + "]";
    }

    private static <T> T require(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static Instant millis(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS);
    }

    private static String text(String value, String name, int max, boolean required) {
        if (value == null) {
            if (required) {
                throw new IllegalArgumentException(name + " is required");
            }
            return null;
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(name + " must be at most " + max + " characters, got " + value.length()
                                               + ": '" + value.substring(0, Math.min(40, value.length())) + "...'");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(name + " must not contain control characters, got '"
                                                   + value.replaceAll("\\p{Cntrl}", "?") + "'");
            }
        }
        return value;
    }

    private static String origin(String baseUrl) {
        String value = text(baseUrl, "baseUrl", MAX_URL, false);
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL, got '" + value + "'");
            }
            if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                // a key could hide in any of them: do not quote the value
                throw new IllegalArgumentException("baseUrl must not contain user info, a query or a fragment"
                                                   + " (the store never holds credentials)");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl is not a URL: " + e.getReason());
        }
        return value;
    }

    private static Map<String, Object> headers(Map<String, ?> headers) {
        if (headers == null || headers.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("carried header names must not be empty");
            }
            copy.put(name, jsonSafe(name, value));
        });
        return Collections.unmodifiableMap(copy);
    }

    private static Object jsonSafe(String name, Object value) {
        if (!isJsonSafe(value)) {
            // name the header and the type, never the value
            throw new IllegalArgumentException("carried header " + name + " holds a " + value.getClass().getName()
                                               + "; only String, Number, Boolean and null are stored: convert it to a"
                                               + " String first");
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return whole(BigInteger.valueOf(((Number) value).longValue()));
        }
        if (value instanceof BigInteger) {
            return whole((BigInteger) value);
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString());
        }
        return value;
    }

    private static Number whole(BigInteger value) {
        if (value.bitLength() < 32) {
            return value.intValue();
        }
        if (value.bitLength() < 64) {
            return value.longValue();
        }
        return value;
    }

    /** Builds a {@link JobRecord}; {@link #build()} checks every field and names the one that is wrong. */
    public static final class Builder {
        private String requestId;
        private String gateway;
        private String baseUrl;
        private String model;
        private String operation;
        private Integer n;
        private String format;
        private Instant submittedAt;
        private Map<String, ?> carriedHeaders;
        private String webhookTokenHash;
        private BigDecimal estimatedCost;
        private String costCurrency;
        private Instant nextPollAt;
        private Duration pollInterval;
        private int polls;
        private String lastStatus;
        private String lastError;
        private String leaseOwner;
        private Instant leaseUntil;

        private Builder() {
        }

        /** Required: the gateway's request id. */
        public Builder requestId(String requestId) {
            this.requestId = requestId;
            return this;
        }

        /** Required: {@code pixazo}, {@code pixapi} or {@code evolink} (a lower-case id). */
        public Builder gateway(String gateway) {
            this.gateway = gateway;
            return this;
        }

        /** Optional: the origin the job was submitted to, without user info, query or fragment. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** Required: the model in the user's vocabulary. */
        public Builder model(String model) {
            this.model = model;
            return this;
        }

        /** Required: {@code generate} or {@code edit}. */
        public Builder operation(String operation) {
            this.operation = operation;
            return this;
        }

        /** Optional: the requested image count, 1 or more. */
        public Builder n(Integer n) {
            this.n = n;
            return this;
        }

        /** Optional: the requested output format. */
        public Builder format(String format) {
            this.format = format;
            return this;
        }

        /** Required: when the gateway accepted the job. */
        public Builder submittedAt(Instant submittedAt) {
            this.submittedAt = submittedAt;
            return this;
        }

        /** Optional: carried headers with JSON-safe values (see {@link JobRecord}); copied. */
        public Builder carriedHeaders(Map<String, ?> carriedHeaders) {
            this.carriedHeaders = carriedHeaders;
            return this;
        }

        /** Optional: the SHA-256 of the job's webhook token ({@link WebhookTokenHash#of(String)}). */
        public Builder webhookTokenHash(String webhookTokenHash) {
            this.webhookTokenHash = webhookTokenHash;
            return this;
        }

        /** Optional: the estimated cost of all images; needs {@link #costCurrency(String)}. */
        public Builder estimatedCost(BigDecimal estimatedCost) {
            this.estimatedCost = estimatedCost;
            return this;
        }

        /** Optional: the currency of the estimated cost. */
        public Builder costCurrency(String costCurrency) {
            this.costCurrency = costCurrency;
            return this;
        }

        /** Required: when the job is due for its next poll. */
        public Builder nextPollAt(Instant nextPollAt) {
            this.nextPollAt = nextPollAt;
            return this;
        }

        /** Required: the job's current poll interval, at least 1 ms. */
        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        /** Polls so far (default 0). */
        public Builder polls(int polls) {
            this.polls = polls;
            return this;
        }

        /** Required: the last status seen (QUEUED after a submit). */
        public Builder lastStatus(String lastStatus) {
            this.lastStatus = lastStatus;
            return this;
        }

        /** Optional: the last poll's error. */
        public Builder lastError(String lastError) {
            this.lastError = lastError;
            return this;
        }

        /** The lease owner; set together with {@link #leaseUntil(Instant)}. Stores set it, callers rarely do. */
        public Builder leaseOwner(String leaseOwner) {
            this.leaseOwner = leaseOwner;
            return this;
        }

        /** The lease expiry; set together with {@link #leaseOwner(String)}. */
        public Builder leaseUntil(Instant leaseUntil) {
            this.leaseUntil = leaseUntil;
            return this;
        }

        /**
         * The record.
         *
         * @throws IllegalArgumentException naming the field that is missing or wrong
         */
        public JobRecord build() {
            return new JobRecord(this);
        }
    }
}
