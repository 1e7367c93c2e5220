// SPDX-License-Identifier: MIT
/*
 * netdrv: the network driver partition (docs/drivers.md, "Network").
 * It owns the virtio-net function given to it by the DTS `devices`,
 * serves every net channel on which it is the backend as a virtual
 * interface, and switches frames between the wire and the vifs, and
 * between vifs, through its virtual firewall-router (vfr.h).
 *
 * Bootargs: stats=<s> prints the counters every s seconds of system
 * time; exit=goodbye ends netdrv once every vif's frontend has said
 * goodbye (a tx request of length 0) and sent nothing since. It prints
 * its counters when it ends. Between events it blocks in
 * tessera_wait_event(): a port is looked at when it was pending (every
 * vif once at the start), after clearing it, so an event that comes
 * during the look ends the next wait at once. A look takes a bounded
 * amount of work from each; what is left is looked at before the next
 * wait. A vif whose events bring no work has its port masked a while
 * (vif.h, VIF_STORM_EVENTS).
 */

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tessera.h>
#include <tessera/option.h>
#include "netdrv.h"
#include "nic.h"

#define NS_PER_S	1000000000ull

static struct {
	uint64_t stats_ns;		/* 0: only on exit */
	bool exit_on_goodbye;
} netdrv_args;

static bool netdrv_nic_busy;	/* the NIC's last poll stopped at its bound */

static void netdrv_parse(int argc, char **argv)
{
	const char *exit_when = tessera_option(argc, argv, "exit", "never");

	netdrv_args.stats_ns = strtoul(tessera_option(argc, argv, "stats", "0"),
				       NULL, 10) * NS_PER_S;
	netdrv_args.exit_on_goodbye = !strcmp(exit_when, "goodbye");
	if (strcmp(exit_when, "never") && !netdrv_args.exit_on_goodbye)
		printf("exit=%s: not goodbye or never, ignored\n", exit_when);
}

/* "vif web-net: 02:00:00:00:00:10 10.0.2.16/24 via 10.0.2.2, 2 rules" */
static void netdrv_print_vif(const char *name, const struct tessera_net_params *p)
{
	const uint8_t *m = p->mac, *a = p->ip, *g = p->gateway;

	printf("vif %s: %02x:%02x:%02x:%02x:%02x:%02x %u.%u.%u.%u/%u", name,
	       m[0], m[1], m[2], m[3], m[4], m[5], a[0], a[1], a[2], a[3],
	       p->prefix_len);
	if (g[0] | g[1] | g[2] | g[3])
		printf(" via %u.%u.%u.%u", g[0], g[1], g[2], g[3]);
	printf(", %u rule%s\n", p->nr_rules, p->nr_rules == 1 ? "" : "s");
}

/* The vifs: each net channel this partition backs. */
static void netdrv_setup(void)
{
	const struct tessera_start_info *si = tessera_start_info();

	for (uint32_t i = 0; i < si->nr_channels && i < TESSERA_MAX_CHANNELS;
	     i++) {
		const struct tessera_channel *ch = &si->channels[i];
		const struct tessera_net_params *p = &si->params[i].net;
		unsigned int n = netdrv_vfr.nr;

		if (ch->kind != TESSERA_CHANNEL_NET ||
		    ch->role != TESSERA_ROLE_BACKEND)
			continue;
		if (vif_open(&netdrv_vifs[n], ch, n) || vfr_add(&netdrv_vfr, p) < 0) {
			printf("%s: not served: %u slots of %u bytes\n", ch->name,
			       ch->slots, ch->slot_size);
			continue;
		}
		netdrv_print_vif(ch->name, &netdrv_vfr.vifs[n].p);
	}
}

static void netdrv_print_stats(void)
{
	const struct vfr_wire_counters *w = &netdrv_vfr.wire;

	for (unsigned int i = 0; i < netdrv_vfr.nr; i++) {
		const struct vfr_counters *c = &netdrv_vfr.vifs[i].c;

		printf("stats vif %s: out=%llu in=%llu denied-out=%llu "
		       "denied-in=%llu spoofed=%llu malformed=%llu "
		       "no-room=%llu no-buffer=%llu\n", netdrv_vifs[i].ch->name,
		       (unsigned long long)c->out, (unsigned long long)c->in,
		       (unsigned long long)c->denied_out,
		       (unsigned long long)c->denied_in,
		       (unsigned long long)c->spoofed,
		       (unsigned long long)c->malformed,
		       (unsigned long long)c->no_room,
		       (unsigned long long)c->no_buffer);
	}
	printf("stats wire: rx=%llu tx=%llu malformed=%llu spoofed=%llu "
	       "dropped=%llu\n", (unsigned long long)w->rx,
	       (unsigned long long)w->tx, (unsigned long long)w->malformed,
	       (unsigned long long)w->spoofed, (unsigned long long)w->dropped);
}

/*
 * One look at whatever is pending (every vif at the start) or was left
 * over by the last look: whether work may be left, so that netdrv looks
 * again before it waits. *wake: the first end of a vif's back-off.
 */
static bool netdrv_round(bool start, bool nic, uint64_t *wake)
{
	uint64_t now = tessera_now_ns();
	bool busy = false;

	if (nic) {
		bool irq = tessera_event_clear(nic_port()) > 0;

		if (irq || netdrv_nic_busy)
			netdrv_nic_busy = nic_poll(irq);
		busy |= netdrv_nic_busy;
	}
	for (unsigned int i = 0; i < netdrv_vfr.nr; i++) {
		struct vif *v = &netdrv_vifs[i];

		vif_visit(v, start, now);
		busy |= v->busy;
		if (v->unmask_ns && (!*wake || v->unmask_ns < *wake))
			*wake = v->unmask_ns;
	}
	return busy;
}

/* Whether every vif's frontend has said goodbye. */
static bool netdrv_all_done(void)
{
	bool done = netdrv_vfr.nr > 0;

	for (unsigned int i = 0; i < netdrv_vfr.nr; i++)
		done &= netdrv_vifs[i].done;
	return done;
}

/* Prints the counters when they are due: when the next are. */
static uint64_t netdrv_tick(uint64_t next)
{
	tessera_event_clear(TESSERA_PORT_TIMER);
	if (!next || tessera_now_ns() < next)
		return next;
	netdrv_print_stats();
	return next + netdrv_args.stats_ns;
}

int main(int argc, char **argv)
{
	uint64_t next = 0;
	bool nic, start = true;

	netdrv_parse(argc, argv);
	netdrv_setup();
	nic = !nic_open();
	if (netdrv_args.stats_ns)
		next = tessera_now_ns() + netdrv_args.stats_ns;
	for (;;) {
		uint64_t wake = 0;
		bool busy = netdrv_round(start, nic, &wake);

		start = false;
		if (netdrv_args.exit_on_goodbye && netdrv_all_done())
			break;
		next = netdrv_tick(next);
		if (next && (!wake || next < wake))
			wake = next;
		if (busy)
			continue;
		if (wake)
			tessera_wait_event_until(wake);
		else
			tessera_wait_event();
	}
	printf("every frontend said goodbye\n");
	netdrv_print_stats();
	return 0;
}
