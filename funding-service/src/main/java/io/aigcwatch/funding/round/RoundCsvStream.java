package io.aigcwatch.funding.round;

import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A CSV export read as it is made: the header at once, then one page of {@link PageSize#EXPORT} rounds at a time,
 * fetched only when the server has sent the previous one. The server reads it through a {@code StreamedFile} on its
 * blocking threads and sends each piece as a chunk, so an export of any size holds one page in memory and its first
 * byte leaves before any query has run. (A {@code Writable} would not do: Micronaut 4 buffers its whole output before
 * the first byte.) Every cell goes through {@link RoundCsv}, formula guard included.
 */
final class RoundCsvStream extends InputStream {
    private final RoundReader reader;
    private final Optional<RoundFilter> filter;
    private final StringWriter pending = new StringWriter();
    private final CSVPrinter printer;
    private byte[] chunk = new byte[0];
    private int position;
    private RoundCursor after;
    private boolean lastPageRead;

    /** @param filter empty when no round can match (an unknown company): the export is the header alone */
    RoundCsvStream(RoundReader reader, Optional<RoundFilter> filter) {
        this.reader = reader;
        this.filter = filter;
        try {
            this.printer = RoundCsv.printer(pending);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position == chunk.length && !refill()) {
            return -1;
        }
        int count = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, into, offset, count);
        position += count;
        return count;
    }

    private boolean refill() throws IOException {
        while (pending.getBuffer().isEmpty() && !lastPageRead) {
            printNextPage();
        }
        if (pending.getBuffer().isEmpty()) {
            return false;
        }
        chunk = pending.toString().getBytes(StandardCharsets.UTF_8);
        pending.getBuffer().setLength(0);
        position = 0;
        return true;
    }

    private void printNextPage() throws IOException {
        if (filter.isEmpty()) {
            lastPageRead = true;
            return;
        }
        RoundReader.Page page = reader.page(filter.get(), after, PageSize.EXPORT);
        for (RoundView view : page.items()) {
            RoundCsv.print(printer, view);
        }
        printer.flush();
        after = page.next();
        lastPageRead = after == null;
    }
}
