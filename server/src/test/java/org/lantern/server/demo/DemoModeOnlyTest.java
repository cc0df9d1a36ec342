package org.lantern.server.demo;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lantern.server.people.demo.DemoSchool;
import org.lantern.server.support.PersistenceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A school's server holds none of the demo's beans: not the made-up school, not its records, and
 * not {@link Backdating}, the demo's one piece of SQL that moves record times back.
 */
@PersistenceTest
class DemoModeOnlyTest {

    @Autowired
    ApplicationContext context;

    @Test
    void outsideDemoModeNoDemoBeanExists() {
        List<String> demoPackages = List.of(DemoSchoolLoader.class.getPackageName(), DemoSchool.class.getPackageName());

        List<String> demoBeans = Arrays.stream(context.getBeanDefinitionNames())
                .filter(name -> {
                    Class<?> type = context.getType(name);
                    return type != null && demoPackages.contains(type.getPackageName());
                })
                .toList();

        assertThat(demoBeans).isEmpty();
    }
}
