package de.nrw.activation.participants.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderAccessRuleTest {

    private static final LocalDate EXIT = LocalDate.of(2012, 4, 27);

    @Test
    void openWhileInTheGroup() {
        assertThat(ProviderAccessRule.open(null, LocalDate.of(2030, 1, 1))).isTrue();
    }

    @Test
    void openUpToTheFortiethDayAfterTheEndAndClosedFromTheFortyFirst() {
        assertThat(ProviderAccessRule.open(EXIT, EXIT)).isTrue();
        assertThat(ProviderAccessRule.open(EXIT, EXIT.plusDays(40))).isTrue();
        assertThat(ProviderAccessRule.open(EXIT, EXIT.plusDays(41))).isFalse();
    }

    @Test
    void theLastDayInTheGroupIsTheExitOrTheDayBeforeATransferWhicheverIsEarlier() {
        LocalDate groupEnd = LocalDate.of(2012, 5, 4);
        assertThat(ProviderAccessRule.lastDayInGroup(null, null, null)).isNull();
        assertThat(ProviderAccessRule.lastDayInGroup(EXIT, null, groupEnd)).isEqualTo(EXIT);
        assertThat(ProviderAccessRule.lastDayInGroup(null, EXIT, groupEnd)).isEqualTo(EXIT.minusDays(1));
        // moved on 1 March, left the programme from the new group later
        assertThat(ProviderAccessRule.lastDayInGroup(EXIT, LocalDate.of(2012, 3, 1), groupEnd))
                .isEqualTo(LocalDate.of(2012, 2, 29));
        assertThat(ProviderAccessRule.lastDayInGroup(LocalDate.of(2012, 2, 1), LocalDate.of(2012, 3, 1), groupEnd))
                .isEqualTo(LocalDate.of(2012, 2, 1));
    }

    @Test
    void withoutAnExitTheGroupsLastDayEndsTheStay() {
        assertThat(ProviderAccessRule.lastDayInGroup(null, null, EXIT)).isEqualTo(EXIT);
    }
}
