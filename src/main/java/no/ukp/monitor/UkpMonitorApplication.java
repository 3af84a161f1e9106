package no.ukp.monitor;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The UKP monitor: ingests monthly statistics on discharge-ready patients (UKP), computes the
 * committee's six indicators and shows them by API, metrics, dashboards and a monthly report.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class UkpMonitorApplication {

    public static void main(String[] args) {
        SpringApplication.run(UkpMonitorApplication.class, args);
    }

    /** The time the service lives by: months and "now" are Norwegian. */
    @Bean
    Clock clock() {
        return Clock.system(java.time.ZoneId.of("Europe/Oslo"));
    }
}
