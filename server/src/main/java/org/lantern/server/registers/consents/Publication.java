package org.lantern.server.registers.consents;

import java.time.LocalDate;
import java.util.List;

/**
 * Something the school published with pupils in it.
 *
 * @param id          its id
 * @param use         which use (the website, the press...)
 * @param title       what it is, e.g. "Sports day gallery"
 * @param location    where: an address, a newspaper's name and date, a corridor
 * @param publishedOn when
 * @param owner       the username of who looks after it, and so takes pupils out of it
 * @param pupils      the pupils who appear, by name
 */
public record Publication(long id, PhotoUse use, String title, String location, LocalDate publishedOn, String owner,
                          List<Appearing> pupils) {

    /**
     * A pupil who appears.
     *
     * @param personId the pupil
     * @param name     their name
     */
    public record Appearing(long personId, String name) {
    }
}
