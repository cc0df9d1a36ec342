package org.lantern.server.monitoring.scan;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The monitor's queue, sized by {@code lantern.monitoring.queue}, scanning with the {@link Scanner}. */
@Configuration(proxyBeanMethods = false)
class ScanConfiguration {

    @Bean(destroyMethod = "stop")
    ScanQueue scanQueue(MonitoringProperties settings, Scanner scanner, MeterRegistry meters) {
        return new ScanQueue(settings.queue(), scanner::scan, meters);
    }
}
