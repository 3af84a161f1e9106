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
import org.springframework.core.annotation.Order;
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
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.util.StringUtils;

/**
 * Two filter chains. The API ({@code /api/**}, the actuator, the OpenAPI text and Swagger UI) is
 * stateless HTTP Basic (and bearer tokens with single sign-on) without CSRF: no user is 401, a
 * user without the role for the request is 403 (CSV exports: the handler methods need the role
 * EXPORT, whatever content type was negotiated). Everything else is the browser pages: form login
 * at {@code /login} (and single sign-on through the provider) with a session and CSRF protection,
 * logout at {@code /logout}; HTTP Basic is accepted there too (scripts and the start page), but a
 * browser without a session is sent to the login form ({@link PageEntryPoint}). The built-in
 * users (HTTP Basic and the form) can be switched off ({@code ukp.security.basic-enabled=false});
 * single sign-on is on where {@code ukp.oidc.issuer-uri} is set ({@link SingleSignOn}).
 * Failed logins, form or Basic, are throttled by one {@link LoginThrottle} ({@link LoginThrottleFilter});
 * the error answers are written by the error page of {@code no.ukp.monitor.system}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** The addresses of the API chain; the pages chain takes every other. */
    private static final String[] API = {"/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
            "/swagger-ui/**"};

    @Bean
    LoginThrottle loginThrottle(LoginSettings settings, Clock clock) {
        return new LoginThrottle(settings.loginThrottle(), clock);
    }

    @Bean
    SingleSignOn singleSignOn(OidcSettings settings, PersonRoles people) {
        return new SingleSignOn(settings, people);
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, LoginThrottle throttle, LoginSettings settings, SingleSignOn sso)
            throws Exception {
        ProblemEntryPoint entryPoint = new ProblemEntryPoint(settings.basicEnabled(), sso.enabled());
        http.securityMatcher(API)
                .authorizeHttpRequests(requests -> requests
                        // the error page answers what the filters refused; it shows no data
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // undoing an import is the admin's; importing is the importer's
                        .requestMatchers(HttpMethod.POST, "/api/v1/imports/*/undo").hasRole(Role.ADMIN.name())
                        // the action plan is the planners' (kompetansegruppen's) import, not the data loaders'
                        .requestMatchers(HttpMethod.POST, "/api/v1/imports/measures")
                        .hasAnyRole(Role.PLAN.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/v1/imports/measures/template")
                        .hasAnyRole(Role.PLAN.name(), Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/api/v1/imports/**").hasRole(Role.IMPORT.name())
                        // the template of an import file: for whoever may import it
                        .requestMatchers(HttpMethod.GET, "/api/v1/imports/*/template").hasRole(Role.IMPORT.name())
                        // approving a month for the committee is the admin's; everyone reads the approvals
                        .requestMatchers(HttpMethod.POST, "/api/v1/approvals", "/api/v1/approvals/**").hasRole(Role.ADMIN.name())
                        // the analysts' exports are CSV only: the export role (the handlers check it too)
                        .requestMatchers("/api/v1/export/**").hasRole(Role.EXPORT.name())
                        // targets and reference data: everyone reads, the admin changes
                        .requestMatchers(HttpMethod.GET, "/api/v1/targets/**", "/api/v1/municipalities/**", "/api/v1/regions/**")
                        .hasRole(Role.READ.name())
                        .requestMatchers("/api/v1/targets/**", "/api/v1/municipalities/**", "/api/v1/regions/**")
                        .hasRole(Role.ADMIN.name())
                        // who has which role in single sign-on: the admin's alone, reading too
                        .requestMatchers("/api/v1/people", "/api/v1/people/**").hasRole(Role.ADMIN.name())
                        .anyRequest().hasRole(Role.READ.name()))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        if (settings.basicEnabled()) {
            http.httpBasic(basic -> basic.realmName(ProblemEntryPoint.REALM).authenticationEntryPoint(entryPoint))
                    .addFilterBefore(new LoginThrottleFilter(throttle, new ClientAddress(settings.trustedProxies())),
                            BasicAuthenticationFilter.class);
        }
        if (sso.enabled()) {
            sso.api(http, entryPoint);
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageFilterChain(HttpSecurity http, LoginThrottle throttle, LoginSettings settings, SingleSignOn sso)
            throws Exception {
        ProblemEntryPoint basicEntryPoint = new ProblemEntryPoint(settings.basicEnabled(), false);
        PageEntryPoint pages = new PageEntryPoint(basicEntryPoint);
        http.authorizeHttpRequests(requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        // the login form needs its style sheets and scripts before anyone has logged in
                        .requestMatchers(HttpMethod.GET, "/login", "/vendor/**", "/css/**", "/js/**", "/webjars/**",
                                "/favicon.ico").permitAll()
                        .requestMatchers("/import/historikk/angre/**", "/mal", "/mal/**", "/kommuner", "/kommuner/**",
                                "/personer", "/personer/**")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/import/historikk").hasRole(Role.READ.name())
                        // the import page offers each user the kinds of file the API lets them import
                        .requestMatchers("/import", "/import/**").hasAnyRole(Role.IMPORT.name(), Role.PLAN.name())
                        // the action plan: everyone reads it, planners and admins change it (as /api/v1/measures)
                        .requestMatchers(HttpMethod.GET, "/tiltak").hasRole(Role.READ.name())
                        // approving a month is the admin's; everyone sees the approved months
                        .requestMatchers(HttpMethod.POST, "/godkjenning", "/godkjenning/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/tiltak/**").hasAnyRole(Role.PLAN.name(), Role.ADMIN.name())
                        .anyRequest().hasRole(Role.READ.name()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?utlogget"))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(pages).accessDeniedHandler(pages));
        if (settings.basicEnabled()) {
            http.formLogin(form -> form.loginPage("/login").failureHandler(LoginThrottleFilter::formLoginFailed))
                    .httpBasic(basic -> basic.realmName(ProblemEntryPoint.REALM).authenticationEntryPoint(basicEntryPoint))
                    .addFilterBefore(new LoginThrottleFilter(throttle, new ClientAddress(settings.trustedProxies())),
                            UsernamePasswordAuthenticationFilter.class);
        }
        if (sso.enabled()) {
            sso.pages(http);
        }
        if (!settings.basicEnabled() && !sso.enabled()) {
            log.warn("ukp.security.basic-enabled=false and no single sign-on (ukp.oidc.issuer-uri): nobody can log in");
        }
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
