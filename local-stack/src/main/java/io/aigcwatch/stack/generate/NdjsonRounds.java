package io.aigcwatch.stack.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;

/** The import NDJSON: one {@code POST /api/funding-events} body a line. */
final class NdjsonRounds implements RoundSink {
    private final JsonGenerator json;

    NdjsonRounds(Writer out) throws IOException {
        this.json = new JsonFactory().createGenerator(out);
        // one body a line, with nothing between lines: no root separator but the newline written after each
        json.setRootValueSeparator(null);
    }

    @Override
    public void accept(GeneratedRound round) throws IOException {
        SyntheticCompany company = round.company();
        json.writeStartObject();
        json.writeObjectFieldStart("company");
        json.writeStringField("name", company.name());
        if (company.localName() != null) {
            json.writeStringField("localName", company.localName());
        }
        json.writeStringField("country", company.country());
        json.writeStringField("layer", company.layer());
        json.writeArrayFieldStart("segments");
        json.writeString(company.segment());
        json.writeEndArray();
        json.writeEndObject();
        json.writeStringField("round", round.round());
        json.writeObjectFieldStart("amount");
        figure("value", round.amount());
        figure("low", round.low());
        figure("high", round.high());
        json.writeStringField("currency", round.currency());
        json.writeStringField("precision", round.precision());
        json.writeEndObject();
        if (round.valuation() != null) {
            json.writeObjectFieldStart("postMoneyValuation");
            figure("value", round.valuation());
            json.writeStringField("currency", round.currency());
            json.writeEndObject();
        }
        json.writeStringField("announcedOn", round.announcedOn().toString());
        json.writeArrayFieldStart("investors");
        investors(round.leadInvestors(), true);
        investors(round.otherInvestors(), false);
        json.writeEndArray();
        json.writeStringField("source", round.source());
        json.writeEndObject();
        json.writeRaw('\n');
    }

    private void figure(String name, BigDecimal value) throws IOException {
        if (value != null) {
            json.writeFieldName(name);
            json.writeNumber(value);
        }
    }

    private void investors(List<String> names, boolean lead) throws IOException {
        for (String name : names) {
            json.writeStartObject();
            json.writeStringField("name", name);
            json.writeBooleanField("lead", lead);
            json.writeEndObject();
        }
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
