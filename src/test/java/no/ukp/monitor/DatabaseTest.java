package no.ukp.monitor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test against the whole service on a real PostgreSQL: a throwaway embedded one, or the
 * database in {@code SPRING_DATASOURCE_URL} (CI sets it to a TimescaleDB for a second run).
 * Users get the passwords in {@link TestUsers}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ukp.embedded.data-dir=",
        "ukp.embedded.port=0",
        "ukp.demo.enabled=false",
        "logging.level.root=WARN",
        "logging.level.no.ukp.monitor.database=INFO",
        "ukp.users.viewer=" + TestUsers.PASSWORD,
        "ukp.users.analyst=" + TestUsers.PASSWORD,
        "ukp.users.ingest=" + TestUsers.PASSWORD,
        "ukp.users.admin=" + TestUsers.PASSWORD,
        "ukp.users.planner=" + TestUsers.PASSWORD})
public @interface DatabaseTest {
}
