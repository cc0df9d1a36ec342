package org.lantern.proxy.icap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class IcapWarmUpTest {

    private static List<String> urls(int count) {
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            urls.add("http://warm-" + i + ".example/page?q=" + i);
        }
        return urls;
    }

    @Test
    void everyAddressIsDecidedOnceAndEveryAnswerIsReadWhole() throws Exception {
        List<String> decided = Collections.synchronizedList(new ArrayList<>());
        IcapDecider decider = (url, method, user, ip) -> {
            decided.add(url);
            return new IcapVerdict.Allow();
        };

        int answered = IcapWarmUp.run(IcapServerConfig.defaults(), decider, urls(1_000));

        assertThat(decided).containsExactlyInAnyOrderElementsOf(urls(1_000));
        // One OPTIONS per hundred requests on each connection, as Squid refreshes its options.
        assertThat(answered).isGreaterThan(1_000);
    }

    @Test
    void blockPagesRedirectsAndRewritesAreReadToTheirEndSoTheNextRequestIsServed() throws Exception {
        IcapDecider decider = (url, method, user, ip) -> switch (url.hashCode() & 3) {
            case 0 -> new IcapVerdict.Block("Gambling is blocked for everyone.", "gambling");
            case 1 -> new IcapVerdict.Redirect("http://lantern.example/blocked");
            case 2 -> new IcapVerdict.Rewrite(url + "&safe=active");
            default -> new IcapVerdict.Allow();
        };

        assertThat(IcapWarmUp.run(IcapServerConfig.defaults(), decider, urls(800))).isGreaterThan(800);
        assertThat(IcapWarmUp.run(IcapServerConfig.defaults().withBlockMode(IcapServerConfig.BlockMode.REDIRECT),
                decider, urls(800))).isGreaterThan(800);
    }

    @Test
    void requestsComeWithAndWithoutUsersAndBase64UsersWhenSquidEncodesThem() throws Exception {
        Set<String> users = ConcurrentHashMap.newKeySet();
        IcapDecider decider = (url, method, user, ip) -> {
            users.add(user);
            return new IcapVerdict.Allow();
        };

        IcapWarmUp.run(IcapServerConfig.defaults().withUsernameBase64(true), decider, urls(300));

        // Decoded by the server: base64 would not have come through as plain names.
        assertThat(users).contains("", "pupil0", "pupil1");
    }

    @Test
    void theThrowAwayServerIsClosedAfterwardsAndTheConfiguredPortIsNeverTaken() throws Exception {
        int[] port = new int[1];
        IcapDecider decider = (url, method, user, ip) -> new IcapVerdict.Allow();
        try (IcapServer probe = IcapServer.start(IcapServerConfig.defaults().withPort(0), decider)) {
            port[0] = probe.port();
        }

        IcapWarmUp.run(IcapServerConfig.defaults().withPort(port[0]), decider, urls(50));

        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port[0]).close())
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void anEmptyListOfAddressesServesNothing() throws IOException, InterruptedException {
        assertThat(IcapWarmUp.run(IcapServerConfig.defaults(), (u, m, user, ip) -> new IcapVerdict.Allow(),
                List.of())).isZero();
    }
}
