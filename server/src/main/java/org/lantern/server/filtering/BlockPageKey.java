package org.lantern.server.filtering;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.lantern.proxy.block.BlockLinkSigner;
import org.lantern.server.LanternProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key block-page links are signed with ({@link BlockLinkSigner}), kept in the data directory
 * as {@value BlockLinkSigner#FILE_NAME} and made at first start. The in-process ICAP server signs
 * with it, {@link BlockPageController} checks with it, and a separate {@code lantern icap} or
 * {@code lantern squid-helper} is given the same file with {@code --block-key-file}.
 */
@Configuration(proxyBeanMethods = false)
class BlockPageKey {

    @Bean
    BlockLinkSigner blockLinkSigner(LanternProperties lantern) {
        Path file = lantern.dataDir().resolve(BlockLinkSigner.FILE_NAME);
        try {
            return BlockLinkSigner.readOrCreate(file);
        } catch (IOException e) {
            throw new UncheckedIOException("The block-page key " + file + " cannot be read or made: let Lantern "
                    + "write to its data directory, or delete a damaged key file (only old block links stop working)", e);
        }
    }
}
