package org.lantern.cli;

import picocli.CommandLine;

/** Reports the version Maven wrote into the jar manifest. */
class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = LanternCommand.class.getPackage().getImplementationVersion();
        return new String[] {"Lantern " + (version == null ? "development build" : version)};
    }
}
