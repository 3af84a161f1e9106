package no.ukp.monitor.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /login}: the Norwegian login form. Spring Security's form login takes its post,
 * sends a failure back here with {@code ?feil}, a throttled attempt with {@code ?vent=seconds}
 * and a logout with {@code ?utlogget}.
 */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
