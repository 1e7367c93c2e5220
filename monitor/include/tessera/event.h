/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_EVENT_H
#define TESSERA_EVENT_H

/*
 * Event ports (public/hypercall.h TESSERA_HC_NOTIFY and TESSERA_HC_BLOCK,
 * public/shared_info.h). The ports are static, a pair per channel in the
 * tables; monitor/core/event.c holds the pure logic (which port a sender
 * may use, the bits), host-tested, and monitor/core/event_send.c the
 * delivery to a partition and the wake-up of its vCPU.
 */

#include <stdbool.h>
#include <stdint.h>
#include <public/shared_info.h>
#include <tessera/tables.h>

/* Where a notification goes: a partition and its port. */
struct event_target {
	unsigned int partition;		/* index in the tables */
	unsigned int port;		/* < TESSERA_MAX_PORTS */
};

/*
 * The peer end of partition `id`'s channel end whose port is `port`: 0
 * and *to filled, or -EINVAL when `port` (any value, the caller's) is not
 * the port of one of id's own channel ends, or the tables give the peer a
 * port out of range (gen never does; the tables are not trusted for it).
 */
int event_peer(const struct tessera_tables *t, unsigned int id,
	       uint64_t port, struct event_target *to);

/*
 * Sets port's pending bit, with the locked OR both sides use; whether
 * the port is unmasked (its mask word read once), so that the event can
 * end a block. An unmasked port also sets vCPU 0's upcall_pending, as
 * Xen's evtchn_upcall_pending (monitor/arch/x86_64/upcall.c delivers).
 */
bool event_set_pending(struct tessera_shared_info *shi, unsigned int port);

/*
 * Whether any port is pending and unmasked: each word of the page, which
 * the partition writes at any time, is read once.
 */
bool event_deliverable(const struct tessera_shared_info *shi);

/*
 * Sets `port` (< TESSERA_MAX_PORTS) pending in partition's shared-info
 * page and wakes its vCPU 0 if that blocks, or counts the event dropped
 * when the partition is not running (event_send.c): a notification's
 * delivery, and a device interrupt's.
 */
void event_send(unsigned int partition, unsigned int port);

/*
 * TESSERA_HC_NOTIFY from partition `id`: the peer's port set pending and
 * its vCPU 0 woken if it blocks (event_send.c). 0 or -EINVAL.
 */
int64_t event_notify(unsigned int id, uint64_t port);

#endif
