package de.nrw.activation.reporting.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.nrw.activation.contract.ExitReason;
import de.nrw.activation.contract.ParticipationExitedData;
import de.nrw.activation.contract.ParticipationWithdrawnData;
import de.nrw.activation.platform.events.EventEnvelope;
import de.nrw.activation.platform.events.PoisonEventException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Events become contract records; what cannot be read becomes poison with a reason naming the field. */
class EventDecoderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());
    private final EventDecoder decoder = new EventDecoder(MAPPER);

    private static EventEnvelope event(String type, ObjectNode data) {
        return new EventEnvelope(UUID.randomUUID(), "/test", type, OffsetDateTime.of(2012, 3, 1, 8, 0, 0, 0, ZoneOffset.UTC),
                "x", data);
    }

    private static ObjectNode exit() {
        return MAPPER.createObjectNode().put("participationId", UUID.randomUUID().toString())
                .put("participantId", UUID.randomUUID().toString()).put("jobcenterId", "herne")
                .put("exitDate", "2012-03-01").put("reason", "DROPOUT");
    }

    @Test
    void anExitCorrectionIsReadAsTheExitItReplacesOnTheGroupTopic() {
        EventEnvelope e = event("participation.exit-corrected.v1", exit().put("groupCancelled", true));
        DecodedEvent decoded = decoder.decode(e);
        assertThat(decoded.topic()).isEqualTo("group-events");
        assertThat(decoded.stamp()).isEqualTo(new Stamp(e.time(), e.id()));
        ParticipationExitedData data = (ParticipationExitedData) decoded.data();
        assertThat(data.reason()).isEqualTo(ExitReason.DROPOUT);
        assertThat(data.exitDate()).isEqualTo(LocalDate.of(2012, 3, 1));
        assertThat(data.groupCancelled()).isTrue();
    }

    @Test
    void aWithdrawalIsReadWithoutItsOptionalFields() {
        ObjectNode data = MAPPER.createObjectNode().put("participationId", UUID.randomUUID().toString())
                .put("participantId", UUID.randomUUID().toString()).put("jobcenterId", "herne").put("unknownField", 1);
        assertThat(decoder.decode(event("participation.withdrawn.v1", data)).data())
                .isInstanceOf(ParticipationWithdrawnData.class);
    }

    @Test
    void anUnknownTypeIsPoison() {
        assertThatThrownBy(() -> decoder.decode(event("participation.invented.v9", exit())))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("unknown type");
    }

    @Test
    void anUnknownEnumValueIsPoisonNamingTheFieldNotTheValue() {
        assertThatThrownBy(() -> decoder.decode(event("participation.exited.v1", exit().put("reason", "FIRED"))))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("data.reason")
                .hasMessageNotContaining("FIRED");
    }

    @Test
    void aMissingRequiredFieldIsPoisonNamingTheField() {
        ObjectNode data = exit();
        data.remove("exitDate");
        assertThatThrownBy(() -> decoder.decode(event("participation.exit-corrected.v1", data)))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("data.exitDate");
    }

    @Test
    void aMalformedPhaseIsPoison() {
        assertThatThrownBy(() -> decoder.decode(event("participation.exited.v1", exit().put("phaseId", "phase 1; drop"))))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("data.phaseId");
    }
}
