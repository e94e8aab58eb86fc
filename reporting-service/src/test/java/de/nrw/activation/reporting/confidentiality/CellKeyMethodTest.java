package de.nrw.activation.reporting.confidentiality;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellKeyMethodTest {

    private static final int KEYS = 200_000;

    @Test
    void zeroStaysZeroAndNoPublishedValueIsOneOrTwo() {
        Random random = new Random(42);
        for (int i = 0; i < KEYS; i++) {
            long keySum = random.nextLong();
            assertEquals(0, CellKeyMethod.perturbed(0, keySum));
            for (long count = 1; count <= 40; count++) {
                long published = CellKeyMethod.perturbed(count, keySum);
                assertTrue(published != 1 && published != 2, count + " published as " + published);
                assertTrue(published >= 0);
            }
        }
    }

    @Test
    void oneAndTwoBecomeZeroThreeOrFourAndAllOfThemOccur() {
        Random random = new Random(7);
        for (long count = 1; count <= 2; count++) {
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < KEYS; i++) {
                long published = CellKeyMethod.perturbed(count, random.nextLong());
                assertTrue(published == 0 || published == 3 || published == 4, count + " -> " + published);
                seen.add(published);
            }
            assertEquals(Set.of(0L, 3L, 4L), seen);
        }
    }

    @Test
    void threeAndFourMayBecomeZeroAndLargerCountsMoveByAtMostTwo() {
        Random random = new Random(11);
        Set<Long> three = new HashSet<>();
        Set<Long> four = new HashSet<>();
        for (int i = 0; i < KEYS; i++) {
            long keySum = random.nextLong();
            three.add(CellKeyMethod.perturbed(3, keySum));
            four.add(CellKeyMethod.perturbed(4, keySum));
            for (long count : new long[] {5, 6, 17, 250, 1_000_000}) {
                long published = CellKeyMethod.perturbed(count, keySum);
                assertTrue(Math.abs(published - count) <= 2 && published >= 3, count + " -> " + published);
            }
        }
        assertTrue(three.contains(0L) && four.contains(0L));
        assertEquals(Set.of(0L, 3L, 4L, 5L), three);
        assertEquals(Set.of(0L, 3L, 4L, 5L, 6L), four);
    }

    @Test
    void smallCountsComeOutRightOnAverageAndTheOutcomesThatWouldPinACountAreRare() {
        Random random = new Random(13);
        Map<Long, Map<Long, Integer>> outcomes = new HashMap<>();
        for (int i = 0; i < KEYS; i++) {
            long keySum = random.nextLong();
            for (long count : new long[] {1, 2, 3, 4, 5, 40}) {
                outcomes.computeIfAbsent(count, c -> new HashMap<>()).merge(CellKeyMethod.perturbed(count, keySum), 1,
                        Integer::sum);
            }
        }
        for (long count = 1; count <= 5; count++) {
            double mean = outcomes.get(count).entrySet().stream().mapToDouble(e -> e.getKey() * (double) e.getValue())
                    .sum() / KEYS;
            assertEquals(count, mean, 0.12, "the mean published value of " + count);
        }
        // a bound that meets the true count (the highest count that can give 0, 3 or 4; the lowest that can give 5 or 6;
        // a count of 5 or more moved by 2) is what lets differencing close in on a count: each is rare
        assertTrue(share(outcomes, 4, 0) < 0.04, "4 -> 0");
        assertTrue(share(outcomes, 3, 5) < 0.08, "3 -> 5");
        assertTrue(share(outcomes, 4, 6) < 0.06, "4 -> 6");
        assertTrue(share(outcomes, 40, 38) < 0.035 && share(outcomes, 40, 42) < 0.035, "40 -> 38 or 42");
        assertTrue(share(outcomes, 1, 0) > 0.6, "1 -> 0 mostly");
    }

    private static double share(Map<Long, Map<Long, Integer>> outcomes, long count, long published) {
        return outcomes.get(count).getOrDefault(published, 0) / (double) KEYS;
    }

    @Test
    void sameRecordsSameAnswer() {
        RecordKeys keys = new RecordKeys("dev only: a test secret of the suite");
        UUID a = UUID.fromString("00000000-0000-0000-0000-000000000001");
        UUID b = UUID.fromString("00000000-0000-0000-0000-000000000002");
        long sum = keys.of(a) + keys.of(b);
        long first = CellKeyMethod.perturbed(2, sum);
        for (int i = 0; i < 100; i++) {
            assertEquals(first, CellKeyMethod.perturbed(2, keys.of(b) + keys.of(a)));
        }
        assertEquals(CellKeyMethod.cellKey(sum), CellKeyMethod.cellKey(sum + RecordKeys.M));
        assertTrue(CellKeyMethod.cellKey(-5) >= 0);
    }

    @Test
    void recordKeysDependOnTheSecretAndStayInRange() {
        RecordKeys one = new RecordKeys("dev only: a test secret of the suite");
        RecordKeys other = new RecordKeys("dev only: another secret entirely");
        Random random = new Random(3);
        int differ = 0;
        for (int i = 0; i < 1000; i++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            long k = one.of(id);
            assertTrue(k >= 0 && k < RecordKeys.M);
            assertEquals(k, one.of(id));
            if (k != other.of(id)) {
                differ++;
            }
        }
        assertTrue(differ > 990);
        assertNotEquals(one.of(UUID.randomUUID()), one.of(UUID.randomUUID()));
    }

    @Test
    void refusesAMissingOrShortSecret() {
        assertThrows(IllegalStateException.class, () -> new RecordKeys(null));
        assertThrows(IllegalStateException.class, () -> new RecordKeys("  "));
        assertThrows(IllegalStateException.class, () -> new RecordKeys("short"));
    }

    @Test
    void negativeCountsAreAnError() {
        assertThrows(IllegalArgumentException.class, () -> CellKeyMethod.perturbed(-1, 0));
    }
}
