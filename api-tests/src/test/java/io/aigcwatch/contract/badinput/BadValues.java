package io.aigcwatch.contract.badinput;

import java.util.List;

/** What hostile input looks like, by what it replaces. Raw JSON tokens are marked so they leave the writer as is. */
final class BadValues {
    static final int OVERLONG = 100_000;

    /** Numbers a parser may choke on: exponents that expand to millions of digits, underflow, overflow. */
    static final List<String> NUMBER_TEXTS = List.of("1e2000000", "1e1000000000", "-1e1000000000", "1E-400",
            "0.0000000000000000000000000000000000001", "123456789012345678901234567890123456789", "-1", "0",
            "NaN", "Infinity", "-0", "0x1F", "1_000", "\u0661\u0662", "9".repeat(5_000), "abc", "true", "");

    /** Strings with what a name or id must not smuggle in: control and format characters, overlong, injections. */
    static final List<String> STRING_TEXTS = List.of("", " ", "a".repeat(5_000), "\u0000", "a\u0000b",
            "\u200b", "Open\u200bAI", "\u202eIA nepO", "\uFEFFOpenAI", "Open\u00adAI", "\u0007\u001b[31m",
            "\r\nX-Injected: 1", "'; drop table round; --", "=1+1", "../../etc/passwd", "\uD83D\uDE00",
            "1e2000000", "1e1000000000", "%00");

    /** For path segments, already percent-encoded: encoded slashes, dot segments, overlong and odd ids. */
    static final List<String> PATH_SEGMENTS = List.of("%2F", "a%2Fb", "..", "%2e%2e", "..%2F..%2Fhealth",
            "%252F", "%00", "%E2%80%8B", "%E2%80%AE", "a".repeat(5_000), "not-a-uuid", "-1", "1e2000000",
            "00000000-0000-0000-0000-000000000000", "%3Bx%3D1", "%20");

    /** JSON that is not: cut short, the wrong shape, nested past any limit, with bytes that are not UTF-8. */
    static final List<String> MALFORMED_JSON = List.of("{", "{\"company\":", "[]", "null", "\"text\"", "123",
            "{,}", "{\"a\":1,}", "\u0000", "[".repeat(100_000), "{\"a\":".repeat(10_000), "{\"a\":1}{\"b\":2}",
            "{'single': 'quotes'}", "{\"a\":NaN}", "\uFEFF{}", " ".repeat(2_000_000) + "{}", "");

    static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=UTF-16",
            "application/problem+json", "*/*", "application/json; charset=\"\u00ff\"");

    private static final String RAW = "@@RAW@@";

    /** A JSON value that replaces a text: other types, then strings as {@link #STRING_TEXTS}. */
    static final List<Object> FOR_TEXT = List.of(raw("123"), raw("true"), raw("{}"), raw("[]"), raw("null"),
            "x".repeat(OVERLONG), "\u00e9".repeat(OVERLONG / 2));

    /** For numbers, and for decimals written as strings to keep their digits. */
    static final List<Object> FOR_NUMBER = List.of(raw("1e2000000"), raw("1e1000000000"), raw("-1e1000000000"),
            raw("1E-400"), raw("123456789012345678901234567890123456789"), raw("-1"), raw("0"), raw("1.5"),
            "1e2000000", "1e1000000000", "abc", "", raw("true"), raw("[]"), raw("{}"), raw("null"),
            raw("9".repeat(20_000)));

    static final List<Object> FOR_BOOLEAN = List.of("true", raw("1"), raw("null"), raw("[]"), "\u0000");

    static final List<Object> FOR_OBJECT = List.of("x", raw("[]"), raw("1"), raw("null"), raw("{}"),
            raw("[".repeat(5_000) + "]".repeat(5_000)));

    private BadValues() {
    }

    /** Carries no quote or backslash: the writer would escape them. */
    static String raw(String json) {
        return RAW + json + RAW;
    }

    /** The JSON text with every marked raw token put in place of the string that carried it. */
    static String unmark(String json) {
        return json.replaceAll("\"" + RAW + "(.*?)" + RAW + "\"", "$1");
    }
}
