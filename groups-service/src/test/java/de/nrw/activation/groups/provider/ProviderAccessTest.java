package de.nrw.activation.groups.provider;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The 40-day rule of provider access, on plain dates. */
class ProviderAccessTest {

    private static final LocalDate EXIT = LocalDate.of(2013, 5, 8);

    @Test
    void accessLastsUntilThe40thDayAfterTheEndAndIsGoneOnThe41st() {
        assertThat(ProviderAccess.allows(EXIT, EXIT)).isTrue();
        assertThat(ProviderAccess.allows(EXIT, EXIT.plusDays(40))).isTrue();
        assertThat(ProviderAccess.allows(EXIT, EXIT.plusDays(41))).isFalse();
        assertThat(ProviderAccess.allows(EXIT, EXIT.plusYears(1))).isFalse();
        assertThat(ProviderAccess.accessUntil(EXIT)).isEqualTo(LocalDate.of(2013, 6, 17));
    }

    @Test
    void aStayThatHasNotEndedYetIsSeen() {
        LocalDate groupEnd = LocalDate.of(2013, 6, 16);
        assertThat(ProviderAccess.allows(groupEnd, LocalDate.of(2013, 6, 3))).isTrue();
    }

    @Test
    void theEarliestVisibleLastDayAgreesWithTheRule() {
        LocalDate today = LocalDate.of(2013, 7, 1);
        LocalDate earliest = ProviderAccess.earliestVisibleLastDay(today);
        assertThat(ProviderAccess.allows(earliest, today)).isTrue();
        assertThat(ProviderAccess.allows(earliest.minusDays(1), today)).isFalse();
    }

    @Test
    void theStayEndsOnTheDayBeforeATransferOutElseOnTheExitElseOnTheGroupsEnd() {
        LocalDate transfer = LocalDate.of(2013, 5, 12);
        LocalDate exit = LocalDate.of(2013, 5, 20);
        LocalDate groupEnd = LocalDate.of(2013, 6, 16);
        assertThat(ProviderAccess.lastDayOfStay(transfer, exit, groupEnd)).isEqualTo(transfer);
        assertThat(ProviderAccess.lastDayOfStay(null, exit, groupEnd)).isEqualTo(exit);
        assertThat(ProviderAccess.lastDayOfStay(null, null, groupEnd)).isEqualTo(groupEnd);
    }
}
