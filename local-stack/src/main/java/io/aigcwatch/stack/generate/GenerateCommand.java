package io.aigcwatch.stack.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code ./aigcwatch generate --rounds N [--companies M] [--seed S] [--format csv|ndjson] [--out FILE]
 * [--until YYYY-MM-DD]}: a synthetic data set in the import format of {@code POST /api/imports}.
 */
public final class GenerateCommand {
    static final String USAGE = """
            usage: ./aigcwatch generate --rounds N [--companies M] [--seed S] [--format csv|ndjson] [--out FILE]
                                        [--until YYYY-MM-DD]
              --rounds     how many rounds (required)
              --companies  how many companies (default: one for every ten rounds; at most %d rounds a company)
              --seed       the same seed (and --until) gives the same bytes (default 1)
              --format     csv or ndjson (default: from --out's extension, else csv)
              --out        the file to write (default: standard output)
              --until      the last day a round may be dated (default: today, UTC)
            The USD raised by layer, country and segment follows known share trends: docs/synthetic-data.md.
            """.formatted(SyntheticRounds.MAX_ROUNDS_PER_COMPANY);

    private GenerateCommand() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("[aigcwatch] " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        } catch (IOException e) {
            System.err.println("[aigcwatch] cannot write: " + e.getMessage());
            System.exit(1);
        }
    }

    static void run(String[] args) throws IOException {
        Map<String, String> options = options(args);
        if (options.containsKey("help")) {
            System.out.print(USAGE);
            return;
        }
        long rounds = number(options, "rounds", null);
        int companies = Math.toIntExact(number(options, "companies", (long) SyntheticRounds.Settings
                .defaultCompanies(rounds)));
        long seed = number(options, "seed", 1L);
        LocalDate until = options.containsKey("until") ? date(options.get("until")) : LocalDate.now(ZoneOffset.UTC);
        String out = options.get("out");
        String format = options.getOrDefault("format",
                out != null && (out.endsWith(".ndjson") || out.endsWith(".jsonl")) ? "ndjson" : "csv");
        SyntheticRounds generator = new SyntheticRounds(new SyntheticRounds.Settings(rounds, companies, seed, until));
        long started = System.nanoTime();
        try (Writer writer = new BufferedWriter(new OutputStreamWriter(output(out), StandardCharsets.UTF_8),
                1 << 16); RoundSink sink = sink(format, writer)) {
            generator.generate(sink);
        }
        System.err.printf("[aigcwatch] %,d rounds of %,d companies (seed %d) as %s to %s in %.1f s%n", rounds,
                companies, seed, format, out == null ? "standard output" : out, (System.nanoTime() - started) / 1e9);
    }

    /** A sink that writes {@code format} (csv or ndjson) to {@code writer}, which it closes. */
    public static RoundSink sink(String format, Writer writer) throws IOException {
        return switch (format) {
            case "csv" -> new CsvRounds(writer);
            case "ndjson" -> new NdjsonRounds(writer);
            default -> throw new IllegalArgumentException("--format is csv or ndjson, not " + format);
        };
    }

    private static OutputStream output(String out) throws IOException {
        if (out == null) {
            return System.out;
        }
        Path file = Path.of(out).toAbsolutePath();
        Files.createDirectories(file.getParent());
        return Files.newOutputStream(file);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if ("--help".equals(args[i]) || "-h".equals(args[i])) {
                options.put("help", "");
                continue;
            }
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            String name = args[i].substring(2);
            if (!USAGE.contains("--" + name + " ")) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            options.put(name, args[++i]);
        }
        return options;
    }

    private static long number(Map<String, String> options, String name, Long fallback) {
        String value = options.get(name);
        if (value == null) {
            if (fallback == null) {
                throw new IllegalArgumentException("--" + name + " is required");
            }
            return fallback;
        }
        try {
            return Long.parseLong(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not " + value);
        }
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("--until must be a date such as 2026-06-30, not " + value);
        }
    }
}
