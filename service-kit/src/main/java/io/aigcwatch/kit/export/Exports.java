package io.aigcwatch.kit.export;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.types.files.StreamedFile;

import java.io.InputStream;

/** The response of an export that streams: chunked, typed, and saved under a file name that says what it holds. */
public final class Exports {
    private Exports() {
    }

    /**
     * A {@code StreamedFile} is read on the server's blocking threads and sent a chunk at a time, with no
     * Content-Length. (A {@code Writable} would not do: Micronaut 4 buffers its whole output before the first byte.)
     */
    public static MutableHttpResponse<StreamedFile> streamed(ExportFormat format, String baseName, InputStream body) {
        return HttpResponse.ok(new StreamedFile(body, MediaType.of(format.contentType())))
                .contentType(format.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, format.contentDisposition(baseName));
    }
}
