package org.lantern.server.registers.training;

import java.util.EnumSet;
import java.util.Set;

import org.lantern.server.identity.Role;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On first start, gives the school the courses its policies ask for, for it to adjust: online
 * safety, safeguarding and DSL training "no longer than every two years" (seed 000 section 1),
 * cyber security every year (the DfE's cyber security standards), data protection every two years,
 * and induction once. A school that has any course is left alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class TrainingBootstrap implements ApplicationRunner {

    static final String ACTOR = "system";

    private static final Set<Role> EVERY_ADULT = EnumSet.of(Role.ADMIN, Role.DSL, Role.DEPUTY_DSL, Role.HEADTEACHER,
            Role.STAFF, Role.OFFICE, Role.GOVERNOR);
    private static final Set<Role> STAFF = EnumSet.of(Role.ADMIN, Role.DSL, Role.DEPUTY_DSL, Role.HEADTEACHER,
            Role.STAFF, Role.OFFICE);

    private final TrainingCourses courses;

    TrainingBootstrap(TrainingCourses courses) {
        this.courses = courses;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!courses.list().isEmpty()) {
            return;
        }
        add("ONLINE_SAFETY", "Online safety", 24, EVERY_ADULT, true);
        add("SAFEGUARDING", "Safeguarding and child protection", 24, EVERY_ADULT, true);
        add("DSL", "Designated Safeguarding Lead training", 24, EnumSet.of(Role.DSL, Role.DEPUTY_DSL), false);
        add("DATA_PROTECTION", "Data protection", 24, STAFF, true);
        add("CYBER_SECURITY", "Cyber security", 12, EVERY_ADULT, true);
        add("INDUCTION", "Induction", null, STAFF, true);
    }

    private void add(String code, String title, Integer months, Set<Role> roles, boolean forStarters) {
        courses.create(new TrainingCourses.CourseForm(code, title, months, roles, forStarters), ACTOR);
    }
}
