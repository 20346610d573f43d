package io.aigcwatch.kit.inbox;

import io.aigcwatch.events.funding.InvestorData;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one-pass reading of a record gives what the envelope's tree gives, and poison the same reason. */
class CloudEventReaderTest {
    private static final String ID = UUID.randomUUID().toString();
    private final ObjectMapper json = ObjectMapper.getDefault();
    private final CloudEventReader reader = new CloudEventReader(json);

    @Test
    void aWellFormedEventIsReadWithoutItsTree() throws Exception {
        String value = event("{\"name\":\"Lead\",\"lead\":true}");
        EventHeader header = json.readValue(value, EventHeader.class);
        assertEquals(ID, header.id());
        assertEquals("investor.seen", header.type());
        assertEquals("co-1", header.subject());
        assertEquals(new InvestorData("Lead", true), reader.data(value, InvestorData.class));
        assertEquals(reader.data(reader.envelope(value), InvestorData.class), reader.data(value, InvestorData.class));
    }

    @Test
    void theStreamedHeaderIsTheHeaderTheMapperReads() throws Exception {
        String dataFirst = "{\"data\":{\"id\":\"not-this\",\"type\":[1,{\"a\":\"\\\"\"}]},\"id\":\"" + ID
                + "\",\"source\":\"/test\",\"type\":\"investor.seen\",\"subject\":null,\"ext\":{\"x\":1}}";
        String subjectLast = "{\"specversion\":\"1.0\",\"id\":\"" + ID + "\",\"source\":\"/test\",\"type\":\"t\","
                + "\"time\":\"2026-01-01T00:00:00Z\",\"datacontenttype\":\"application/json\",\"data\":{},"
                + "\"subject\":\"co-2\"}";
        String numericTime = "{\"id\":\"" + ID + "\",\"source\":\"/test\",\"type\":\"t\",\"time\":0}";
        for (String value : new String[]{event("{\"name\":\"Lead\",\"lead\":true}"), event("null"), dataFirst,
                subjectLast, numericTime}) {
            assertEquals(json.readValue(value, EventHeader.class), reader.header(value), value);
        }
        assertEquals("co-2", reader.header(subjectLast).subject());
        for (String unscannable : new String[]{numericTime, "[]", "{\"id\":1}", "{\"id\":\"x\"}"}) {
            assertTrue(HeaderScan.scan(unscannable).isEmpty(), unscannable);
        }
    }

    @Test
    void whatTheScanStopsBeforeIsReadWithTheData() {
        String lead = event("{\"name\":\"Lead\",\"lead\":true}");
        assertEquals(new InvestorData("Lead", true), reader.data(lead, InvestorData.class));
        for (String broken : new String[]{event("{"), lead.replace("2026-01-01", "x")}) {
            assertEquals(ID, reader.header(broken).id(), broken);
            assertThrows(PoisonMessage.class, () -> reader.data(broken, InvestorData.class), broken);
        }
    }

    @Test
    void poisonIsRefusedWithTheReasonOfTheTreePath() {
        for (String data : new String[]{"{\"lead\":true}", "null", "\"text\"", "[1, 2]"}) {
            String value = event(data);
            PoisonMessage fast = assertThrows(PoisonMessage.class, () -> reader.data(value, InvestorData.class), data);
            PoisonMessage tree = assertThrows(PoisonMessage.class,
                    () -> reader.data(reader.envelope(value), InvestorData.class), data);
            assertEquals(tree.getMessage(), fast.getMessage(), data);
        }
        PoisonMessage noType = assertThrows(PoisonMessage.class, () -> reader.header("{\"id\":\"" + ID + "\"}"));
        PoisonMessage treeNoType = assertThrows(PoisonMessage.class, () -> reader.envelope("{\"id\":\"" + ID + "\"}"));
        assertEquals(treeNoType.getMessage(), noType.getMessage());
        assertThrows(PoisonMessage.class, () -> reader.header(null));
    }

    private static String event(String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + ID + "\",\"source\":\"/test\",\"type\":\"investor.seen\","
                + "\"time\":\"2026-01-01T00:00:00Z\",\"subject\":\"co-1\",\"datacontenttype\":\"application/json\","
                + "\"data\":" + data + "}";
    }
}
