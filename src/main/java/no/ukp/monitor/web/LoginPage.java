package no.ukp.monitor.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /login}: the Norwegian login form. Spring Security's form login takes its post,
 * sends a failure back here with {@code ?feil}, a throttled attempt with {@code ?vent=seconds}
 * and a logout with {@code ?utlogget}.
 */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login(@RequestParam(name = "feil", required = false) String failed,
                 @RequestParam(name = "vent", required = false) Integer waitSeconds,
                 @RequestParam(name = "utlogget", required = false) String loggedOut, Model model) {
        model.addAttribute("failed", failed != null);
        model.addAttribute("waitSeconds", waitSeconds == null || waitSeconds < 1 ? null : waitSeconds);
        model.addAttribute("loggedOut", loggedOut != null);
        return "login";
    }
}
