package no.torn.platform.jobs;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Runs a scheduled job in one instance of a service at a time: every instance's scheduler fires, and the one that
 * takes the job's PostgreSQL advisory lock (a session lock on a connection of its own, held for the whole run) does
 * the work while the others skip this round. A crashed instance's lock goes with its connection.
 */
@ApplicationScoped
public class SingleRun {

    private static final Logger LOG = Logger.getLogger(SingleRun.class);
    /** First half of the two-part advisory lock key: the namespace of scheduled jobs. */
    private static final int JOB_LOCKS = 0x746f726e;

    @Inject
    AgroalDataSource dataSource;

    /** Runs {@code job} here unless another instance runs the job named {@code name} now; true when it ran here. */
    public boolean run(String name, Runnable job) {
        try (Connection connection = dataSource.getConnection()) {
            if (!lock(connection, "select pg_try_advisory_lock(?, hashtext(?))", name)) {
                LOG.debugf("Job %s runs in another instance; skipped here", name);
                return false;
            }
            try {
                job.run();
                return true;
            } finally {
                lock(connection, "select pg_advisory_unlock(?, hashtext(?))", name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Job " + name + ": advisory lock unavailable", e);
        }
    }

    private static boolean lock(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setInt(1, JOB_LOCKS);
            statement.setString(2, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
