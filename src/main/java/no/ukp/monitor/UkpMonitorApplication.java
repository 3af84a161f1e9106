package no.ukp.monitor;

import java.time.Clock;
import java.util.Arrays;
import no.ukp.monitor.report.ReportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The UKP monitor: ingests monthly statistics on discharge-ready patients (UKP), computes the
 * committee's indicators (the catalogue) and shows them by API, metrics, dashboards and a monthly report.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class UkpMonitorApplication {

    /** Starts the service; {@code report ...} writes the monthly report instead (see {@link ReportCommand}). */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("report")) {
            System.exit(ReportCommand.run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(UkpMonitorApplication.class, args);
    }

    /** The time the service lives by: months and "now" are Norwegian. */
    @Bean
    Clock clock() {
        return Clock.system(java.time.ZoneId.of("Europe/Oslo"));
    }
}
