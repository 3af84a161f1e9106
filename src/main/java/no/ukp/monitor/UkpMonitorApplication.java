package no.ukp.monitor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

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
}
