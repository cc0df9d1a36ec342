package org.lantern.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Lantern's own small category lists, shipped in the jar: well-known addresses for the categories a
 * school's policy names (gambling, adult, social networks, games, proxies and VPNs, encrypted DNS and
 * the like) in the UT1 / squidGuard layout, so the demo filters from its first start. They are a
 * start, not a service: {@code lantern lists update} replaces them with the full UT1 set. The files
 * are listed in {@code index} beside them, since a jar's directories cannot be listed.
 */
final class ShippedLists {

    private static final String ROOT = "lists/";

    private ShippedLists() {
    }

    /** The list files, as paths relative to the list directory ({@code gambling/domains}, ...). */
    static List<String> files() {
        return read("index").lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    /**
     * Writes the shipped lists to {@code target} unless something is there already (the lists of an
     * earlier start, or a UT1 set that {@code lantern lists update} put there). Written beside it
     * and moved into place, so a half-written set is never loaded.
     */
    static void installIfMissing(Path target) {
        if (Files.exists(target)) {
            return;
        }
        try {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, target.getFileName() + ".installing-");
            for (String file : files()) {
                Path destination = staging.resolve(file);
                Files.createDirectories(destination.getParent());
                Files.writeString(destination, read(file), StandardCharsets.UTF_8);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CliException("cannot write the demo's category lists to " + target + " (" + e.getMessage()
                    + "): give --data-dir a directory you can write to");
        }
    }

    private static String read(String name) {
        try (InputStream in = ShippedLists.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks its category list " + ROOT + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the shipped category list " + name, e);
        }
    }
}
