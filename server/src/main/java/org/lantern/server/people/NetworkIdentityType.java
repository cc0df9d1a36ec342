package org.lantern.server.people;

/** How the web filter recognises a person on the network; each value belongs to at most one person. */
public enum NetworkIdentityType {
    /** The username the person authenticates to the web proxy with. */
    PROXY_USERNAME,
    /** A device IP address allocated to the person. */
    DEVICE_IP,
    /** A device MAC address allocated to the person. */
    DEVICE_MAC
}
