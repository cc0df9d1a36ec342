package org.lantern.server.incidents;

import java.util.List;

/**
 * A feature that has something to say about a person's chronology (incidents, and later filter
 * alerts and the like). Every Spring bean implementing it is asked; {@link Chronology} merges the
 * entries in time order and logs each record they come from as a look by the viewer, so a source
 * only has to return what this viewer may see.
 */
public interface ChronologySource {

    /**
     * The entries about a person that the viewer may see, in any order.
     *
     * @param personId the person's id in the people directory
     * @param viewer   who is looking (what they may read decides what is returned)
     */
    List<ChronologyEntry> entries(long personId, Viewer viewer);
}
