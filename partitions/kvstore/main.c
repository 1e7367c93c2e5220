// SPDX-License-Identifier: MIT
/*
 * kvstore: the key-value service of kv.h on TCP, for any number of
 * clients at once up to the net API's pool.
 *
 *	bootargs = "kvstore vif=<channel> port=<port>";	(port 7000)
 *
 * Each connection has a line buffer; a line longer than the protocol's
 * longest gets "ERROR line too long" and is skipped to its newline. A
 * connection's next line is read only when the send buffer has room for
 * the longest reply, so a client that sends and never reads stalls
 * itself and no one else. A connection idle for KV_IDLE_NS is closed.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tessera.h>
#include <tessera/net.h>
#include <tessera/option.h>
#include "kv.h"

#define KV_IDLE_NS	(60ull * 1000000000)

struct client {
	struct net_conn *conn;
	uint64_t last_ns;	/* its last byte in or out */
	size_t len;		/* bytes of line */
	bool skipping;		/* in a line too long, up to its newline */
	char line[KV_LINE_MAX + 1];
};

static struct client clients[NET_CONNS_MAX];

/* Runs the line of line[0..end) and drops it from the buffer. */
static void client_line(struct client *c, size_t end)
{
	char reply[KV_REPLY_MAX];
	size_t len = end;

	if (len && c->line[len - 1] == '\r')
		len--;
	if (!c->skipping)
		net_send(c->conn, reply, kv_execute(c->line, len, reply));
	c->skipping = false;
	c->len -= end + 1;
	memmove(c->line, c->line + end + 1, c->len);
}

/* The position of the first newline of the buffer, or -1. */
static long client_newline(const struct client *c)
{
	for (size_t i = 0; i < c->len; i++)
		if (c->line[i] == '\n')
			return (long)i;
	return -1;
}

/* Serves what has arrived; false once the connection is over. */
static bool client_serve(struct client *c)
{
	while (net_send_room(c->conn) >= KV_REPLY_MAX) {
		long nl = client_newline(c);
		long n;

		if (nl >= 0) {
			client_line(c, (size_t)nl);
			continue;
		}
		if (c->len == sizeof(c->line)) {
			if (!c->skipping)
				net_send(c->conn, "ERROR line too long\n", 20);
			c->skipping = true;
			c->len = 0;
		}
		n = net_recv(c->conn, c->line + c->len, sizeof(c->line) - c->len);
		if (n == -EAGAIN)
			return true;
		if (n <= 0)
			return false;
		c->len += (size_t)n;
		c->last_ns = tessera_now_ns();
	}
	return true;
}

static void accept_clients(int listener)
{
	struct net_conn *conn;

	while ((conn = net_accept(listener))) {
		for (unsigned int i = 0; i < NET_CONNS_MAX; i++) {
			if (!clients[i].conn) {
				clients[i] = (struct client){
					.conn = conn, .last_ns = tessera_now_ns() };
				break;
			}
		}
	}
}

int main(int argc, char **argv)
{
	const char *vif = tessera_option(argc, argv, "vif", "kv-net");
	unsigned long port = strtoul(tessera_option(argc, argv, "port", "7000"), NULL, 10);
	int rc = net_init(vif);
	int listener;

	if (rc) {
		printf("kvstore: no vif %s (%d)\n", vif, rc);
		return EXIT_FAILURE;
	}
	listener = port < 65536 ? net_listen((uint16_t)port) : -EINVAL;
	if (listener < 0) {
		printf("kvstore: cannot listen on port %lu (%d)\n", port, listener);
		return EXIT_FAILURE;
	}
	printf("kvstore: listening on port %lu\n", port);
	for (;;) {
		net_poll(1000000000);
		accept_clients(listener);
		for (unsigned int i = 0; i < NET_CONNS_MAX; i++) {
			struct client *c = &clients[i];

			if (c->conn && (!client_serve(c) ||
			    tessera_now_ns() - c->last_ns > KV_IDLE_NS)) {
				net_close(c->conn);
				c->conn = NULL;
			}
		}
	}
}
