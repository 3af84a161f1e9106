package no.ukp.monitor.indicator;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/indicators}: the catalogue, what each indicator is. */
@RestController
class IndicatorController {

    private final IndicatorCatalogue catalogue;

    IndicatorController(IndicatorCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Operation(summary = "The indicator catalogue",
            description = "Every indicator with its Norwegian name, short name, unit, direction, decimals, description, "
                    + "windows and status window, in the order the report and the dashboards show them.")
    @GetMapping(path = "/api/v1/indicators", produces = "application/json")
    List<IndicatorDefinition> indicators() {
        return catalogue.all();
    }
}
