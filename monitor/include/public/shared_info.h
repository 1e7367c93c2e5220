/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_PUBLIC_SHARED_INFO_H
#define TESSERA_PUBLIC_SHARED_INFO_H

/*
 * The shared-info page: one 4 KiB page per partition, mapped read-write at
 * TESSERA_SHARED_INFO_ADDR (public/layout.h), written by the monitor and
 * the partition while both run. It starts zero; what the monitor keeps
 * current depends on its features (public/version.h).
 *
 * Both sides change a field only as this header says, and only with the
 * instruction it names: an aligned store, or a locked bit operation on a
 * 64-bit word (lock bts/btr, __atomic_fetch_or/and). The monitor reads
 * each field once into its own memory before acting on it, so nothing a
 * partition writes here can make it misbehave, only lose the partition's
 * own events.
 */

#ifndef __ASSEMBLY__
#include <stddef.h>
#include <stdint.h>
#endif

/* vCPUs of one partition; gen refuses a partition with more CPUs. */
#define TESSERA_MAX_VCPUS	32

/*
 * Event ports of one partition, numbered 0 to TESSERA_MAX_PORTS - 1. The
 * ports are static and listed in the start-info page: gen numbers them
 * from 0, first the partition's ends of channels in DTS order, then its
 * devices' interrupts. The last port is the partition's one-shot timer
 * (TESSERA_FEATURE_TIMER) and is never given to anything else.
 */
#define TESSERA_MAX_PORTS	64
#define TESSERA_PORT_TIMER	(TESSERA_MAX_PORTS - 1)

/* Port p's word in event_pending and event_mask, and its bit there. */
#define TESSERA_EVENT_WORD(p)	((p) / 64)
#define TESSERA_EVENT_BIT(p)	(1ULL << ((p) % 64))

#ifndef __ASSEMBLY__

/*
 * System time, as Xen's vcpu_time_info: nanoseconds since the monitor's
 * time base T0 (taken once at boot, before any partition runs), one
 * monotonic clock for every partition and for the CPU schedules, read
 * without a hypercall (TESSERA_FEATURE_TIME). The monitor needs a
 * constant-rate TSC synchronised across CPUs, calibrates it once at boot
 * and never changes its scale while the system runs. rdtsc works in
 * ring 3 (CR4.TSD stays clear) and counts at the same rate for every
 * partition. To read the time:
 *
 *	do {
 *		v = time.version;
 *		tsc_ts = time.tsc_timestamp; ns = time.system_time;
 *		mul = time.tsc_to_system_mul; shift = time.tsc_shift;
 *		tsc = lfence; rdtsc	(not before the loads above)
 *	} while ((v & 1) || v != time.version);
 *	now = ns + tessera_time_scale(tsc - tsc_ts, mul, shift);
 *
 * with the compiler kept from moving the loads across the reads of
 * version. The monitor makes version odd, writes the other fields, then
 * makes it even again; x86 keeps stores, and loads, in program order.
 * The resolution is one TSC tick, at most a nanosecond: the value is not
 * more precise than the TSC's calibration (the boot log's "timers:" line).
 */
struct tessera_time_info {
	uint32_t version;		/* odd while the monitor updates */
	uint32_t reserved0;
	uint64_t tsc_timestamp;		/* TSC value at system_time */
	uint64_t system_time;		/* ns since T0, at tsc_timestamp */
	uint32_t tsc_to_system_mul;	/* ns per shifted tick, x 2^32 */
	int8_t tsc_shift;		/* ticks << shift, >> when negative */
	uint8_t reserved1[3];
};

/*
 * TSC ticks to nanoseconds with the scale of struct tessera_time_info.
 * The product is 128 bits wide: with tsc_shift <= 0 (a TSC of 1 GHz or
 * more) no difference overflows; with a slower TSC, ticks << shift wraps
 * only after centuries.
 */
static inline uint64_t tessera_time_scale(uint64_t ticks, uint32_t mul,
					  int8_t shift)
{
	ticks = shift >= 0 ? ticks << shift : ticks >> -shift;
	return (uint64_t)(((unsigned __int128)ticks * mul) >> 32);
}

