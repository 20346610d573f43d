package io.aigcwatch.events;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class CompanyNamesTest {

    @Test
    void invisibleCharactersFullWidthLettersAndSpacingDoNotMakeAnotherName() {
        for (String spelling : List.of("Open\u200BAI", "\uFEFFOpenAI", "Open\u00ADAI", "\u202EOpenAI", "Open\u2060AI",
                "\u200EOpenAI\u200F", "ＯｐｅｎＡＩ", " OpenAI\u3000", "\tOpenAI\u00A0")) {
            assertEquals("OpenAI", CompanyNames.clean(spelling), spelling);
            assertEquals("openai", CompanyNames.key(spelling), spelling);
        }
        for (String spelling : List.of("  Open   AI ", "Open\u00A0AI", "Open\u3000\u2003AI", "Open \u200B AI", "ｏｐｅｎ　ａｉ")) {
            assertEquals("open ai", CompanyNames.key(spelling), spelling);
        }
        assertEquals("Open AI", CompanyNames.clean("  Open \u00A0 AI "));
    }

    @Test
    void whatIsVisibleIsKept() {
        assertEquals("智谱AI", CompanyNames.clean("智谱\u200BＡＩ"));
        assertEquals("Zhipu AI", CompanyNames.clean("Zhipu AI"), "case is kept for display");
        assertEquals("e\u0301".length() - 1, CompanyNames.clean("e\u200B\u0301").length(),
                "a format character between a letter and its accent does not keep NFKC from composing them");
        assertNotEquals(CompanyNames.key("Open AI"), CompanyNames.key("OpenAI"), "a single space still separates words");
        assertEquals("", CompanyNames.clean("\u200B\uFEFF \u00AD"));
    }
}
