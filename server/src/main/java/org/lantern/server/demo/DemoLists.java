package org.lantern.server.demo;

import java.util.Map;

import org.lantern.filter.decision.FilterSnapshot;
import org.lantern.filter.decision.IllegalContentList;
import org.lantern.filter.lists.CategoryLists;
import org.lantern.filter.lists.ListKind;
import org.lantern.filter.match.InvalidEntryException;
import org.lantern.filter.match.ListId;
import org.lantern.filter.url.MalformedUrlException;
import org.lantern.server.filtering.FilterService;

/**
 * The filter the demo's web traffic is judged by: the policy, directory and unblocks in force,
 * with made-up list entries standing in for the UT1 and CTIRU downloads a demo does not have. Every
 * address is under {@code .example}, which never resolves, so nothing can be mistaken for a real
 * site. The list names are UT1's, so the policy's categories pick them up as they would the real lists.
 */
final class DemoLists {

    /** An address on the stand-in terrorism-content list. */
    static final String ILLEGAL_CONTENT_URL = "http://terror-propaganda.example/video/4471";
    /** Another address on it. */
    static final String OTHER_ILLEGAL_CONTENT_URL = "http://terror-propaganda.example/video/5120";
    private static final String SOURCE = "demo";

    /** Made-up domains by the UT1 (or CTIRU) list they stand in for. */
    static final Map<String, String> DOMAINS = Map.ofEntries(
            Map.entry("extremist-forum.example", "ctiru-terrorism"),
            Map.entry("free-vpn.example", "vpn"),
            Map.entry("private-dns.example", "doh"),
            Map.entry("unblock-anything.example", "redirector"),
            Map.entry("racing-game.example", "games"),
            Map.entry("puzzle-games.example", "games"),
            Map.entry("times-tables-game.example", "educational_games"),
            Map.entry("social-network.example", "social_networks"),
            Map.entry("photo-share.example", "social_networks"),
            Map.entry("chat-app.example", "chat"),
            Map.entry("video-share.example", "audio-video"),
            Map.entry("trainers-shop.example", "shopping"),
            Map.entry("online-casino.example", "gambling"),
            Map.entry("adult-site.example", "adult"),
            Map.entry("file-locker.example", "filehosting"));

    private DemoLists() {
    }

    /** The filter in force with the made-up lists in place of the downloads. */
    static FilterSnapshot snapshot(FilterService filter) {
        CategoryLists.Builder lists = CategoryLists.builder();
        IllegalContentList.Builder illegal = IllegalContentList.builder();
        try {
            for (Map.Entry<String, String> domain : DOMAINS.entrySet()) {
                lists.add(new ListId(domain.getValue(), SOURCE), ListKind.DOMAINS, domain.getKey());
            }
            illegal.addUrl("ctiru-terrorism", ILLEGAL_CONTENT_URL).addUrl("ctiru-terrorism", OTHER_ILLEGAL_CONTENT_URL);
        } catch (InvalidEntryException | MalformedUrlException e) {
            throw new IllegalStateException("the demo's made-up list entries are valid", e);
        }
        return filter.engine().snapshot().withLists(lists.build()).withIllegalContent(illegal.build());
    }
}
