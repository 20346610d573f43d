package io.aigcwatch.stack.generate;

/**
 * A generated company; {@code localName} is its name in 汉字 for a Chinese company, null otherwise. It has one
 * segment, so that a share by segment is unambiguous (see {@link ShareTrend#SEGMENT}).
 */
public record SyntheticCompany(String name, String localName, String country, String layer, String segment) {
}
