package org.lantern.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The Lantern server: one Spring Boot application that holds identity, the people directory,
 * the school's policy and the web UI. Started by {@code lantern demo} or {@code lantern serve}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LanternApplication {

    public static void main(String[] args) {
        SpringApplication.run(LanternApplication.class, args);
    }
}
