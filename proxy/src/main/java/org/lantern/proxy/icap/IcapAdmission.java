package org.lantern.proxy.icap;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Which new connections the ICAP server takes, so that connections opened and left silent cannot
 * starve it: at most {@code maxConnections} at once and {@code maxConnectionsPerClient} from one
 * address, and {@code reservedConnections} of the slots only for addresses that have had a request
 * answered (Squid, in practice). A refused connection is answered 503 saying which limit it met,
 * and closed. Runs at accept and close only, never per request.
 */
final class IcapAdmission {

    private final IcapServerConfig config;
    private final IcapStats stats;
    private final Semaphore slots;
    private final Semaphore unreservedSlots;
    private final ConcurrentHashMap<InetAddress, Client> clients = new ConcurrentHashMap<>();

    IcapAdmission(IcapServerConfig config, IcapStats stats) {
        this.config = config;
        this.stats = stats;
        this.slots = new Semaphore(config.maxConnections());
        this.unreservedSlots = new Semaphore(config.maxConnections() - config.reservedConnections());
    }

    /** A connection's place: its address, and whether it holds one of the slots any address may take. */
    static final class Ticket {
        private final Client client;
        private final boolean unreserved;

        private Ticket(Client client, boolean unreserved) {
            this.client = client;
            this.unreserved = unreserved;
        }

        /** A request on the connection was answered: its address may take reserved slots from now on. */
        void answered() {
            client.answered = true;
        }
    }

    /**
     * A client address: its open connections (changed only inside the map's atomic compute) and
     * whether any of its connections has had a request answered.
     */
    private static final class Client {
        private final InetAddress address;
        private int open;
        private volatile boolean answered;

        Client(InetAddress address) {
            this.address = address;
        }
    }

    /**
     * Takes a slot for a new connection, or refuses it.
     *
     * @return the connection's ticket, to {@linkplain #release release} when it closes; null if it was refused
     */
    Ticket admit(SocketChannel channel) {
        InetAddress address;
        try {
            address = ((InetSocketAddress) channel.getRemoteAddress()).getAddress();
        } catch (IOException | RuntimeException e) {
            refuse(channel, "the connection closed as it opened");
            return null;
        }
        Client[] admitted = new Client[1];
        clients.compute(address, (a, known) -> {
            Client client = known == null ? new Client(a) : known;
            if (client.open < config.maxConnectionsPerClient()) {
                client.open++;
                admitted[0] = client;
            }
            return client.open == 0 && !client.answered ? null : client;
        });
        Client client = admitted[0];
        if (client == null) {
            refuse(channel, "more than " + config.maxConnectionsPerClient() + " connections from one address");
            return null;
        }
        boolean unreserved = !client.answered;
        if (unreserved && !unreservedSlots.tryAcquire()) {
            leave(client);
            refuse(channel, "more than " + (config.maxConnections() - config.reservedConnections())
                    + " connections from addresses that have not had a request answered");
            return null;
        }
        if (!slots.tryAcquire()) {
            if (unreserved) {
                unreservedSlots.release();
            }
            leave(client);
            refuse(channel, "more than " + config.maxConnections() + " connections");
            return null;
        }
        return new Ticket(client, unreserved);
    }

    /** Gives back a closed connection's slot and its place in its address's count. */
    void release(Ticket ticket) {
        slots.release();
        if (ticket.unreserved) {
            unreservedSlots.release();
        }
        leave(ticket.client);
    }

    /** One connection of the address fewer; an address with none open that never had a request answered is forgotten. */
    private void leave(Client client) {
        clients.computeIfPresent(client.address, (a, c) -> --c.open == 0 && !c.answered ? null : c);
    }

    /** Still in blocking mode: the short answer fits any socket buffer, so this does not wait. */
    private void refuse(SocketChannel channel, String why) {
        stats.connectionRefused();
        try (channel) {
            channel.write(ByteBuffer.wrap(("ICAP/1.0 503 Service Overloaded\r\nConnection: close\r\n"
                    + "X-Lantern-Error: " + why + "\r\n"
                    + "Encapsulated: null-body=0\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
            stats.error(503);
        } catch (IOException e) {
            // Nothing more can be done for a client refused at the door.
        }
    }
}
