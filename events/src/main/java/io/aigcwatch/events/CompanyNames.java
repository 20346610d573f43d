package io.aigcwatch.events;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How the suite reads a company's name, the same wherever a name is stored or compared: the funding registry, which
 * mints one id per name, and the filters of streams and webhooks. Sources spell one company with other widths,
 * spacing and case, and a pasted name can carry invisible characters; without this, {@code Open\u200BAI} would be a
 * second company beside {@code OpenAI}, escape duplicate detection and count twice as a unicorn.
 */
public final class CompanyNames {
    private CompanyNames() {
    }

    /**
     * The name as it is stored and shown: format characters (Unicode category Cf, such as zero-width spaces, soft
     * hyphens, byte order marks and bidirectional marks) removed, then NFKC-normalised (full-width letters become
     * ASCII, compatibility spaces plain spaces), then every run of whitespace made one space and the ends trimmed.
     * Format characters go first so that NFKC composes what they separated.
     */
    public static String clean(String name) {
        StringBuilder visible = new StringBuilder(name.length());
        name.codePoints().filter(c -> Character.getType(c) != Character.FORMAT).forEach(visible::appendCodePoint);
        String normalized = Normalizer.normalize(visible, Normalizer.Form.NFKC);
        StringBuilder spaced = new StringBuilder(normalized.length());
        boolean pendingSpace = false;
        for (int i = 0; i < normalized.length(); ) {
            int c = normalized.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = !spaced.isEmpty();
            } else {
                if (pendingSpace) {
                    spaced.append(' ');
                    pendingSpace = false;
                }
                spaced.appendCodePoint(c);
            }
        }
        return spaced.toString();
    }

    /** What two names must share to be one company's: their {@link #clean} forms, compared case-insensitively. */
    public static String key(String name) {
        return Normalizer.normalize(clean(name).toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
    }
}
