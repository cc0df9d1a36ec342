package org.lantern.activity.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.Properties;
import org.duckdb.DuckDBConnection;
import org.lantern.filter.files.OwnerOnly;

/**
 * Opens the DuckDB file behind a store: refuses a file that is not one, or that a newer Lantern
 * wrote, without changing it; creates the tables in a new one; and keeps the file and its
 * write-ahead log readable by the owner only.
 *
 * <p>DuckDB creates its files itself, with the process umask, and deletes and re-creates the
 * {@code .wal} at every checkpoint, so they cannot be created owner-only up front the way the
 * decision log's files are. Instead the directory is made owner-only when Lantern creates it, and
 * both files are narrowed with {@link OwnerOnly#restrict} on opening and after every write.
 *
 * <p>One process at a time: a store holds an exclusive lock on {@code <file>.lock} while it is
 * open. DuckDB's own lock did not keep a second process out (a command-line tool opening the file
 * while the server ran checkpointed it and deleted the server's write-ahead log under it), and two
 * writers on one file can lose acknowledged rows. A second opener, in this process or another, is
 * refused and told what to do instead.
 */
final class StoreFile implements AutoCloseable {

    private final Path file;
    private final Path wal;
    private final Path lockFile;
    private FileChannel lockChannel;

    StoreFile(Path file) {
        this.file = file.toAbsolutePath();
        this.wal = Path.of(this.file + ".wal");
        this.lockFile = Path.of(this.file + ".lock");
    }

    Path file() {
        return file;
    }

    /**
     * @return a connection to the file, with the current tables in it
     * @throws IllegalStateException if the file is not an activity store this version can write
     */
    DuckDBConnection open() throws IOException, SQLException {
        lock();
        try {
            return openLocked();
        } catch (IOException | SQLException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private DuckDBConnection openLocked() throws IOException, SQLException {
        if (Files.exists(file)) {
            // Read-only first, so a file this version must refuse is left exactly as it was.
            Properties readOnly = new Properties();
            readOnly.setProperty("duckdb.read_only", "true");
            try (Connection probe = connect(readOnly)) {
                int version = version(probe);
                if (version > Schema.VERSION) {
                    throw new NewerStoreException(file + " was written by a newer Lantern (activity store version "
                            + version + "; this version reads up to " + Schema.VERSION + ")");
                }
            }
        }
        DuckDBConnection connection = (DuckDBConnection) connect(new Properties());
        try {
            int version = version(connection);
            List<String> ddl = switch (version) {
                case 0 -> Schema.CREATE;
                case 1 -> Schema.FROM_1;
                case 2 -> Schema.FROM_2;
                default -> List.of();
            };
            if (!ddl.isEmpty()) {
                // One transaction, so a crash mid-way leaves the file as it was.
                connection.setAutoCommit(false);
                try (Statement s = connection.createStatement()) {
                    for (String statement : ddl) {
                        s.execute(statement);
                    }
                    connection.commit();
                } catch (SQLException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            }
            restrict();
            return connection;
        } catch (SQLException | IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Takes the store's lock, held until {@link #close}.
     *
     * @throws StoreInUseException if another store, in this process or another, has the file open
     */
    private void lock() throws IOException {
        OwnerOnly.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(lockFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                OwnerOnly.forFileIn(file.getParent()));
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new StoreInUseException("the activity store " + file + " is in use by another Lantern process; stop it, "
                    + "or send rows to it with 'lantern activity import --server URL'");
        }
        lockChannel = channel;
    }

    /** Lets another store open the file. */
    @Override
    public void close() {
        FileChannel channel = lockChannel;
        lockChannel = null;
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // the lock goes with the channel, closed or not, and with the process at the latest
            }
        }
    }

    private Connection connect(Properties properties) throws SQLException {
        try {
            return DriverManager.getConnection("jdbc:duckdb:" + file, properties);
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("not a valid DuckDB database file")) {
                throw new IllegalStateException(file + " is not an activity store (not a DuckDB database file)", e);
            }
            throw e;
        }
    }

    /** @return the layout version, or 0 for a database with no activity tables yet */
    private int version(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet tables = s.executeQuery(
                        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'activity_schema'")) {
            tables.next();
            if (tables.getLong(1) == 0) {
                return 0;
            }
        }
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT max(version) FROM activity_schema")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Takes group and other permissions off the file and its write-ahead log, if they have any. */
    void restrict() throws IOException {
        OwnerOnly.restrict(file);
        try {
            OwnerOnly.restrict(wal);
        } catch (NoSuchFileException e) {
            // no log: everything is checkpointed into the file
        }
    }
}
