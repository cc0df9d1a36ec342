package org.lantern.server.support;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server (GreenMail) on a free local port for one test class, started once for the
 * class, with what the mail tests ask of it: pointing the application's mail sender at it, the
 * messages one address received, a subject without the checked exception. Register it as a static
 * {@code @RegisterExtension} and call {@link #mailProperties} from the class's
 * {@code @DynamicPropertySource}.
 */
public class TestSmtp extends GreenMailExtension {

    private final int port;

    public TestSmtp() {
        this(IcapExchange.freePort());
    }

    private TestSmtp(int port) {
        super(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        this.port = port;
        withPerMethodLifecycle(false);
    }

    /** Sends the application's mail here. */
    public void mailProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> port);
    }

    /** Running again if a test stopped it (a mail server down), with no mail from earlier tests. */
    public void emptied() throws FolderException {
        if (!isRunning()) {
            start();
        }
        purgeEmailFromAllMailboxes();
    }

    /** The copies received for {@code address}, as a recipient of any kind, in arrival order. */
    public List<MimeMessage> to(String address) {
        return Arrays.stream(getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The message's subject; a message GreenMail has received always has one that can be read. */
    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
