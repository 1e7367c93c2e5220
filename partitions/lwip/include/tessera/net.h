/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_NET_H
#define TESSERA_NET_H

/*
 * TCP for single-threaded servers: a socket-like API over lwIP's raw
 * API on the partition's virtual network interface (a vif channel, the
 * library's netfront). A program that uses it says so in its folder's
 * program.mk (PROGRAM_NEEDS := lwip); docs/servers.md walks through it.
 *
 *	net_init("web-net");
 *	int l = net_listen(80);
 *	for (;;) {
 *		net_poll(NET_FOREVER);		runs the stack, waits
 *		while ((c = net_accept(l)))	new connections
 *			...;
 *		for each connection c:
 *			n = net_recv(c, buf, sizeof(buf));
 *			...net_send(c, reply, len)...;
 *	}
 *
 * Nothing here blocks but net_poll(). Every call returns at once with
 * what the stack has: net_recv() the bytes that arrived, net_send() as
 * many bytes as there is room for. Connections and listeners come from
 * fixed pools (NET_CONNS_MAX, NET_LISTENERS_MAX). A listener takes at
 * most NET_CONNS_MAX connections at a time, those being set up included:
 * a SYN beyond them is dropped, so that its client tries again later. A
 * connection that still finds the pool empty (several listeners share
 * it) is refused with a reset.
 */

#include <stddef.h>
#include <stdint.h>
#include <public/errno.h>

/* A connection reset or aborted (Linux's number; not a hypercall's). */
#define ECONNRESET		104

#define NET_CONNS_MAX		24
#define NET_LISTENERS_MAX	4
#define NET_FOREVER		UINT64_MAX

struct net_conn;

/*
 * Brings up the stack on the vif channel `channel` with the MAC, IPv4
 * address, prefix and gateway of its parameters (the DTS's
 * local-mac-address, ipv4-address and ipv4-gateway). 0, or the
 * netfront's error (-ENOENT no such channel of this partition, -EINVAL
 * not a vif frontend), or -EEXIST when the stack is up already.
 */
int net_init(const char *channel);

/*
 * Listens on TCP `port` of the interface's address: a listener handle
 * (0 or more) for net_accept(), or -EBUSY (port taken or no listener
 * left), -EINVAL (port 0), -ENOMEM, -ENODEV (no net_init()).
 */
int net_listen(uint16_t port);

/* The next connection that arrived on `listener`, or NULL when none. */
struct net_conn *net_accept(int listener);

/*
 * Copies up to `cap` bytes that arrived on `c` into `buf`: how many
 * (1 or more), 0 once the peer has closed its side and every byte was
 * read, -EAGAIN when nothing is there yet, -ECONNRESET when the
 * connection was reset or aborted. Reading opens the receive window.
 */
long net_recv(struct net_conn *c, void *buf, size_t cap);

/*
 * Queues up to `len` bytes of `buf` for sending (they are copied) and
 * pushes them out: how many were taken, 0 when the send buffer is full
 * (try after a net_poll()), -ECONNRESET when the connection is gone.
 */
long net_send(struct net_conn *c, const void *buf, size_t len);

/* How many bytes net_send() would take now; 0 when the connection is gone. */
size_t net_send_room(const struct net_conn *c);

/*
 * Closes `c`: what was queued is still sent, then a FIN. `c` must not be
 * used afterwards; its slot returns to the pool at once.
 */
void net_close(struct net_conn *c);

/*
 * Runs the stack: takes the frames the backend delivered, fires its
 * timers, sends what is queued. Returns as soon as something happened
 * to a listener or a connection (a connection arrived, data arrived or
 * was acknowledged, a peer closed or reset), or after `timeout_ns`
 * (NET_FOREVER: no limit); meanwhile the vCPU waits in
 * tessera_wait_event_until(), taking no CPU time. It takes the events of
 * the vif's port and of TESSERA_PORT_TIMER; when another port of the
 * partition is pending and unmasked it returns too, and leaves that
 * event to the caller to take (tessera_event_clear()), since a wait
 * would end at once for it.
 */
void net_poll(uint64_t timeout_ns);

/* Counters of the interface since net_init(), for a status line. */
struct net_stats {
	uint64_t rx_frames, rx_dropped;	/* dropped: no buffer in the stack */
	uint64_t tx_frames, tx_dropped;	/* dropped: the tx ring stayed full */
	uint64_t refused;		/* connections refused: no slot */
};
const struct net_stats *net_stats(void);

#endif
