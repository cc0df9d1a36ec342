package org.lantern.activity.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The host cache: the same answer for a host however it is written and whatever shares its slot. */
class HostTableTest {

    @Test
    void cachesAHostWhateverItsCase() {
        HostTable table = new HostTable(16);
        byte[] upper = "WWW.Example.CO.UK".getBytes(StandardCharsets.US_ASCII);

        HostTable.Host host = table.get(upper, 0, upper.length, true);

        assertThat(host).isEqualTo(new HostTable.Host("www.example.co.uk", "example.co.uk", false));
        assertThat(table.get(upper, 0, upper.length, true)).isSameAs(host);
        assertThat(table.get("192.0.2.1")).isEqualTo(new HostTable.Host("192.0.2.1", "192.0.2.1", true));
        assertThat(table.get("2001:db8::1").ip()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "WWW.BBC.CO.UK, www.bbc.co.uk, bbc.co.uk, false",
        "Example.COM., example.com., example.com, false",
        "co.uk, co.uk, co.uk, false",
        "intranet, intranet, intranet, false",
        "10.0.0.1, 10.0.0.1, 10.0.0.1, true",
        "2001:DB8::1, 2001:db8::1, 2001:db8::1, true",
        "1.2.3.4.example.com, 1.2.3.4.example.com, example.com, false",
        "999.1.1.1, 999.1.1.1, 999.1.1.1, false",
        "WWW.BÜCHER.DE, www.bücher.de, bücher.de, false",
    })
    void describesAHostFromItsBytes(String written, String name, String domain, boolean ip) {
        byte[] b = ("GET " + written + " x").getBytes(StandardCharsets.UTF_8);
        boolean ascii = b.length == written.length() + 6;

        HostTable.Host host = new HostTable(1 << 4).get(b, 4, b.length - 2, ascii);

        assertThat(host).isEqualTo(new HostTable.Host(name, domain, ip));
    }

    @Test
    void hostsSharingOneSlotEachGetTheirOwnAnswer() {
        HostTable table = new HostTable(1);
        String[] hosts = {"a.example.com", "A.example.com", "b.example.co.uk", "a.example.com", "10.0.0.1"};
        String[] domains = {"example.com", "example.com", "example.co.uk", "example.com", "10.0.0.1"};
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < hosts.length; i++) {
                byte[] b = hosts[i].getBytes(StandardCharsets.US_ASCII);
                assertThat(table.get(b, 0, b.length, true).domain()).as(hosts[i]).isEqualTo(domains[i]);
                assertThat(table.get(hosts[i]).domain()).as(hosts[i]).isEqualTo(domains[i]);
            }
        }
    }
}
