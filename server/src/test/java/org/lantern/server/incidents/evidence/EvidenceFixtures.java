package org.lantern.server.incidents.evidence;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.imageio.ImageIO;

import org.lantern.server.incidents.IncidentService;
import org.lantern.server.incidents.NewIncident;
import org.lantern.server.incidents.SubjectType;
import org.lantern.server.incidents.Viewer;
import org.lantern.server.support.TestPeople;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;

/** Incidents and files for evidence tests. Test classes share one database. */
final class EvidenceFixtures {

    /** A pupil row that ticks no police column. */
    static final String ORDINARY = "mobile-device-misuse";
    /** The pupil row for illegal material, which ticks "Refer to Police". */
    static final String ILLEGAL = "accessing-illegal-material";

    private EvidenceFixtures() {
    }

    /** Removes every evidence row, children first. */
    static void clear(JdbcClient jdbc) {
        jdbc.sql("DELETE FROM evidence_custody").update();
        jdbc.sql("DELETE FROM evidence_content").update();
        jdbc.sql("DELETE FROM evidence").update();
    }

    /** An incident recorded by {@code recorder} about a new pupil, in the given table row. */
    static long incident(JdbcClient jdbc, IncidentService incidents, Authentication recorder, String categoryId) {
        long pupil = TestPeople.pupil(jdbc, "Ada", TestPeople.unique("Pupil"));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return incidents.record(new NewIncident(SubjectType.PUPIL, categoryId, List.of(pupil), now.minusHours(1),
                "IT suite", "Saw the screen.", null, List.of()), Viewer.of(recorder)).id();
    }

    /** A real 4 × 3 PNG. */
    static byte[] png() {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xFF0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
