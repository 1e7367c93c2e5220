// SPDX-License-Identifier: MIT
/*
 * <tessera/net.h>: connections and listeners from fixed pools over
 * lwIP's raw TCP callbacks. The callbacks only record what happened
 * (data queued on the connection, the peer's FIN, a reset) and set
 * `activity`; the program reads it all after net_poll() returns.
 */
#include <stdbool.h>
#include <tessera.h>
#include <tessera/net.h>
#include "lwip/tcp.h"
#include "lwip/timeouts.h"
#include "vif.h"

/* lwIP's calls move at most a u16_t of bytes */
#define NET_CHUNK_MAX	0xffff

struct net_conn {
	bool used;
	bool eof;		/* the peer closed its side */
	bool reset;		/* lwIP freed the pcb: reset or aborted */
	struct tcp_pcb *pcb;	/* NULL once reset */
	struct pbuf *rx;	/* arrived, not yet read */
	struct net_conn *next;	/* in its listener's queue of arrivals */
};

struct net_listener {
	struct tcp_pcb *pcb;
	struct net_conn *head, *tail;
};

static struct net_conn conns[NET_CONNS_MAX];
static struct net_listener listeners[NET_LISTENERS_MAX];
static bool activity;
static bool up;

int net_init(const char *channel)
{
	int rc;

	if (up)
		return -EEXIST;
	rc = vif_open(channel);
	up = rc == 0;
	return rc;
}

const struct net_stats *net_stats(void)
{
	return &vif_stats;
}

static void conn_err(void *arg, err_t err)
{
	struct net_conn *c = arg;

	c->pcb = NULL;
	c->reset = true;
	activity = true;
}

static err_t conn_recv(void *arg, struct tcp_pcb *pcb, struct pbuf *p,
		       err_t err)
{
	struct net_conn *c = arg;

	activity = true;
	if (!p) {
		c->eof = true;
		return ERR_OK;
	}
	/* bounded by the receive window, which only net_recv() opens */
	if (c->rx)
		pbuf_cat(c->rx, p);
	else
		c->rx = p;
	return ERR_OK;
}

static err_t conn_sent(void *arg, struct tcp_pcb *pcb, u16_t len)
{
	activity = true;
	return ERR_OK;
}

static struct net_conn *conn_alloc(void)
{
	for (unsigned int i = 0; i < NET_CONNS_MAX; i++)
		if (!conns[i].used)
			return &conns[i];
	return NULL;
}

static err_t listener_accept(void *arg, struct tcp_pcb *pcb, err_t err)
{
	struct net_listener *l = arg;
	struct net_conn *c = conn_alloc();

	if (err != ERR_OK || !pcb)
		return ERR_VAL;
	if (!c) {
		vif_stats.refused++;
		tcp_abort(pcb);
		return ERR_ABRT;
	}
	*c = (struct net_conn){ .used = true, .pcb = pcb };
	/*
	 * The connection counts in its listener's backlog until closed, so
	 * that lwIP drops, rather than resets, a SYN beyond NET_CONNS_MAX
	 * connections: the client tries again once one has closed.
	 */
	tcp_backlog_delayed(pcb);
	tcp_arg(pcb, c);
	tcp_recv(pcb, conn_recv);
	tcp_sent(pcb, conn_sent);
	tcp_err(pcb, conn_err);
	if (l->tail)
		l->tail->next = c;
	else
		l->head = c;
	l->tail = c;
	activity = true;
	return ERR_OK;
}

static struct net_listener *listener_alloc(void)
{
	for (unsigned int i = 0; i < NET_LISTENERS_MAX; i++)
		if (!listeners[i].pcb)
			return &listeners[i];
	return NULL;
}

int net_listen(uint16_t port)
{
	struct net_listener *l = listener_alloc();
	struct tcp_pcb *pcb, *lpcb;

	if (!port)
		return -EINVAL;
	if (!up)
		return -ENODEV;
	if (!l)
		return -EBUSY;
	pcb = tcp_new_ip_type(IPADDR_TYPE_V4);
	if (!pcb)
		return -ENOMEM;
	if (tcp_bind(pcb, IP4_ADDR_ANY, port) != ERR_OK) {
		tcp_close(pcb);
		return -EBUSY;
	}
	lpcb = tcp_listen_with_backlog(pcb, NET_CONNS_MAX);
	if (!lpcb) {
		tcp_close(pcb);
		return -ENOMEM;
	}
	*l = (struct net_listener){ .pcb = lpcb };
	tcp_arg(lpcb, l);
	tcp_accept(lpcb, listener_accept);
	return (int)(l - listeners);
}

