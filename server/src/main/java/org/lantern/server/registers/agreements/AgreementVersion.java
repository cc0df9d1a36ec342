package org.lantern.server.registers.agreements;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * One version of an audience's acceptable-use agreement, as published and never changed.
 *
 * @param id         the version's record id
 * @param audience   who it is written for
 * @param number     1 for the audience's first version, then 2, 3...
 * @param title      its heading
 * @param body       its text: paragraphs separated by blank lines, lines starting "- " as a list
 * @param changeKind whether it must be signed again
 * @param changeNote what changed, in the editor's words
 * @param createdBy  who published it
 * @param createdAt  when
 * @param policyVersion the number of the school's policy version in force when it was published, or
 *                   null when there was none
 */
public record AgreementVersion(long id, Audience audience, int number, String title, String body, ChangeKind changeKind,
                               String changeNote, String createdBy, OffsetDateTime createdAt, Integer policyVersion) {

    /** The body's blocks, for a page to show each as a paragraph or a list (always as text, never HTML). */
    public List<Block> blocks() {
        return Arrays.stream(body.replace("\r\n", "\n").split("\n\\s*\n")).map(String::strip).filter(b -> !b.isEmpty())
                .map(Block::of).toList();
    }

    /**
     * A paragraph, or a list when every line starts with "- ".
     *
     * @param text  the paragraph, or null for a list
     * @param items the list's items, empty for a paragraph
     */
    public record Block(String text, List<String> items) {
        static Block of(String block) {
            List<String> lines = block.lines().map(String::strip).toList();
            if (lines.stream().allMatch(l -> l.startsWith("- "))) {
                return new Block(null, lines.stream().map(l -> l.substring(2).strip()).toList());
            }
            return new Block(String.join(" ", lines), List.of());
        }
    }
}
