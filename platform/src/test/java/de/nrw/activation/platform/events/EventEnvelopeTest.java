package de.nrw.activation.platform.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.nrw.activation.contract.AgeBand;
import de.nrw.activation.contract.AttendanceRecordedData;
import de.nrw.activation.contract.AttendanceStatus;
import de.nrw.activation.contract.ParticipantProfileData;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading records into envelopes and their data into contract records; what is unreadable is poison. */
class EventEnvelopeTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final UUID PARTICIPANT = UUID.fromString("6f1c2f5e-3c1d-4b7a-9a52-0c1b2d3e4f50");

    private static ObjectNode profile() {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("participantId", PARTICIPANT.toString());
        data.put("jobcenterId", "herne");
        data.put("gender", "FEMALE");
        data.put("ageBand", "UNDER_25");
        data.put("customerType", "NEW");
        data.put("labourMarketDistance", "CLOSE");
        data.put("vocationalQualification", true);
        return data;
    }

    private static EventEnvelope event(ObjectNode data) {
        return EventEnvelope.create("/test", "participant.registered.v1", PARTICIPANT.toString(), data);
    }

    @Test
    void anEnvelopeSurvivesTheRoundTripThroughItsWireFormat() {
        EventEnvelope sent = event(profile());
        EventEnvelope read = EventEnvelope.parse(sent.serialize(MAPPER), MAPPER);
        assertThat(read.id()).isEqualTo(sent.id());
        assertThat(read.type()).isEqualTo("participant.registered.v1");
        assertThat(read.source()).isEqualTo("/test");
        assertThat(read.subject()).isEqualTo(PARTICIPANT.toString());
        assertThat(read.time().toInstant()).isEqualTo(sent.time().toInstant());
        assertThat(read.data()).isEqualTo(profile());
    }

    @Test
    void dataIsReadIntoItsContractRecord() {
        ParticipantProfileData data = event(profile()).data(ParticipantProfileData.class, MAPPER);
        assertThat(data.participantId()).isEqualTo(PARTICIPANT);
        assertThat(data.ageBand()).isEqualTo(AgeBand.UNDER_25);
        assertThat(data.vocationalQualification()).isTrue();
    }

    @Test
    void anUnknownFieldIsTolerated() {
        ObjectNode data = profile();
        data.put("addedInAFutureVersion", "anything");
        assertThat(event(data).data(ParticipantProfileData.class, MAPPER).jobcenterId()).isEqualTo("herne");
    }

    @Test
    void anUnknownEnumValueIsPoisonNamingTheFieldButNotTheValue() {
        ObjectNode data = profile();
        data.put("gender", "SECRET_VALUE");
        assertThatThrownBy(() -> event(data).data(ParticipantProfileData.class, MAPPER))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("data.gender")
                .hasMessageContaining("not one of the known values")
                .hasMessageNotContaining("SECRET_VALUE");
    }

    @Test
    void aMissingRequiredFieldIsPoisonNamingTheField() {
        ObjectNode data = profile();
        data.remove("customerType");
        assertThatThrownBy(() -> event(data).data(ParticipantProfileData.class, MAPPER))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("data.customerType");
    }

    @Test
    void aNullRequiredFieldIsPoisonNamingTheField() {
        ObjectNode data = profile();
        data.putNull("jobcenterId");
        assertThatThrownBy(() -> event(data).data(ParticipantProfileData.class, MAPPER))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("data.jobcenterId")
                .hasMessageNotContaining("herne");
    }

    @Test
    void aValueOfTheWrongTypeIsPoisonWithoutTheValue() {
        ObjectNode data = profile();
        data.put("participantId", "Erika Mustermann");
        assertThatThrownBy(() -> event(data).data(ParticipantProfileData.class, MAPPER))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("data.participantId")
                .hasMessageNotContaining("Mustermann");
    }

    private static ObjectNode attendance() {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("groupId", UUID.randomUUID().toString());
        data.put("jobcenterId", "herne");
        data.put("date", "2026-03-02");
        ObjectNode entry = data.putArray("entries").addObject();
        entry.put("participantId", PARTICIPANT.toString());
        entry.put("status", "PRESENT");
        return data;
    }

    @Test
    void aListOfNestedRecordsIsRead() {
        AttendanceRecordedData data = event(attendance()).data(AttendanceRecordedData.class, MAPPER);
        assertThat(data.date()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(data.entries()).containsExactly(new AttendanceRecordedData.Entry(PARTICIPANT, AttendanceStatus.PRESENT));
    }

    @Test
    void aNullInAListIsPoisonNamingItsIndex() {
        ObjectNode data = attendance();
        data.withArray("entries").addNull();
        assertThatThrownBy(() -> event(data).data(AttendanceRecordedData.class, MAPPER))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("data.entries[1] is null");
    }

    @Test
    void aMissingFieldOfAListItemIsPoisonNamingItsPath() {
        ObjectNode data = attendance();
        ((ObjectNode) data.withArray("entries").get(0)).remove("status");
        assertThatThrownBy(() -> event(data).data(AttendanceRecordedData.class, MAPPER))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("data.entries[0].status");
    }

    @Test
    void aRecordThatIsNoCloudEventIsPoison() {
        assertThatThrownBy(() -> EventEnvelope.parse("not json".getBytes(StandardCharsets.UTF_8), MAPPER))
                .isInstanceOf(PoisonEventException.class).hasMessageStartingWith("not a CloudEvents JSON record");
        assertThatThrownBy(() -> EventEnvelope.parse(new byte[0], MAPPER))
                .isInstanceOf(PoisonEventException.class).hasMessage("empty record");
        assertThatThrownBy(() -> EventEnvelope.parse(null, MAPPER))
                .isInstanceOf(PoisonEventException.class).hasMessage("empty record");
    }

    @Test
    void anEventWithoutAUuidIdOrWithoutObjectDataIsPoison() {
        String badId = "{\"specversion\":\"1.0\",\"id\":\"42\",\"source\":\"/x\",\"type\":\"t\",\"data\":{}}";
        assertThatThrownBy(() -> EventEnvelope.parse(badId.getBytes(StandardCharsets.UTF_8), MAPPER))
                .isInstanceOf(PoisonEventException.class).hasMessage("event id is not a UUID");
        String id = UUID.randomUUID().toString();
        String arrayData = "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/x\",\"type\":\"t\","
                + "\"datacontenttype\":\"application/json\",\"data\":[1]}";
        assertThatThrownBy(() -> EventEnvelope.parse(arrayData.getBytes(StandardCharsets.UTF_8), MAPPER))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("not a JSON object");
        String noData = "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/x\",\"type\":\"t\"}";
        assertThatThrownBy(() -> EventEnvelope.parse(noData.getBytes(StandardCharsets.UTF_8), MAPPER))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("has no data");
    }

    @Test
    void jsonDataIsTakenAsTheSdkParsedItAndBase64DataIsParsedOnce() {
        String id = UUID.randomUUID().toString();
        String head = "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/x\",\"type\":\"t\","
                + "\"datacontenttype\":\"application/json\",";
        EventEnvelope inline = EventEnvelope.parse((head + "\"data\":{\"a\":1}}").getBytes(StandardCharsets.UTF_8),
                MAPPER);
        assertThat(inline.data()).isEqualTo(MAPPER.createObjectNode().put("a", 1));
        String encoded = Base64.getEncoder().encodeToString("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        EventEnvelope binary = EventEnvelope.parse((head + "\"data_base64\":\"" + encoded + "\"}")
                .getBytes(StandardCharsets.UTF_8), MAPPER);
        assertThat(binary.data()).isEqualTo(inline.data());
        String notJson = Base64.getEncoder().encodeToString("{not json".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> EventEnvelope.parse((head + "\"data_base64\":\"" + notJson + "\"}")
                .getBytes(StandardCharsets.UTF_8), MAPPER))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("data is not JSON");
    }

    @Test
    void eachMapperReadsDataWithItsOwnConfiguration() {
        ObjectMapper withoutJavaTime = new ObjectMapper(); // cannot read a LocalDate
        EventEnvelope event = event(attendance());
        assertThat(event.data(AttendanceRecordedData.class, MAPPER).date()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThatThrownBy(() -> event.data(AttendanceRecordedData.class, withoutJavaTime))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("data.date");
        assertThat(event.data(AttendanceRecordedData.class, MAPPER).date()).isEqualTo(LocalDate.of(2026, 3, 2));
    }
}
