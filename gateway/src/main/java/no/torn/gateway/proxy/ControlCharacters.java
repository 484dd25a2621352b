package no.torn.gateway.proxy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Control characters (below 0x20, and 0x7f) in the path or the query, raw or percent-encoded: the services refuse
 * them too, but the gateway answers first, so that no such request reaches a service. The decoding is the one a
 * service applies (one level of percent-decoding, {@code +} a space in the query), so {@code %2500} is the harmless
 * text {@code %00}.
 */
public final class ControlCharacters {

    /** What {@link #find} reports for a control character in a query parameter's name. */
    public static final String QUERY = "query";
    public static final String PATH = "path";

    private ControlCharacters() {
    }

    /**
     * Where the request target carries a control character: {@code path}, {@code query} (in a parameter name) or
     * the name of the parameter whose value has one; empty when it is clean.
     *
     * @param rawPath  the path as received, not decoded
     * @param rawQuery the query as received, not decoded, or null
     */
    public static Optional<String> find(String rawPath, String rawQuery) {
        if (rawPath != null && hasControl(rawPath, 0, rawPath.length())) {
            return Optional.of(PATH);
        }
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.empty();
        }
        int start = 0;
        while (start <= rawQuery.length()) {
            int end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = rawQuery.length();
            }
            int equals = rawQuery.indexOf('=', start);
            int nameEnd = equals >= 0 && equals < end ? equals : end;
            if (hasControl(rawQuery, start, nameEnd)) {
                return Optional.of(QUERY);
            }
            if (nameEnd < end && hasControl(rawQuery, nameEnd + 1, end)) {
                return Optional.of(decode(rawQuery.substring(start, nameEnd)));
            }
            start = end + 1;
        }
        return Optional.empty();
    }

    private static boolean hasControl(String raw, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (isControl(c)) {
                return true;
            }
            if (c == '%' && i + 2 < to) {
                int high = hex(raw.charAt(i + 1));
                int low = hex(raw.charAt(i + 2));
                if (high >= 0 && low >= 0 && isControl((char) (high * 16 + low))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return raw;
        }
    }
}
