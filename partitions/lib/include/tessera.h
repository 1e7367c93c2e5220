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
 * Events (public/shared_info.h, docs/rings.md "Events"). Each channel end
 * has a port (tessera_channel()->port); a notification sets the peer's
 * port pending in the peer's shared-info page and wakes it if it waits.
 * A partition learns of its events by looking at its pending bits, after
 * tessera_wait_event() returns or whenever it likes, or in an upcall
 * (tessera_set_upcall()).
 *
 * TESSERA_HC_NOTIFY: notifies the other end of this partition's channel
 * end with port `port`. 0, or -EINVAL when `port` is not one of this
 * partition's channel ports. A peer that has ended or is restarting
 * loses the event; that is no error here.
 */
int tessera_notify(unsigned int port);

/*
 * TESSERA_HC_BLOCK: returns at once when any port is pending and not
 * masked, else blocks this vCPU, taking no CPU time, until one is. The
 * events stay pending: the caller takes them (tessera_event_clear()).
 * It may return with nothing pending of its own making (an event taken
 * meanwhile): callers look at their rings, then wait again.
 */
void tessera_wait_event(void);

/*
 * As tessera_wait_event(), and at system time `ns` at the latest, which
 * sets TESSERA_PORT_TIMER pending: the one-shot timer as an event.
 */
void tessera_wait_event_until(uint64_t ns);

/*
 * Masking, unmasking and taking a port (Xen's semantics, bit operations
 * on the shared-info page, no hypercall). A masked port still becomes
 * pending but does not end a wait. Unmasking re-delivers: it returns 1
 * when the port is pending, which the caller handles as an event (a wait
 * would return at once for it too). Clearing takes the event: 1 when the
 * port was pending. Each returns -EINVAL for a port of TESSERA_MAX_PORTS
 * or more, else 0 or 1.
 */
int tessera_event_mask(unsigned int port);
int tessera_event_unmask(unsigned int port);
int tessera_event_clear(unsigned int port);

/*
 * Upcalls (TESSERA_FEATURE_UPCALLS), as Xen's event callback: once set,
 * `handler` runs whenever a port becomes pending while not masked,
 * interrupting the program wherever it is (in a loop without hypercalls
 * too: the monitor interrupts its CPU), on its stack, with upcalls
 * masked; it takes its events with tessera_event_clear() and returns.
 * An event that comes while it runs is delivered by the next upcall,
 * right after it returns. The handler must not rely on the interrupted
 * code's state: like a signal handler, it touches only what that code
 * cannot be in the middle of (volatile or atomic variables). NULL stops
 * upcalls. 0, or -EFAULT when the monitor refuses the entry, -ENOSYS
 * without the feature. tessera_wait_event() works as before, and returns
 * after the upcall of the event that woke it.
 *
 * tessera_upcall_mask() defers upcalls (a critical section of the
 * program's); tessera_upcall_unmask() ends that, and what came meanwhile
 * is delivered before it returns.
 */
int tessera_set_upcall(void (*handler)(void));
void tessera_upcall_mask(void);
void tessera_upcall_unmask(void);

/*
 * The locked bit operations on a port bitmap (event_pending or
 * event_mask) that the calls above use: port's old bit, 0 or 1, or
 * -EINVAL when port >= TESSERA_MAX_PORTS.
 */
int tessera_port_set(uint64_t *words, unsigned int port);
int tessera_port_clear(uint64_t *words, unsigned int port);
int tessera_port_test(const uint64_t *words, unsigned int port);

/*
 * Devices of a driver partition (public/start_info.h devices[], docs/
 * devices.md). Its I/O ports work with in/out, its MMIO windows are
 * mapped at devices[i].mmio[j].addr, and each of its interrupts arrives
 * as an event on devices[i].irqs[j].port, with the line masked from then
 * on: the partition quietens the device, then acknowledges.
 *
 * TESSERA_HC_IRQ_ACK: unmasks the line of the device interrupt whose
 * event port is `port`. 0, or -EINVAL when `port` is not one of this
 * partition's device interrupt ports.
 */
int tessera_irq_ack(unsigned int port);

/*
 * TESSERA_HC_PCI_CONFIG_READ and _WRITE on the PCI function of
 * start_info devices[device]: `size` bytes (1, 2 or 4) at `offset` (0 to
 * 255, a multiple of size). Read returns the value, zero-extended; write
 * returns 0 or -EPERM for a register the monitor keeps (only the command
 * register's memory, I/O, bus master and INTx-disable bits and the
 * status register's write-1-to-clear bits are the driver's). Both return
 * -EINVAL for a device, offset or size out of range, -ENODEV for a
 * device that is not PCI.
 */
long tessera_pci_config_read(unsigned int device, unsigned int offset,
			     unsigned int size);
long tessera_pci_config_write(unsigned int device, unsigned int offset,
			      unsigned int size, uint32_t value);

/*
 * TESSERA_HC_EXIT: ends the partition with `status`, at once. exit()
 * prints what printf() still holds first; this does not.
 */
_Noreturn void tessera_exit(int status);

#endif
