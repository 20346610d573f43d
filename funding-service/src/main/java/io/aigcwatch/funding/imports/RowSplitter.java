package io.aigcwatch.funding.imports;

import io.aigcwatch.funding.round.RoundBatch;
import io.aigcwatch.kit.problem.ProblemException;
import io.micronaut.http.HttpStatus;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Cuts an uploaded file into rows as it streams in, never holding more than one row: CSV records (RFC 4180, so a
 * quoted cell may span lines) after the header, or NDJSON lines. Each row goes to {@link Sink} with its line number
 * in the file; a blank line is no row.
 */
final class RowSplitter {
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

    interface Sink {
        void row(long line, String payload) throws IOException;
    }

    private final ImportsConfig limits;

    RowSplitter(ImportsConfig limits) {
        this.limits = limits;
    }

    /** @return the CSV header; the rows follow it into {@code sink} */
    List<String> csv(Reader body, Sink sink) throws IOException {
        BoundedReader bounded = new BoundedReader(body, limits.maxRowChars());
        try (CSVParser parser = CSVParser.builder().setReader(bounded).setFormat(CSV).get()) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                throw ProblemException.invalid("body", "is empty; a CSV import starts with its header row");
            }
            List<String> header = records.next().toList().stream().map(String::trim).toList();
            RoundBatch.checkCsvHeader(header);
            long previous = parser.getCurrentLineNumber();
            long rows = 0;
            while (true) {
                bounded.startRow(previous + 1);
                if (!records.hasNext()) {
                    break;
                }
                CSVRecord record = records.next();
                long line = Math.max(parser.getCurrentLineNumber(), previous + 1);
                countRow(++rows);
                sink.row(line, CSV.format(record.values()));
                previous = line;
            }
            return header;
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause());
        } catch (CSVException e) {
            throw unreadable(e);
        }
    }

    /** A file that is not RFC 4180 (an unclosed quote) is the client's mistake; any other failure to read is not. */
    private static IOException unreadable(IOException e) {
        if (e instanceof CSVException) {
            throw ProblemException.invalid("body", "is not RFC 4180 CSV: " + e.getMessage());
        }
        return e;
    }

    void ndjson(Reader body, Sink sink) throws IOException {
        StringBuilder line = new StringBuilder();
        long number = 1;
        long rows = 0;
        char[] buffer = new char[8192];
        int read;
        while ((read = body.read(buffer)) >= 0) {
            for (int i = 0; i < read; i++) {
                char c = buffer[i];
                if (c == '\n') {
                    rows = emit(line, number++, rows, sink);
                } else if (line.length() >= limits.maxRowChars()) {
                    throw tooLong(number);
                } else {
                    line.append(c);
                }
            }
        }
        emit(line, number, rows, sink);
    }

    private long emit(StringBuilder line, long number, long rows, Sink sink) throws IOException {
        String text = line.toString().strip();
        line.setLength(0);
        if (text.isEmpty()) {
            return rows;
        }
        countRow(rows + 1);
        sink.row(number, text);
        return rows + 1;
    }

    private void countRow(long rows) {
        if (rows > limits.maxRows()) {
            throw new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "body-too-large",
                    "the file has more than " + limits.maxRows() + " rows; split it into several imports");
        }
    }

    private ProblemException tooLong(long line) {
        return new ProblemException(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "body-too-large",
                "line " + line + " is longer than " + limits.maxRowChars() + " characters; a funding event is far shorter");
    }

    /** Stops a CSV row that never ends (an unclosed quote) before it fills the heap. */
    private final class BoundedReader extends Reader {
        private final Reader in;
        private final long max;
        private long sinceRow;
        private long rowLine = 1;

        BoundedReader(Reader in, int maxRowChars) {
            this.in = in;
            // the parser reads ahead a buffer at a time, so a row's count includes up to one buffer of the next
            this.max = maxRowChars + 16_384L;
        }

        void startRow(long line) {
            sinceRow = 0;
            rowLine = line;
        }

        @Override
        public int read(char[] target, int offset, int length) throws IOException {
            int read = in.read(target, offset, length);
            if (read > 0 && (sinceRow += read) > max) {
                throw tooLong(rowLine);
            }
            return read;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
