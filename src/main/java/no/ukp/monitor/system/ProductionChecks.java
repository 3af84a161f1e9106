package no.ukp.monitor.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In production mode ({@link ProductionMode}) the service does not start with a placeholder
 * password (the {@code change-me-…} of {@code .env.example}) or one shorter than
 * {@value #MIN_LENGTH} characters for a built-in user, the database or the read-only role
 * {@code ukp_reader}. Checked before any bean is made, so nothing (not even the database) is
 * touched; {@link ProductionSettingsFailureAnalyzer} says what is wrong and what to do. A password
 * itself is never written anywhere.
 */
@Component
class ProductionChecks implements BeanFactoryPostProcessor, EnvironmentAware {

    static final int MIN_LENGTH = 16;
    /** the placeholders of .env.example and the usual stand-ins */
    private static final Pattern PLACEHOLDER = Pattern.compile("change[-_ ]?me|changeit|placeholder|replace[-_ ]?me");

    /** the password settings: property → the environment variable an operator sets */
    static final Map<String, String> PASSWORDS = new LinkedHashMap<>();

    static {
        for (String user : List.of("viewer", "analyst", "ingest", "planner", "admin")) {
            PASSWORDS.put("ukp.users." + user, "UKP_" + user.toUpperCase(Locale.ROOT) + "_PASSWORD");
        }
        PASSWORDS.put("ukp.reader.password", "UKP_READER_PASSWORD");
        PASSWORDS.put("spring.datasource.password", "SPRING_DATASOURCE_PASSWORD");
    }

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!ProductionMode.isOn(environment)) {
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        PASSWORDS.keySet().forEach(property -> values.put(property, environment.getProperty(property)));
        boolean externalDatabase = !environment.getProperty("spring.datasource.url", "").isBlank();
        List<String> problems = problems(values, externalDatabase);
        if (!problems.isEmpty()) {
            throw new ProductionSettingsException(problems);
        }
    }

    /**
     * What is wrong with the passwords (property → value; unset or empty disables a user and the
     * reader's login), one sentence each, without the values. The database's password must be set
     * when the service uses an external database.
     */
    static List<String> problems(Map<String, String> passwords, boolean externalDatabase) {
        List<String> problems = new ArrayList<>();
        passwords.forEach((property, value) -> {
            String name = PASSWORDS.getOrDefault(property, property) + " (" + property + ")";
            if (value == null || value.isEmpty()) {
                if (property.equals("spring.datasource.password") && externalDatabase) {
                    problems.add(name + " is empty");
                }
            } else if (PLACEHOLDER.matcher(value.toLowerCase(Locale.ROOT)).find()) {
                problems.add(name + " is a placeholder");
            } else if (value.length() < MIN_LENGTH) {
                problems.add(name + " is shorter than " + MIN_LENGTH + " characters");
            }
        });
        return problems;
    }
}
