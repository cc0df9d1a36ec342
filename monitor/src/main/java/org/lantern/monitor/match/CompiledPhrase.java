package org.lantern.monitor.match;

import org.lantern.monitor.library.PhraseEntry;
import org.lantern.monitor.library.PhraseLibrary;

/**
 * A library phrase ready for matching: its entry, its library, and its lists as indexes so a
 * scan counts co-occurring terms in an array instead of a map.
 */
final class CompiledPhrase {

    static final int NO_LIST = -1;

    final int id;
    final PhraseEntry entry;
    final PhraseLibrary library;
    final int list;
    final int withList;
    final int notWithList;
    final int raiseWithList;
    /** Whether the phrase has gaps ({@code kill ... myself}), so it is joined from parts and has no contexts of its own. */
    final boolean gapped;

    CompiledPhrase(int id, PhraseEntry entry, PhraseLibrary library, int list, int withList, int notWithList,
            int raiseWithList, boolean gapped) {
        this.id = id;
        this.entry = entry;
        this.library = library;
        this.list = list;
        this.withList = withList;
        this.notWithList = notWithList;
        this.raiseWithList = raiseWithList;
        this.gapped = gapped;
    }
}
