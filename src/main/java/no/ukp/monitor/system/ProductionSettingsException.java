package no.ukp.monitor.system;

import java.util.List;

/** Production mode refuses the settings: {@link #problems()} says which and why, never a password. */
public class ProductionSettingsException extends RuntimeException {

    private final List<String> problems;

    ProductionSettingsException(List<String> problems) {
        super(description(problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    static String description(List<String> problems) {
        return "Production mode (UKP_PRODUCTION=true) refuses to start with weak passwords:\n  - "
                + String.join("\n  - ", problems);
    }

    String action() {
        return "Give each of them a password of at least " + ProductionChecks.MIN_LENGTH + " random characters "
                + "(e.g. the files scripts/secrets-init.sh writes into secrets/), or leave a user's password empty to "
                + "disable that user. UKP_PRODUCTION=false turns production mode off (never for real data).";
    }
}
