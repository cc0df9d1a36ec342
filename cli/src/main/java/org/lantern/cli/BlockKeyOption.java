package org.lantern.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.lantern.proxy.block.BlockLinkSigner;

import picocli.CommandLine.Option;

/**
 * {@code --block-key-file}, shared by the proxy commands: the Lantern server's block-page key, so
 * their redirects to its {@code /blocked} page are signed and the page shows the category and
 * address they carry (unsigned, it shows only that a page was blocked: see {@link BlockLinkSigner}).
 */
class BlockKeyOption {

    @Option(names = "--block-key-file", paramLabel = "FILE",
            description = "The Lantern server's block-page key (" + BlockLinkSigner.FILE_NAME + " in its data "
                    + "directory), to sign redirects to its /blocked page; without it the page shows only that a "
                    + "page was blocked.")
    Path file;

    /**
     * @return the signer, or {@code null} when no key file was given
     * @throws IOException with a one-line message saying what to do, when the file cannot be used
     */
    BlockLinkSigner signer() throws IOException {
        if (file == null) {
            return null;
        }
        try {
            return BlockLinkSigner.read(file);
        } catch (IOException e) {
            throw new IOException("--block-key-file: cannot use " + file + " (" + e.getMessage() + "); copy "
                    + BlockLinkSigner.FILE_NAME + " from the Lantern server's data directory", e);
        }
    }
}
