package org.lantern.server.incidents;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.lantern.server.http.SchoolTime;
import org.lantern.server.people.People;
import org.lantern.server.people.Person;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's chronology: everything every {@link ChronologySource} knows about them, in time
 * order, as the DSL needs it to see a pattern and as an agency asks for it. Each view and each
 * print is logged: the chronology itself, and every record an entry comes from.
 */
@Service
public class Chronology {

    private final List<ChronologySource> sources;
    private final People people;
    private final RecordAccessLog accessLog;

    Chronology(List<ChronologySource> sources, People people, RecordAccessLog accessLog) {
        this.sources = List.copyOf(sources);
        this.people = people;
        this.accessLog = accessLog;
    }

    /**
     * A chronology as shown or printed.
     *
     * @param person      whom it is about
     * @param entries     oldest first
     * @param generatedAt when it was put together (school time zone)
     */
    public record View(Person person, List<ChronologyEntry> entries, OffsetDateTime generatedAt) {
    }

    /**
     * The person's chronology, logged as a look on screen ({@link Channel#PAGE}) or a print
     * ({@link Channel#PRINT}); empty, and logged as denied, if there is no such person.
     */
    @Transactional
    public Optional<View> read(long personId, Viewer viewer, boolean print) {
        Optional<Person> person = people.find(personId);
        accessLog.log(viewer, RecordAccessLog.CHRONOLOGY, personId, print ? Channel.PRINT : Channel.PAGE, person.isPresent());
        if (person.isEmpty()) {
            return Optional.empty();
        }
        // Stable sort: entries at the same moment keep their source's order (an incident before its actions).
        List<ChronologyEntry> entries = sources.stream().flatMap(s -> s.entries(personId, viewer).stream())
                .sorted(Comparator.comparing(ChronologyEntry::at)).toList();
        Set<String> logged = new LinkedHashSet<>();
        for (ChronologyEntry e : entries) {
            if (logged.add(e.recordType() + "/" + e.recordId())) {
                accessLog.log(viewer, e.recordType(), e.recordId(), print ? Channel.PRINT : Channel.CHRONOLOGY, true);
            }
        }
        return Optional.of(new View(person.orElseThrow(), entries,
                OffsetDateTime.now(SchoolTime.ZONE)));
    }
}
