package no.ukp.monitor.database;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * The connections on which the service reads figures as of an instant (indicator/AsOf), apart from
 * those of now. R__indicator_views.sql decides between the two when a statement is planned (the
 * switch {@code ukp_as_of_set()} is folded), so a plan must never serve the other kind: pgJDBC's
 * prepared statements and plpgsql's cached plans would. The service's one {@code DataSource} is
 * therefore two pools: the pool of now, as configured ({@code spring.datasource.*}), and a small
 * pool with the same settings whose connections only ever run as of some instant. Their plans read
 * the instant when they run ({@code ukp_as_of()} is STABLE), so they serve every instant and stay
 * cached: nothing is discarded or planned anew per request.
 */
@Component
public class AsOfConnections implements BeanPostProcessor {

    /** Connections of the pool as of an instant (the committee's few reproductions, not the dashboards). */
    public static final int POOL_SIZE = 3;

    private static final ThreadLocal<Boolean> AS_OF = ThreadLocal.withInitial(() -> false);

    /**
     * Runs {@code work}, in which every connection taken from the service's {@code DataSource} (a
     * transaction begun in it) comes from the pool as of an instant.
     */
    public static <T> T use(Supplier<T> work) {
        boolean outer = AS_OF.get();
        AS_OF.set(true);
        try {
            return work.get();
        } finally {
            AS_OF.set(outer);
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource now) {
            HikariDataSource asOf = new HikariDataSource();
            now.copyStateTo(asOf);
            asOf.setPoolName((now.getPoolName() == null ? "ukp" : now.getPoolName()) + "-as-of");
            asOf.setMaximumPoolSize(POOL_SIZE);
            asOf.setMinimumIdle(0);
            return new Pools(now, asOf);
        }
        return bean;
    }

    /**
     * The two pools as one {@code DataSource}: the pool of now, unless the thread is in {@link #use}.
     * Unwrapping gives the pool of now (its settings are the service's).
     */
    static final class Pools extends DelegatingDataSource implements AutoCloseable {

        private final HikariDataSource asOf;

        Pools(HikariDataSource now, HikariDataSource asOf) {
            super(now);
            this.asOf = asOf;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return AS_OF.get() ? asOf.getConnection() : obtainTargetDataSource().getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return AS_OF.get() ? asOf.getConnection(username, password)
                    : obtainTargetDataSource().getConnection(username, password);
        }

        @Override
        public void close() {
            asOf.close();
            ((HikariDataSource) obtainTargetDataSource()).close();
        }
    }
}
