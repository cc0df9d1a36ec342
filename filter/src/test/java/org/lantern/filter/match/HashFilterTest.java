package org.lantern.filter.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HashFilterTest {

    @Test
    void everyAddedHashPassesAtEverySize() {
        Random random = new Random(3);
        for (int entries : new int[] {0, 1, 7, 8, 9, 1_000, 100_000}) {
            HashFilter filter = new HashFilter(entries, 8);
            int[] hashes = new int[entries];
            for (int i = 0; i < entries; i++) {
                hashes[i] = DomainMatcher.mix(random.nextInt());
                filter.add(hashes[i]);
            }
            for (int hash : hashes) {
                assertThat(filter.mayContain(hash)).isTrue();
            }
        }
    }

    @Test
    void anEmptyFilterPassesNothing() {
        HashFilter filter = new HashFilter(0, 16);
        for (int i = 0; i < 1_000; i++) {
            assertThat(filter.mayContain(DomainMatcher.mix(i))).isFalse();
        }
    }

    @Test
    void aHashNotAddedPassesAboutOnceInTheBitsPerEntryOrLess() {
        // 16 bits an entry rounds up to 262,144 bits: under 1 % of misses pass, well under 1 in 16.
        assertThat(falsePasses(16)).isLessThan(100_000 / 16);
    }

    @Test
    void twoBitsAWordPassFewerMissesThanOneBitWouldAtTheSameSize() {
        // 8 bits an entry rounds up to 131,072 bits: one bit an entry would pass about 7.3 % of
        // misses; two bits in one word pass about 2.5 %.
        assertThat(falsePasses(8)).isLessThan(5_000);
    }

    /** @return how many of 100,000 hashes never added pass a filter holding 10,000 others */
    private static int falsePasses(int bitsPerEntry) {
        HashFilter filter = new HashFilter(10_000, bitsPerEntry);
        for (int i = 0; i < 10_000; i++) {
            filter.add(DomainMatcher.mix(i));
        }
        int passed = 0;
        for (int i = 10_000; i < 110_000; i++) {
            passed += filter.mayContain(DomainMatcher.mix(i)) ? 1 : 0;
        }
        return passed;
    }
}
