package no.ukp.monitor.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The service runs on an embedded PostgreSQL exactly when no {@code spring.datasource.url}
 * (environment {@code SPRING_DATASOURCE_URL}) is configured.
 */
public final class DatabaseMode {

    private DatabaseMode() {
    }

    public static boolean isEmbedded(Environment environment) {
        return !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }

    /** Condition for beans that exist only in the embedded mode. */
    static class Embedded implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return isEmbedded(context.getEnvironment());
        }
    }
}