struct net_conn *net_accept(int listener)
{
	struct net_listener *l;
	struct net_conn *c;

	if (listener < 0 || listener >= NET_LISTENERS_MAX)
		return NULL;
	l = &listeners[listener];
	c = l->head;
	if (!c)
		return NULL;
	l->head = c->next;
	if (!l->head)
		l->tail = NULL;
	c->next = NULL;
	return c;
}

long net_recv(struct net_conn *c, void *buf, size_t cap)
{
	u16_t n;

	if (!c->rx)
		return c->reset ? -ECONNRESET : c->eof ? 0 : -EAGAIN;
	n = pbuf_copy_partial(c->rx, buf,
			      (u16_t)(cap < NET_CHUNK_MAX ? cap : NET_CHUNK_MAX),
			      0);
	c->rx = pbuf_free_header(c->rx, n);
	if (c->pcb)
		tcp_recved(c->pcb, n);
	return n;
}

size_t net_send_room(const struct net_conn *c)
{
	if (!c->pcb || tcp_sndqueuelen(c->pcb) >= TCP_SND_QUEUELEN)
		return 0;
	return tcp_sndbuf(c->pcb);
}

long net_send(struct net_conn *c, const void *buf, size_t len)
{
	size_t room = net_send_room(c);
	u16_t n;
	err_t err;

	if (!c->pcb)
		return -ECONNRESET;
	n = (u16_t)(len < room ? len : room);
	if (!n)
		return 0;
	err = tcp_write(c->pcb, buf, n, TCP_WRITE_FLAG_COPY);
	if (err == ERR_MEM)
		return 0;
	if (err != ERR_OK)
		return -ECONNRESET;
	tcp_output(c->pcb);
	return n;
}

/*
 * The connection leaves the program: lwIP keeps the pcb until the queued
 * data and the FIN are through. What arrived unread is taken first, or
 * lwIP would answer the close with a reset.
 */
void net_close(struct net_conn *c)
{
	struct tcp_pcb *pcb = c->pcb;

	if (pcb) {
		tcp_arg(pcb, NULL);
		tcp_recv(pcb, NULL);
		tcp_sent(pcb, NULL);
		tcp_err(pcb, NULL);
		if (c->rx)
			tcp_recved(pcb, c->rx->tot_len);
		tcp_backlog_accepted(pcb);
		if (tcp_close(pcb) != ERR_OK)
			tcp_abort(pcb);
	}
	if (c->rx)
		pbuf_free(c->rx);
	*c = (struct net_conn){ 0 };
}

/* A port of the program's own, pending and not masked: its to take. */
static bool foreign_event(void)
{
	const struct tessera_shared_info *si = tessera_shared_info();

	for (unsigned int p = 0; p < TESSERA_MAX_PORTS; p++)
		if (p != vif_port() && p != TESSERA_PORT_TIMER &&
		    tessera_port_test(si->event_pending, p) == 1 &&
		    tessera_port_test(si->event_mask, p) == 0)
			return true;
	return false;
}

/* The earlier of `deadline` and the stack's next timer. */
static uint64_t wake_time(uint64_t deadline)
{
	u32_t ms = sys_timeouts_sleeptime();
	uint64_t timer;

	if (ms == SYS_TIMEOUTS_SLEEPTIME_INFINITE)
		return deadline;
	timer = tessera_now_ns() + (uint64_t)ms * 1000000;
	return timer < deadline ? timer : deadline;
}

void net_poll(uint64_t timeout_ns)
{
	uint64_t now = tessera_now_ns();
	uint64_t deadline = timeout_ns > UINT64_MAX - now ? UINT64_MAX :
		now + timeout_ns;

	activity = false;
	for (;;) {
		/* taken before looking, so a frame after the look wakes us */
		tessera_event_clear(vif_port());
		tessera_event_clear(TESSERA_PORT_TIMER);
		bool more = vif_input();

		sys_check_timeouts();
		if (activity || foreign_event() || tessera_now_ns() >= deadline)
			return;
		if (!more)
			tessera_wait_event_until(wake_time(deadline));
	}
}
