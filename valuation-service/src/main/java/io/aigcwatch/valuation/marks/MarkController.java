package io.aigcwatch.valuation.marks;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;

@Controller("/valuation-marks")
class MarkController {
    private final MarkRecording recording;

    MarkController(MarkRecording recording) {
        this.recording = recording;
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    HttpResponse<MarkRecording.MarkView> record(@Body MarkRequest request) {
        MarkRecording.MarkView mark = recording.record(request);
        return HttpResponse.created(mark).header("Location", "/companies/" + mark.company().id() + "/valuations");
    }
}
