package org.lantern.server.support;

import org.lantern.server.monitoring.library.MonitorEngine;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Empties the school's library changes and puts the shipped libraries back in use: the database
 * and the matcher are shared with other test classes, which expect the libraries as shipped.
 */
public final class LibraryTables {

    private LibraryTables() {
    }

    public static void clear(JdbcClient jdbc, MonitorEngine engine) {
        jdbc.sql("DELETE FROM monitor_library_edit").update();
        jdbc.sql("DELETE FROM monitor_library_version").update();
        engine.rebuild();
    }
}
