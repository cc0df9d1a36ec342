package org.lantern.server.people;

/** What an internet access register entry records. */
public enum AccessAction {
    GRANTED, REMOVED
}