/*
 * One per vCPU, a cache line each so that vCPUs on different CPUs do not
 * share one.
 *
 * upcall_pending and upcall_mask are Xen's evtchn_upcall_pending and
 * evtchn_upcall_mask (TESSERA_FEATURE_UPCALLS, ABI 1.4): the monitor sets
 * vCPU 0's upcall_pending (an aligned store of 1) whenever one of the
 * partition's ports becomes pending while not masked in event_mask. With
 * a handler set (TESSERA_HC_SET_UPCALL) and upcall_mask 0, it enters the
 * handler on its way back to vCPU 0, setting upcall_mask to 1 first; the
 * handler stores 0 to upcall_pending before it looks at event_pending,
 * and TESSERA_HC_UPCALL_RETURN clears upcall_mask. A partition masks
 * upcalls by storing 1 to upcall_mask; to unmask, it stores 0, then (a
 * full barrier between) reads upcall_pending and, when it is set, makes
 * any hypercall (TESSERA_HC_VERSION, as Xen's force_evtchn_callback) so
 * that the monitor delivers what came while it was masked. Without a
 * handler, the partition polls event_pending (TESSERA_HC_BLOCK).
 *
 * The rest is the vCPU's CPU accounting (TESSERA_FEATURE_ACCOUNTING),
 * written by the monitor only, each time the vCPU leaves its CPU or
 * enters the monitor: a vCPU that spins without a hypercall sees the
 * figures of its last entry (a yield, or any call, brings them up to
 * date). A period is counted when its first window starts.
 */
struct tessera_vcpu_info {
	uint8_t upcall_pending;		/* monitor sets, partition clears */
	uint8_t upcall_mask;		/* partition and upcall delivery write */
	uint8_t reserved0[6];
	uint64_t runtime_ns;		/* CPU time this vCPU has had */
	uint64_t periods;		/* its reservation periods begun */
	uint64_t exhausted;		/* periods in which it used all budget */
	uint32_t budget_us;		/* its reservation; 0: a dedicated CPU */
	uint32_t period_us;		/* 0 on a dedicated CPU */
	/* ABI 1.1: */
	uint64_t windows_missed;	/* runnable, yet its window never ran */
	uint64_t lateness_max_ns;	/* worst start of a window after its time */
	uint64_t timer_interrupts;	/* local timer interrupts it took */
};

/*
 * Events (TESSERA_FEATURE_EVENTS), as Xen's 2-level event channels: bit
 * p % 64 of word p / 64 is port p's (TESSERA_EVENT_WORD, _BIT).
 *
 * event_pending: the monitor sets a port's bit with a locked OR when the
 * port's peer notifies it (TESSERA_HC_NOTIFY) or, for TESSERA_PORT_TIMER,
 * when a TESSERA_HC_BLOCK deadline passes; the partition takes an event
 * by clearing the bit with a locked AND (test-and-clear), then looks at
 * what the event stands for (its ring). A port notified twice before it
 * is taken is pending once.
 *
 * event_mask: written by the partition only. A masked port still becomes
 * pending, but does not end TESSERA_HC_BLOCK. Unmasking re-delivers: a
 * port pending while masked ends the next block at once, so a partition
 * that unmasks checks event_pending afterwards (and, blocking, finds it).
 */
struct tessera_shared_info {
	struct tessera_vcpu_info vcpu[TESSERA_MAX_VCPUS];
	uint64_t event_pending[TESSERA_MAX_PORTS / 64];
	uint64_t event_mask[TESSERA_MAX_PORTS / 64];
	struct tessera_time_info time;
};

_Static_assert(TESSERA_MAX_PORTS % 64 == 0, "ports fill whole words");
_Static_assert(sizeof(struct tessera_time_info) == 32, "time info size");
_Static_assert(sizeof(struct tessera_vcpu_info) == 64, "a cache line");
_Static_assert(offsetof(struct tessera_vcpu_info,
			windows_missed) == 0x28, "accounting, ABI 1.1");
_Static_assert(offsetof(struct tessera_shared_info,
			event_pending) == 0x800, "event_pending");
_Static_assert(offsetof(struct tessera_shared_info,
			event_mask) == 0x808, "event_mask");
_Static_assert(offsetof(struct tessera_shared_info,
			time) == 0x810, "time");
_Static_assert(sizeof(struct tessera_shared_info) <= 4096, "one page");

#endif /* __ASSEMBLY__ */
#endif
