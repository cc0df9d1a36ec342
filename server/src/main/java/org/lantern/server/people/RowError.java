package org.lantern.server.people;

/**
 * Why one cell of an import file was refused: the spreadsheet row (the header is row 1), the
 * column as headed in the file, the value as given, and the reason in words a school admin can act on.
 */
public record RowError(int row, String column, String value, String reason) {
}
