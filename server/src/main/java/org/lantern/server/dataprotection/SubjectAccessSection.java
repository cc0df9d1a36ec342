package org.lantern.server.dataprotection;

import java.util.List;

import org.lantern.server.people.Person;
import org.springframework.security.core.Authentication;

/**
 * One part of a subject access export that another feature holds (the agreements, photo consent and
 * devices registers): the feature implements it, so the export gathers its data through the feature's
 * own services without depending on it. The parts appear in the export in the order of {@link #order()}.
 */
public interface SubjectAccessSection {

    /** Where the part goes among the others: lower first. */
    int order();

    /**
     * The person's records in this part, one table per kind of record (none when the register keeps
     * nothing of the kind for people like them), read by {@code exporter}: the part follows the
     * feature's own rules on who may see what (and logs each look as its pages do, channel EXPORT),
     * saying in a table's note what it leaves out and who can add it.
     */
    List<PersonalDataExport.RegisterSection> sections(Person person, Authentication exporter);
}
