/*
 * The floor for ICAP benchmarks: the least any ICAP server can cost per request on this machine.
 * One thread, one epoll set, non-blocking sockets; every request (an ICAP head and an encapsulated
 * HTTP head with a null body, which is what IcapLoad sends) is answered with a fixed 204, no
 * parsing beyond finding the two blank lines and no decision. What it costs per request is the
 * kernel's share (one read, one write and the loopback TCP path) plus almost nothing, so a real
 * server's CPU time per request minus this is what its own work costs.
 *
 * Build and run (bench/icap-vs-peers.sh does both): cc -O2 -o icap-floor icap-floor.c && ./icap-floor PORT
 */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <fcntl.h>
#include <arpa/inet.h>

#define MAX_FDS 4096
#define BUF 65536

static const char RESPONSE[] = "ICAP/1.0 204 No Content\r\nISTag: \"floor\"\r\nEncapsulated: null-body=0\r\n\r\n";

struct conn { char buf[BUF]; int len; int blanks; int matched; };
static struct conn *conns[MAX_FDS];

int main(int argc, char **argv) {
    int port = argc > 1 ? atoi(argv[1]) : 1347;
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons(port) };
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(listener, (struct sockaddr *) &addr, sizeof addr) || listen(listener, 1024)) {
        perror("icap-floor: bind/listen");
        return 1;
    }
    int ep = epoll_create1(0);
    struct epoll_event ev = { .events = EPOLLIN, .data.fd = listener };
    epoll_ctl(ep, EPOLL_CTL_ADD, listener, &ev);
    struct epoll_event ready[256];
    char out[BUF];
    for (;;) {
        int n = epoll_wait(ep, ready, 256, -1);
        for (int i = 0; i < n; i++) {
            int fd = ready[i].data.fd;
            if (fd == listener) {
                int c = accept(listener, NULL, NULL);
                if (c < 0 || c >= MAX_FDS) { if (c >= 0) close(c); continue; }
                setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                fcntl(c, F_SETFL, O_NONBLOCK);
                conns[c] = calloc(1, sizeof(struct conn));
                struct epoll_event cev = { .events = EPOLLIN, .data.fd = c };
                epoll_ctl(ep, EPOLL_CTL_ADD, c, &cev);
                continue;
            }
            struct conn *k = conns[fd];
            ssize_t r = read(fd, k->buf, BUF);
            if (r <= 0) {
                if (r < 0 && errno == EAGAIN) continue;
                epoll_ctl(ep, EPOLL_CTL_DEL, fd, NULL);
                close(fd); free(k); conns[fd] = NULL;
                continue;
            }
            /* Count "\r\n\r\n" across reads: two of them end one request. */
            int answers = 0;
            static const char END[] = "\r\n\r\n";
            for (ssize_t j = 0; j < r; j++) {
                k->matched = (k->buf[j] == END[k->matched]) ? k->matched + 1 : (k->buf[j] == '\r' ? 1 : 0);
                if (k->matched == 4) {
                    k->matched = 0;
                    if (++k->blanks == 2) { k->blanks = 0; answers++; }
                }
            }
            int len = 0;
            for (int a = 0; a < answers && len + (int) sizeof RESPONSE < BUF; a++) {
                memcpy(out + len, RESPONSE, sizeof RESPONSE - 1);
                len += sizeof RESPONSE - 1;
            }
            if (len > 0 && write(fd, out, len) < 0) {
                epoll_ctl(ep, EPOLL_CTL_DEL, fd, NULL);
                close(fd); free(k); conns[fd] = NULL;
            }
        }
    }
}
