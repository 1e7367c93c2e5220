/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_LIB_TESSERA_H
#define TESSERA_LIB_TESSERA_H

/*
 * What a partition program has of Tessera beyond the C library subset:
 * its start-info and shared-info pages and the hypercalls, as functions.
 * The ABI underneath is monitor/include/public/ (docs/abi.md); these
 * names are the guest API of DESIGN.md §6 and stay as they are.
 */

#include <stddef.h>
#include <stdint.h>
#include <public/errno.h>
#include <public/hypercall.h>
#include <public/layout.h>
#include <public/shared_info.h>
#include <public/start_info.h>
#include <public/version.h>

/* The partition's own description, read-only (public/start_info.h). */
static inline const struct tessera_start_info *tessera_start_info(void)
{
	return (const struct tessera_start_info *)TESSERA_START_INFO_ADDR;
}

/*
 * This partition's end of the channel whose device-tree node is `name`:
 * the start-info entry, with ring (the address of its shared memory),
 * ring_bytes, slots, slot_size, port (the event port that notifies the
 * other end) and role (TESSERA_ROLE_FRONTEND or _BACKEND). NULL when the
 * partition is not an end of such a channel. The ring helpers are in
 * <tessera/ring.h>.
 */
const struct tessera_channel *tessera_channel(const char *name);

/* The page the partition shares with the monitor (public/shared_info.h). */
static inline struct tessera_shared_info *tessera_shared_info(void)
{
	return (struct tessera_shared_info *)TESSERA_SHARED_INFO_ADDR;
}

/*
 * TESSERA_HC_VERSION: the monitor's ABI version (TESSERA_VERSION_ABI) or
 * its feature bits (TESSERA_VERSION_FEATURES); -EINVAL for another query.
 */
long tessera_version(unsigned int query);

/*
 * TESSERA_HC_CONSOLE_WRITE: appends `len` bytes to the partition's
 * console. Returns len, -EFAULT or -E2BIG. printf() and puts() keep a
 * line until it is complete, then call this once; bytes written here go
 * out ahead of an unfinished line printf() still holds.
 */
long tessera_console_write(const char *buf, size_t len);

/*
 * TESSERA_HC_YIELD: gives up the rest of this vCPU's window (the CPU
 * idles, or runs other vCPUs as slack); returns at its next window, at
 * once on a dedicated CPU.
 */
void tessera_yield(void);

/*
 * The system time: nanoseconds since the monitor's T0, monotonic, the
 * same clock on every CPU and in every partition, read from the
 * shared-info page and rdtsc without a hypercall. Its resolution is one
 * TSC tick.
 */
uint64_t tessera_now_ns(void);

/*
 * TESSERA_HC_SLEEP_UNTIL: blocks this vCPU, taking no CPU time, until
 * tessera_now_ns() has reached `ns`; returns at once when it has.
 * It may return later (the vCPU runs again in its own window), never
 * earlier.
 */
void tessera_sleep_until(uint64_t ns);

/* Sleeps `ns` nanoseconds from now (as tessera_sleep_until; never wraps). */
void tessera_sleep_ns(uint64_t ns);

/*
 * TESSERA_HC_EXIT: ends the partition with `status`, at once. exit()
 * prints what printf() still holds first; this does not.
 */
_Noreturn void tessera_exit(int status);

#endif
