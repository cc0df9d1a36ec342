package org.lantern.server.monitoring;

import java.util.List;

import org.lantern.monitor.library.PhraseLibrary;

/**
 * The phrase libraries the server's matcher was built from, for pages that say what is monitored
 * (never to show their phrases).
 *
 * @param libraries the libraries, curated first, then any outside lexicons
 */
public record LibrariesInForce(List<PhraseLibrary> libraries) {

    public LibrariesInForce {
        libraries = List.copyOf(libraries);
    }
}
