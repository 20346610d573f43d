package io.aigcwatch.funding.company;

import io.aigcwatch.events.CompanyNames;
import io.micronaut.core.annotation.Nullable;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The search key of a company or an investor, the one computation every writer of {@code search_key} calls
 * (registration, the bulk import, V11_1's backfill and a profile edit): each of its names (name, local name,
 * aliases) normalised as {@link CompanyNames#key} reads names, and for a name with Han characters its tone-less pinyin
 * run together ("智谱AI" gives "zhipuai") and its initials ("zpai"), so that "zhipu" and "zp" find it. The terms are
 * joined by '|' and the key starts and ends with one, so a term's start is {@code '|' + q} and an exact term is
 * {@code '|' + q + '|'}: both LIKE patterns the GIN trigram index answers.
 */
public final class SearchKeys {
    static final char SEPARATOR = '|';
    private static final HanyuPinyinOutputFormat PINYIN = format();

    private SearchKeys() {
    }

    public static String of(Company company) {
        return of(company.name(), company.localName(), company.aliases());
    }

    public static String of(String name, @Nullable String localName, @Nullable List<String> aliases) {
        return join(terms(name, localName, aliases));
    }

    /** What a query is compared with: lower-case, normalised like a name, separators taken out. */
    public static String query(String q) {
        return CompanyNames.key(q).replace(SEPARATOR, ' ').trim();
    }

    /** Each distinct term with the field it comes from, in the order a match is reported: names before pinyin. */
    public static List<Term> terms(String name, @Nullable String localName, @Nullable List<String> aliases) {
        List<Term> terms = new ArrayList<>();
        add(terms, "name", name);
        add(terms, "localName", localName);
        if (aliases != null) {
            aliases.forEach(alias -> add(terms, "alias", alias));
        }
        List<Term> spoken = new ArrayList<>();
        for (Term term : terms) {
            if (hasHan(term.text())) {
                spoken.add(new Term("pinyin", pinyin(term.text(), false)));
                spoken.add(new Term("initials", pinyin(term.text(), true)));
            }
        }
        terms.addAll(spoken);
        Set<String> seen = new LinkedHashSet<>();
        return terms.stream().filter(term -> !term.text().isEmpty() && seen.add(term.text())).toList();
    }

    static String join(List<Term> terms) {
        StringBuilder key = new StringBuilder().append(SEPARATOR);
        terms.forEach(term -> key.append(term.text()).append(SEPARATOR));
        return key.toString();
    }

    private static void add(List<Term> terms, String field, @Nullable String text) {
        if (text != null) {
            terms.add(new Term(field, query(text)));
        }
    }

    private static boolean hasHan(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** Han characters as their first reading's pinyin (or its initial), everything else kept, spaces dropped. */
    private static String pinyin(String text, boolean initials) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            String[] readings = c <= Character.MAX_VALUE && Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                    ? readings((char) c) : null;
            if (readings != null && readings.length > 0) {
                out.append(initials ? readings[0].substring(0, 1) : readings[0]);
            } else if (!Character.isWhitespace(c)) {
                out.appendCodePoint(c);
            }
        });
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static String[] readings(char c) {
        try {
            return PinyinHelper.toHanyuPinyinStringArray(c, PINYIN);
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException("the fixed pinyin format is one pinyin4j accepts", e);
        }
    }

    private static HanyuPinyinOutputFormat format() {
        HanyuPinyinOutputFormat format = new HanyuPinyinOutputFormat();
        format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        format.setVCharType(HanyuPinyinVCharType.WITH_V);
        return format;
    }

    /** @param field name, localName, alias, pinyin or initials: what a match reports it matched */
    public record Term(String field, String text) {
    }
}
