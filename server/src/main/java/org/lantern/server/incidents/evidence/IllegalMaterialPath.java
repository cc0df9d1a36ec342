package org.lantern.server.incidents.evidence;

import org.lantern.policy.Sanctions;
import org.lantern.server.incidents.Incident;

/**
 * Whether an incident follows the illegal-material path of seed 002 ("if there is any suspicion
 * that the website(s) concerned may contain child abuse images, or any other suspected illegal
 * activity ... report immediately to the police"). Such material must not be copied, so these
 * incidents take URLs and descriptions only, never screenshots or files.
 *
 * <p>The record says so itself ({@link Incident#illegalPath()}); a "Refer to Police" action the
 * DSL added later also counts, since the content may be just as illegal.
 */
public final class IllegalMaterialPath {

    /** The guidance shown instead of the upload form. */
    public static final String GUIDANCE = "This incident follows the illegal-material path: do not copy illegal "
            + "material; isolate the device and refer to the police. Record the address and describe what was "
            + "seen; screenshots and files cannot be added.";

    private IllegalMaterialPath() {
    }

    /** Whether uploads of screenshots and files are refused for this incident. */
    public static boolean applies(Incident incident) {
        return incident.illegalPath() || incident.actions().stream().anyMatch(a -> Sanctions.REFER_TO_POLICE.equals(a.columnId()));
    }
}
