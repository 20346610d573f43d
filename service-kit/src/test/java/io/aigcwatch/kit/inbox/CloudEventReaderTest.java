package io.aigcwatch.kit.inbox;

import io.aigcwatch.events.funding.InvestorData;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
