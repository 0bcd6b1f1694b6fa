package dev.modelport.gateway.ratelimit;

/**
 * The rate-limit key as one string, since the gateway's RateLimiter SPI passes a string:
 * {@code tier/clientId}. Tiers never contain a slash, so the first one splits.
 */
record ClientKey(String tier, String clientId) {

    String value() {
        return (tier == null ? "" : tier) + "/" + clientId;
    }

    static ClientKey parse(String key) {
        int slash = key.indexOf('/');
        String tier = slash <= 0 ? null : key.substring(0, slash);
        return new ClientKey(tier, key.substring(slash + 1));
    }
}
