package no.ukp.monitor.indicator;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.security.Principal;
import java.util.List;
import no.ukp.monitor.indicator.TargetRepository.NewTarget;
import no.ukp.monitor.indicator.TargetRepository.Target;
import no.ukp.monitor.reference.Scope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Targets as versioned data: {@code GET /api/v1/targets} lists every version, {@code POST
 * /api/v1/targets} (admin) adds one valid from a month on. Months before it keep being judged
 * by the target valid then; nothing is ever overwritten.
 */
@RestController
@RequestMapping("/api/v1/targets")
class TargetController {

    private final TargetRepository targets;
    private final IndicatorMetrics metrics;
    private final ApplicationEventPublisher events;

    TargetController(TargetRepository targets, IndicatorMetrics metrics, ApplicationEventPublisher events) {
        this.targets = targets;
        this.metrics = metrics;
        this.events = events;
    }

    @Operation(summary = "Target versions, by indicator, scope (defaults first) and month",
            description = "Every version of every indicator and scope; indicatorId, scopeType and scopeId narrow it "
                    + "(scopeId=default: the defaults of the scope type). replacedFrom: the month the next version applies from.")
    @GetMapping
    List<Target> list(@RequestParam(required = false) String indicatorId, @RequestParam(required = false) String scopeType,
                      @RequestParam(required = false) String scopeId) {
        return targets.list(blankToNull(indicatorId), blankToNull(scopeType), blankToNull(scopeId));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @Operation(summary = "Add a target version (admin)",
            description = "Valid from validFrom (YYYY-MM) until a newer version; earlier months keep their target.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Target add(@Valid @RequestBody NewTarget target, Principal user) {
        Target added = targets.add(target, user.getName());
        metrics.refresh();
        events.publishEvent(new TargetStored(added.indicatorId(), Scope.key(added.scopeType(), added.scopeId()), added.validFrom()));
        return added;
    }
}
