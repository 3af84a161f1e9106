package no.ukp.monitor.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import no.ukp.monitor.DatabaseTest;
import no.ukp.monitor.db.DefaultSchema;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The jOOQ classes are generated from sql/ without a database; this proves they match one. */
@DatabaseTest
public class JooqModelTest {

    @Autowired
    DSLContext dsl;

    @Test
    void shouldGenerateTheSameTablesColumnsAndTypesAsTheMigratedDatabase() {
        Map<String, Map<String, String>> generated = describe(DefaultSchema.DEFAULT_SCHEMA.getTables());
        Map<String, Map<String, String>> migrated = describe(dsl.meta().getSchemas("public").get(0).getTables().stream()
                .filter(t -> !t.getName().equals("flyway_schema_history"))
                .toList());
        assertThat(generated).isNotEmpty();
        assertThat(generated).isEqualTo(migrated);
    }

    /**
     * jOOQ's generator names PostgreSQL's NUMERIC "decimal", the live database "numeric"; DOUBLE PRECISION "double", the
     * live database "float" (a Java Double both): one type each.
     */
    private static String typeName(Field<?> field) {
        String name = field.getDataType().getSQLDataType().getTypeName();
        return switch (name) {
            case "decimal" -> "numeric";
            case "float" -> "double";
            default -> name;
        };
    }

    /** Table → column → type ("varchar not null"), as both the generated classes and the live database can say it. */
    public static Map<String, Map<String, String>> describe(java.util.List<? extends Table<?>> tables) {
        Map<String, Map<String, String>> result = new TreeMap<>();
        for (Table<?> table : tables) {
            result.put(table.getName(), java.util.Arrays.stream(table.fields()).collect(Collectors.toMap(
                    Field::getName,
                    f -> typeName(f) + (f.getDataType().nullable() ? "" : " not null"),
                    (a, b) -> a, TreeMap::new)));
        }
        return result;
    }
}
