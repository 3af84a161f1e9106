package no.ukp.monitor.security;

import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.ukp.monitor.database.DatabaseMode;
import no.ukp.monitor.system.Passwords;
import no.ukp.monitor.system.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.util.StringUtils;

/**
 * HTTP Basic for everything but {@code /actuator/health}: no user is 401, a user without the
 * role for the request is 403 (CSV exports: the handler methods need the role EXPORT, whatever
 * content type was negotiated). Failed logins are throttled ({@link LoginThrottleFilter}); the
 * error answers are written by the error page of {@code no.ukp.monitor.system}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginSettings settings, Clock clock) throws Exception {
        ProblemEntryPoint entryPoint = new ProblemEntryPoint();
        LoginThrottle throttle = new LoginThrottle(settings.loginThrottle(), clock);
        http.authorizeHttpRequests(requests -> requests
                        // the error page answers what the filters refused; it shows no data
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // the action plan is the planners' (kompetansegruppen's) import, not the data loaders'
                        .requestMatchers(HttpMethod.POST, "/api/v1/imports/measures")
                        .hasAnyRole(Role.PLAN.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/imports/measures/template")
                        .hasAnyRole(Role.PLAN.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/imports/**").hasRole(Role.IMPORT.name())
                        // the template of an import file: for whoever may import it
                        .requestMatchers(HttpMethod.GET, "/api/v1/imports/*/template").hasRole(Role.IMPORT.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/targets/**").hasRole(Role.READ.name())
                        .requestMatchers("/api/v1/targets/**").hasRole(Role.ADMIN.name())
                        .anyRequest().hasRole(Role.READ.name()))
                .httpBasic(basic -> basic.realmName(ProblemEntryPoint.REALM).authenticationEntryPoint(entryPoint))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
                .addFilterBefore(new LoginThrottleFilter(throttle, new ClientAddress(settings.trustedProxies())),
                        BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    /** A request the firewall refuses (an encoded slash, say): 400 with a Norwegian message from the error page. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> {
            request.setAttribute(Problems.DETAIL, "Adressen inneholder tegn som ikke er tillatt (for eksempel %2F eller //).");
            response.sendError(HttpStatus.BAD_REQUEST.value());
        };
    }

    /** Cheap enough per request (HTTP Basic checks the password every time), still salted. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(6);
    }

    @Bean
    InMemoryUserDetailsManager users(UserPasswords passwords, Environment environment, PasswordEncoder encoder) {
        Map<String, String> configured = new LinkedHashMap<>();
        configured.put("viewer", passwords.viewer());
        configured.put("analyst", passwords.analyst());
        configured.put("ingest", passwords.ingest());
        configured.put("admin", passwords.admin());
        configured.put("planner", passwords.planner());
        boolean embedded = DatabaseMode.isEmbedded(environment);
        List<UserDetails> users = new ArrayList<>();
        configured.forEach((name, password) -> {
            if (!StringUtils.hasText(password)) {
                if (!embedded) {
                    log.info("User '{}' is disabled: UKP_{}_PASSWORD is not set", name, name.toUpperCase());
                    return;
                }
                password = Passwords.generate();
                // the one place a password is ever logged: generated, for the embedded demo mode only
                log.warn("Generated password for user '{}': {}  (set UKP_{}_PASSWORD to choose one)",
                        name, password, name.toUpperCase());
            }
            users.add(User.withUsername(name)
                    .password(encoder.encode(password))
                    .roles(Role.of(name).stream().map(Role::name).toArray(String[]::new))
                    .build());
        });
        return new InMemoryUserDetailsManager(users);
    }
}
