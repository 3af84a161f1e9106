package no.ukp.monitor.web;

import no.ukp.monitor.security.LoginSettings;
import no.ukp.monitor.security.OidcSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code GET /login}: the Norwegian login page: the form of the built-in users (unless switched
 * off) and, with single sign-on, a link to the provider ({@code /oauth2/authorization/ukp}).
 * Spring Security's form login takes the form's post, sends a failure back here with
 * {@code ?feil}, a throttled attempt with {@code ?vent=seconds}, a failed single sign-on with
 * {@code ?sso-feil} and a logout with {@code ?utlogget}.
 */
@Controller
class LoginPage {

    private final LoginSettings login;
    private final OidcSettings oidc;

    LoginPage(LoginSettings login, OidcSettings oidc) {
        this.login = login;
        this.oidc = oidc;
    }

    @GetMapping("/login")
    String login(@RequestParam(name = "feil", required = false) String failed,
                 @RequestParam(name = "vent", required = false) Integer waitSeconds,
                 @RequestParam(name = "sso-feil", required = false) String signOnFailed,
                 @RequestParam(name = "utlogget", required = false) String loggedOut, Model model) {
        model.addAttribute("failed", failed != null);
        model.addAttribute("waitSeconds", waitSeconds == null || waitSeconds < 1 ? null : waitSeconds);
        model.addAttribute("signOnFailed", signOnFailed != null);
        model.addAttribute("loggedOut", loggedOut != null);
        model.addAttribute("form", login.basicEnabled());
        model.addAttribute("signOn", oidc.enabled() ? oidc.providerName() : null);
        return "login";
    }
}
