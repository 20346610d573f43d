package io.aigcwatch.stack.generate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticRoundsTest {
    private static final LocalDate UNTIL = LocalDate.of(2026, 6, 30);

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws IOException {
        for (String format : List.of("csv", "ndjson")) {
            String first = generate(format, 3_000, 300, 42);
            assertEquals(first, generate(format, 3_000, 300, 42), format);
            assertNotEquals(first, generate(format, 3_000, 300, 43), format);
        }
    }

    @Test
    void writesExactlyTheRoundsAskedForWithTheContractsHeader() throws IOException {
        for (int rounds : new int[] {1, 7, 1_000, 12_345}) {
            String csv = generate("csv", rounds, SyntheticRounds.Settings.defaultCompanies(rounds), 5);
            try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180.builder().setHeader()
                    .setSkipHeaderRecord(true).get())) {
                assertEquals(List.of(CsvRounds.HEADER), parser.getHeaderNames());
                assertEquals(rounds, parser.getRecords().size());
            }
            String ndjson = generate("ndjson", rounds, SyntheticRounds.Settings.defaultCompanies(rounds), 5);
            assertEquals(rounds, ndjson.lines().count());
            assertTrue(ndjson.lines().allMatch(line -> line.startsWith("{\"company\":{\"name\":")));
        }
    }

    @Test
    void aCompanyNeverHasTwoRoundsOfOneTypeWithinThirtyDaysNorTwoCompaniesOneName() throws IOException {
        Map<String, List<CSVRecord>> byCompany = new HashMap<>();
        Map<String, String> profileByName = new HashMap<>();
        String csv = generate("csv", 20_000, 2_000, 9);
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get())) {
            for (CSVRecord row : parser) {
                byCompany.computeIfAbsent(row.get("company"), name -> new ArrayList<>()).add(row);
                String profile = row.get("country") + row.get("layer") + row.get("segments");
                assertEquals(profile, profileByName.computeIfAbsent(row.get("company").toLowerCase(), n -> profile),
                        "one name, one company: " + row.get("company"));
            }
        }
        assertEquals(2_000, byCompany.size());
        byCompany.forEach((company, rows) -> {
            for (int i = 1; i < rows.size(); i++) {
                long days = ChronoUnit.DAYS.between(LocalDate.parse(rows.get(i - 1).get("announced_on")),
                        LocalDate.parse(rows.get(i).get("announced_on")));
                assertTrue(days > 30, company + " has rounds " + days + " days apart");
            }
            rows.forEach(row -> assertTrue(!LocalDate.parse(row.get("announced_on")).isAfter(UNTIL)
                    && !LocalDate.parse(row.get("announced_on")).isBefore(SyntheticRounds.FIRST_DAY)));
        });
    }

    /**
     * The realised USD share of every category, year by year, is within a few points of its trend at mid-year: the
     * truth that issue 15's projections are tested against. A company's rounds span years, so a year's realised
     * shares scatter more than independent rounds would; over 2016..2025 of 200,000 rounds (from 2,800 rounds a
     * year), no share is 5 points off and on average they are within 1.5.
     */
    @Test
    void theRealisedSharesFollowTheTrends() throws IOException {
        Map<String, double[]> usd = new HashMap<>();
        try (RoundSink sink = round -> {
            int year = round.announcedOn().getYear();
            SyntheticCompany company = round.company();
            for (String key : List.of("layer:" + company.layer(), "country:" + company.country(),
                    "segment:" + company.segment(), "all")) {
                usd.computeIfAbsent(key, k -> new double[UNTIL.getYear() + 1])[year] += round.usd();
            }
        }) {
            new SyntheticRounds(new SyntheticRounds.Settings(200_000, 20_000, 11, UNTIL)).generate(sink);
        }
        double worst = 0;
        double gaps = 0;
        int count = 0;
        String worstAt = "";
        for (ShareTrend trend : ShareTrend.ALL) {
            for (String category : trend.categories()) {
                for (int year = 2016; year < UNTIL.getYear(); year++) {
                    double realised = usd.get(trend.dimension() + ":" + category)[year] / usd.get("all")[year];
                    double truth = trend.share(category, year + 0.5);
                    double gap = Math.abs(realised - truth);
                    gaps += gap;
                    count++;
                    if (gap > worst) {
                        worst = gap;
                        worstAt = trend.dimension() + " " + category + " " + year + ": realised " + realised
                                + ", trend " + truth;
                    }
                }
            }
        }
        assertTrue(worst < 0.05, worstAt);
        assertTrue(gaps / count < 0.015, "mean gap " + gaps / count);
    }

    @Test
    void theTrendsSharesSumToOne() {
        for (ShareTrend trend : ShareTrend.ALL) {
            for (double year = 2015; year <= 2030; year += 0.25) {
                double sum = trend.sharesAt(year).values().stream().mapToDouble(Double::doubleValue).sum();
                assertEquals(1.0, sum, 1e-9, trend.dimension() + " at " + year);
            }
        }
        assertTrue(ShareTrend.LAYER.share("MODEL", 2030) > ShareTrend.LAYER.share("MODEL", 2020));
    }

    private static String generate(String format, long rounds, int companies, long seed) throws IOException {
        StringWriter out = new StringWriter();
        try (RoundSink sink = GenerateCommand.sink(format, out)) {
            new SyntheticRounds(new SyntheticRounds.Settings(rounds, companies, seed, UNTIL)).generate(sink);
        }
        return out.toString();
    }
}
