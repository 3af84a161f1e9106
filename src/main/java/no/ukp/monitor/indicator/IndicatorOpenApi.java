package no.ukp.monitor.indicator;

import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document names the indicators as the catalogue has them: the ids of the
 * {@code Indicator} schema and what each one computes come from table {@code indicator}, not from
 * text in the code.
 */
@Configuration
class IndicatorOpenApi {

    @Bean
    OpenApiCustomizer indicatorCatalogueInOpenApi(IndicatorCatalogue catalogue) {
        return openApi -> {
            Schema<?> indicator = openApi.getComponents() == null || openApi.getComponents().getSchemas() == null ? null
                    : openApi.getComponents().getSchemas().get("Indicator");
            if (indicator == null) {
                return;
            }
            List<IndicatorDefinition> all = catalogue.all();
            indicator.setDescription(indicator.getDescription() + "\n\nThe catalogue (GET /api/v1/indicators):\n"
                    + all.stream().map(d -> "- " + d.id() + " (" + d.name() + "): " + d.description())
                            .collect(Collectors.joining("\n")));
            @SuppressWarnings("unchecked")
            Schema<String> id = (Schema<String>) indicator.getProperties().get("id");
            if (id != null) {
                id.setEnum(all.stream().map(IndicatorDefinition::id).toList());
            }
        };
    }
}
