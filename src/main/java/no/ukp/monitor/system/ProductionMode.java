package no.ukp.monitor.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Production mode ({@code UKP_PRODUCTION=true}, property {@code ukp.production}): the service runs
 * behind the reverse proxy that ends HTTPS. It then defaults (an explicit setting wins) to a
 * session cookie sent over HTTPS only, and to Tomcat's handling of {@code X-Forwarded-For} and
 * {@code X-Forwarded-Proto} believed from the addresses in {@code UKP_TRUSTED_PROXIES} only, so that
 * a request the proxy received over HTTPS counts as secure (Spring Security then adds HSTS) and its
 * client is the one the proxy saw. {@link ProductionChecks} refuses weak passwords in this mode.
 */
public class ProductionMode implements EnvironmentPostProcessor {

    public static final String PROPERTY = "ukp.production";
    static final String DEFAULTS = "ukpProductionDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!isOn(environment)) {
            return;
        }
        List<String> proxies = Binder.get(environment)
                .bind("ukp.security.trusted-proxies", Bindable.listOf(String.class)).orElse(List.of());
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("server.servlet.session.cookie.secure", "true");
        defaults.put("server.forward-headers-strategy", "native");
        defaults.put("server.tomcat.remoteip.internal-proxies", internalProxies(proxies));
        environment.getPropertySources().addLast(new MapPropertySource(DEFAULTS, defaults));
    }

    static boolean isOn(org.springframework.core.env.Environment environment) {
        return environment.getProperty(PROPERTY, Boolean.class, false);
    }

    /**
     * Tomcat's RemoteIpValve takes a regular expression, not ranges: the trusted proxies' addresses
     * each matched literally; a CIDR range is left out (set server.tomcat.remoteip.internal-proxies
     * yourself for one). Empty: no address is believed, not Tomcat's default of every private one.
     */
    static String internalProxies(List<String> trustedProxies) {
        return trustedProxies.stream().map(String::strip)
                .filter(p -> !p.isEmpty() && !p.contains("/"))
                .map(p -> p.replace(".", "\\."))
                .collect(Collectors.joining("|"));
    }
}
