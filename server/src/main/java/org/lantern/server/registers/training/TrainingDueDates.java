package org.lantern.server.registers.training;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.lantern.server.http.SchoolTime;
import org.lantern.server.identity.Permission;
import org.lantern.server.registers.due.DueDates;
import org.springframework.stereotype.Component;

/**
 * Training on the "due this month" page: one line per course, with how many people must renew or
 * take it by then and the earliest day among them. A count, never names: the page is also the
 * governors', and who is behind with training is the training register's to show.
 */
@Component
class TrainingDueDates implements DueDates {

    private final TrainingRegister training;

    TrainingDueDates(TrainingRegister training) {
        this.training = training;
    }

    @Override
    public List<Due> dueBy(LocalDate until) {
        LocalDate today = SchoolTime.today();
        Map<String, List<LocalDate>> byCourse = training.statuses(today).stream()
                .filter(d -> d.state() != TrainingDue.State.UP_TO_DATE || d.dueOn() != null)
                // A course never taken by someone past their first weeks has no day of its own: it is due now.
                .map(d -> Map.entry(d.course().title(), d.dueOn() == null ? today : d.dueOn()))
                .filter(e -> !e.getValue().isAfter(until))
                .collect(Collectors.groupingBy(Map.Entry::getKey, TreeMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return byCourse.entrySet().stream().map(e -> new Due(e.getKey() + ": " + people(e.getValue().size()),
                e.getValue().stream().min(LocalDate::compareTo).orElseThrow(), "/registers/training",
                "Whoever keeps training", Permission.TRAINING_READ, Permission.TRAINING_RECORD)).toList();
    }

    @Override
    public Set<Permission> opens() {
        return Set.of(Permission.TRAINING_READ);
    }

    private static String people(int n) {
        return n == 1 ? "1 person to take or renew it" : n + " people to take or renew it";
    }
}
