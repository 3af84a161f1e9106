package no.ukp.monitor.indicator;

import no.ukp.monitor.indicator.TargetRepository.NewTarget;
import no.ukp.monitor.indicator.TargetRepository.Target;
import no.ukp.monitor.reference.Scope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Adds a target version, for the API ({@link TargetController}) and the page ({@link TargetPage})
 * alike: stored by {@link TargetRepository} (which checks it), then the metrics and whatever is
 * held against targets are refreshed.
 */
@Service
class TargetVersions {

    private final TargetRepository targets;
    private final IndicatorMetrics metrics;
    private final ApplicationEventPublisher events;

    TargetVersions(TargetRepository targets, IndicatorMetrics metrics, ApplicationEventPublisher events) {
        this.targets = targets;
        this.metrics = metrics;
        this.events = events;
    }

    Target add(NewTarget target, String user) {
        Target added = targets.add(target, user);
        metrics.refresh();
        events.publishEvent(new TargetStored(added.indicatorId(), Scope.key(added.scopeType(), added.scopeId()), added.validFrom()));
        return added;
    }
}
