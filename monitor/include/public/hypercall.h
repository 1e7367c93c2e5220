/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_PUBLIC_HYPERCALL_H
#define TESSERA_PUBLIC_HYPERCALL_H

/*
 * Hypercalls: how a partition asks the monitor for something.
 *
 * The convention is Linux's for system calls on x86_64, so that readers,
 * debuggers and tracers already know it:
 *
 *   syscall                 executed in ring 3
 *   rax                     the call number, TESSERA_HC_*
 *   rdi rsi rdx r10 r8 r9   arguments 0 to 5 (r10, not rcx: syscall
 *                           writes the return address to rcx)
 *   rax                     on return: the result, >= 0, or an error of
 *                           public/errno.h negated (-EFAULT)
 *   rcx r11                 clobbered (syscall saves rip and rflags there)
 *   rflags                  the arithmetic flags are undefined; IF and DF
 *                           are as they were (DF clear, as the C ABI wants)
 *
 * Every other register, rsp included, and the whole x87/SSE/AVX state are
 * preserved. An argument is 64 bits unless a call says otherwise; one a
 * call does not take is ignored. Pointers are virtual addresses of the
 * partition's address space (public/layout.h), sizes are in bytes.
 *
 * Nothing a partition passes is trusted. The monitor checks every pointer
 * and length against the caller's own memory before it reads or writes a
 * byte (-EFAULT) and every index against its bound (-EINVAL). A number
 * that is not a call of this monitor returns -ENOSYS whatever the
 * arguments. No hypercall faults its caller, and none can stop, slow
 * beyond its own CPU time or read another partition.
 *
 * Numbers are grouped by what they serve; a group's unused numbers are
 * reserved for it and return -ENOSYS until a later ABI minor defines them:
 *
 *   0x00-0x0f  core: version, console, yield, exit
 *   0x10-0x1f  time (TESSERA_FEATURE_TIMER): sleep until a system time;
 *              with TESSERA_FEATURE_EVENTS, block until an event (0x10)
 *   0x20-0x2f  events (TESSERA_FEATURE_EVENTS): notify a port (0x20); with
 *              TESSERA_FEATURE_UPCALLS, set the upcall handler (0x21) and
 *              return from an upcall (0x22). Masking, unmasking and
 *              clearing are the partition's own bit operations on its
 *              shared-info page (public/shared_info.h), no call
 *   0x30-0x3f  devices (TESSERA_FEATURE_DEVICES): acknowledge a device
 *              interrupt, so that its line is unmasked again
 *   0x40-      never used: TESSERA_HC_MAX sizes the monitor's table
 */

/*
 * TESSERA_HC_VERSION(query)
 *   IN  rdi  query: TESSERA_VERSION_ABI or TESSERA_VERSION_FEATURES
 *   OUT rax  for TESSERA_VERSION_ABI, the ABI version the monitor
 *            implements (TESSERA_ABI_VERSION of its public/version.h);
 *            for TESSERA_VERSION_FEATURES, its TESSERA_FEATURE_* bits
 *   Errors:  -EINVAL  any other query
 *
 * Both values are in the start-info page as well; the call answers code
 * that does not read it (a test, a loader of its own).
 */
#define TESSERA_HC_VERSION		0x00
#define TESSERA_VERSION_ABI		0
#define TESSERA_VERSION_FEATURES	1

/*
 * TESSERA_HC_CONSOLE_WRITE(buf, len)
 *   IN  rdi  buf: the bytes, in the caller's memory
 *   IN  rsi  len: how many, 0 to TESSERA_CONSOLE_WRITE_MAX
 *   OUT rax  len
 *   Errors:  -EFAULT  [buf, buf + len) is not inside the caller's memory
 *                     [TESSERA_MEM_BASE, TESSERA_MEM_BASE + mem_size), or
 *                     wraps; the info pages, rings and MMIO do not count
 *            -E2BIG   len > TESSERA_CONSOLE_WRITE_MAX, checked first: a
 *                     length that is too long is -E2BIG wherever buf is
 *   Nothing is printed when an error is returned; len 0 reads nothing.
 *
 * Appends the bytes to the partition's console stream. The monitor prints
 * the stream one line at a time as "[<partition name>] <text>", each line
 * whole, never interleaved with another partition's or the monitor's. A
 * line ends at '\n', which is not part of its text. A line of more than
 * TESSERA_CONSOLE_LINE_MAX bytes is split: the first
 * TESSERA_CONSOLE_LINE_MAX bytes are printed as a line and the rest
 * continues on the next, under the same prefix (a line of exactly
 * TESSERA_CONSOLE_LINE_MAX bytes and its '\n' is one line, not two). A line
 * may be built by several calls; the monitor keeps the unfinished one and
 * prints it when the partition ends, before the line that says so. Bytes
 * other than printable ASCII and tab are printed as '?', so that a
 * partition cannot move the terminal's cursor or forge a monitor line.
 * A partition that writes faster than the console drains loses the excess
 * once its bounded buffer is full; the monitor counts the loss and reports
 * it on the console, and the others keep printing.
 */
#define TESSERA_HC_CONSOLE_WRITE	0x01
#define TESSERA_CONSOLE_LINE_MAX	160	/* bytes of text per line */
#define TESSERA_CONSOLE_WRITE_MAX	4096	/* bytes per call */

/*
 * TESSERA_HC_YIELD()
 *   OUT rax  0
 *   Errors:  none
 *
 * Gives up the rest of the vCPU's window: the CPU idles until the next
 * window boundary, or, built with CONFIG_SCHED_SLACK, runs the CPU's
 * other runnable vCPUs as slack meanwhile. The vCPU runs again in its
 * next window. On a dedicated CPU, where no other vCPU waits, it returns
 * at once. The vCPU's reservation is not lost, only the time it left
 * unused.
 */
#define TESSERA_HC_YIELD		0x02

/*
 * TESSERA_HC_EXIT(status)
 *   IN  edi  status: the low 32 bits of rdi, a signed int (main's return)
 *   Does not return.
 *
 * Ends the partition, every vCPU of it. The monitor prints what is left of
 * the partition's console line, then
 * "[tessera] <partition>: exited with status <status>", and gives the
 * partition's CPU time to the others. The system ends with status 0 only
 * when every partition exited with status 0 and none faulted.
 */
#define TESSERA_HC_EXIT			0x03

/*
 * TESSERA_HC_SLEEP_UNTIL(deadline)			(TESSERA_FEATURE_TIMER)
 *   IN  rdi  deadline: a system time, ns since T0 (public/shared_info.h,
 *            tessera_now_ns())
 *   OUT rax  0, once the system time has reached deadline
 *   Errors:  none; every deadline is valid
 *
 * Blocks the calling vCPU, a one-shot timer, until the system time
 * reaches deadline. A blocked vCPU takes no CPU time: its window goes to
 * the idle loop, or to the CPU's other vCPUs as slack where the monitor
 * was built with CONFIG_SCHED_SLACK. It wakes at the first timer
 * interrupt of its CPU at or after the deadline (the monitor arms its
 * timer for the earlier of the next window boundary and the earliest
 * deadline), and runs from there when that is inside one of its windows,
 * else at the start of its next one: so it may return later than the
 * deadline, never earlier. A deadline that has passed returns at once,
 * without giving up the CPU. A deadline that the system time does not
 * reach before the partition ends (UINT64_MAX, say) sleeps until then.
 * (Added in ABI 1.1.)
 */
#define TESSERA_HC_SLEEP_UNTIL		0x11

/*
 * TESSERA_HC_BLOCK(deadline)				(TESSERA_FEATURE_EVENTS)
 *   IN  rdi  deadline: a system time, as TESSERA_HC_SLEEP_UNTIL's;
 *            UINT64_MAX waits for an event only
 *   OUT rax  0, once an unmasked event is pending
 *   Errors:  none; every deadline is valid
 *
 * Returns at once, without giving up the CPU, when any port of the
 * partition is pending and not masked in its shared-info page
 * (public/shared_info.h); else blocks the calling vCPU, which takes no
 * CPU time, as TESSERA_HC_SLEEP_UNTIL does, until a port becomes pending
 * and unmasked (TESSERA_HC_NOTIFY from a peer) or the system time reaches
 * deadline, which sets TESSERA_PORT_TIMER's pending bit: the one-shot
 * timer arrives as an event. A vCPU woken this way runs again inside its
 * own windows only. The monitor reads the bitmaps, never trusts them: a
 * partition that writes them only wakes itself early or late.
 * (Added in ABI 1.3.)
 */
#define TESSERA_HC_BLOCK		0x10

/*
 * TESSERA_HC_NOTIFY(port)				(TESSERA_FEATURE_EVENTS)
 *   IN  rdi  port: this partition's event port of one of its channel
 *            ends (struct tessera_channel's port in its start-info page)
 *   OUT rax  0
 *   Errors:  -EINVAL  port is not the port of one of the caller's own
 *                     channel ends (any other 64-bit value)
 *
 * Sets the pending bit of the other end's port of that channel in the
 * other partition's shared-info page (a locked OR) and, when its vCPU 0
 * is blocked in TESSERA_HC_BLOCK, wakes it: on another CPU, with an
 * interrupt there, so that it runs at once if that CPU is in one of its
 * windows. An event to a partition that has ended or is restarting is
 * dropped, counted in the monitor's summary, and still returns 0: the
 * sender cannot tell, and is not disturbed by, the peer's state. Events
 * do not queue: a port is pending or not, however often it was notified.
 * (Added in ABI 1.3.)
 */
#define TESSERA_HC_NOTIFY		0x20

/*
 * TESSERA_HC_SET_UPCALL(handler)			(TESSERA_FEATURE_UPCALLS)
 *   IN  rdi  handler: the address of the partition's upcall entry, in
 *            one of its executable (text) segments; 0 disables upcalls
 *   OUT rax  0
 *   Errors:  -EFAULT  handler is neither 0 nor inside the text
 *
 * Events as upcalls, as Xen's event callback: whenever a port of the
 * partition becomes pending and is not masked, the monitor sets
 * upcall_pending of vCPU 0 in the shared-info page (with or without a
 * handler). When it next returns to vCPU 0 in ring 3 (at once if the
 * vCPU runs on another CPU: it is interrupted; else at its next entry
 * to the monitor or its next window) and finds upcall_pending set,
 * upcall_mask clear and a handler, it delivers an upcall: it writes a
 * struct tessera_upcall_frame below the interrupted stack pointer, at a
 * 16-byte aligned address, sets upcall_mask, and enters the handler with rsp at the frame,
 * rflags 0x202 (DF, TF and AC clear) and every other register as it
 * was. The frame must lie in memory the partition may write (inside
 * its memory, out of its text and read-only data): if it does not, the
 * partition faults (#SS, addr the interrupted rsp) as for any fault of
 * its own, and its on-fault policy applies. The handler runs on the
 * partition's stack (programs are built without a red zone for this),
 * clears upcall_pending before it looks at event_pending, and ends with
 * TESSERA_HC_UPCALL_RETURN. (Added in ABI 1.4.)
 */
#define TESSERA_HC_SET_UPCALL		0x21

/*
 * TESSERA_HC_UPCALL_RETURN(frame)			(TESSERA_FEATURE_UPCALLS)
 *   IN  rdi  frame: the struct tessera_upcall_frame of the upcall
 *   Does not return to its caller: the vCPU resumes the interrupted code
 *   with the frame's registers, rip, rsp and rflags (IOPL and IF are the
 *   monitor's), and upcall_mask is cleared in the same step.
 *   Errors:  -EFAULT  the frame is not inside the caller's memory; the
 *                     call then returns like any other
 *
 * As Xen's HYPERVISOR_iret: unmasking and returning at once, so that an
 * event that came while the handler ran is delivered by a new upcall on
 * the interrupted stack, never by one nested in the handler's return.
 * The frame is the partition's: it may change any field, which only
 * changes where it resumes (a rip beyond its space faults it).
 * (Added in ABI 1.4.)
 */
#define TESSERA_HC_UPCALL_RETURN	0x22

/*
 * The frame of an upcall, at the handler's rsp, lowest address first:
 * the interrupted code's caller-saved registers (the System V ABI's),
 * then its rflags, rip and rsp. The handler's own registers are the
 * interrupted code's callee-saved ones, and the x87/SSE state is the
 * interrupted code's: the handler saves what it changes of it
 * (partitions/lib/upcall.c saves it whole with fxsave).
 */
#define TESSERA_UPCALL_FRAME_SIZE	96

#ifndef __ASSEMBLY__
#include <stdint.h>

struct tessera_upcall_frame {
	uint64_t rax, rcx, rdx, rsi, rdi, r8, r9, r10, r11;
	uint64_t rflags;
	uint64_t rip;
	uint64_t rsp;
};

_Static_assert(sizeof(struct tessera_upcall_frame) ==
	       TESSERA_UPCALL_FRAME_SIZE, "upcall frame size");
#endif

/*
 * TESSERA_HC_IRQ_ACK(port)				(TESSERA_FEATURE_DEVICES)
 *   IN  rdi  port: the event port of one of the caller's device
 *            interrupts (struct tessera_irq_info's port)
 *   OUT rax  0
 *   Errors:  -EINVAL  port is not one of the caller's device IRQ ports
 *
 * Unmasks the interrupt line, which the monitor masked when it fired and
 * made the port pending. The partition first quietens the device (reads
 * its interrupt status, say); a level-triggered line that is still
 * asserted fires again at once. Acknowledging a line that is not masked
 * does nothing. (Added in ABI 1.4.)
 */
#define TESSERA_HC_IRQ_ACK		0x30

/*
 * TESSERA_HC_PCI_CONFIG_READ(device, offset, size)	(TESSERA_FEATURE_DEVICES)
 *   IN  rdi  device: an index into the caller's start_info.devices[],
 *            one with TESSERA_DEVICE_PCI
 *   IN  rsi  offset: into the function's configuration space, 0 to 255
 *   IN  rdx  size: 1, 2 or 4, and offset a multiple of it
 *   OUT rax  the value read, zero-extended
 *   Errors:  -EINVAL  device, offset or size out of range or misaligned
 *            -ENODEV  the device is not a PCI function
 *
 * Reads the configuration space of the caller's own PCI function; the
 * monitor owns the configuration mechanism (ports 0xcf8-0xcff), so a
 * partition reaches no other function. (Added in ABI 1.4.)
 */
#define TESSERA_HC_PCI_CONFIG_READ	0x31

/*
 * TESSERA_HC_PCI_CONFIG_WRITE(device, offset, size, value)
 *							(TESSERA_FEATURE_DEVICES)
 *   IN  rdi, rsi, rdx  as TESSERA_HC_PCI_CONFIG_READ
 *   IN  r10  value: its low `size` bytes are written
 *   OUT rax  0
 *   Errors:  as TESSERA_HC_PCI_CONFIG_READ, and
 *            -EPERM   a write outside what a driver may change
 *
 * Writes are filtered by an allow-list: the command register (offset 4,
 * 2 bytes), where only bus master and INTx disable change (the other
 * bits keep the monitor's values: memory and I/O decoding are on from
 * boot, for the windows and ports the board gives the function), and the
 * status register's write-1-to-clear bits (offset 6). Everything else,
 * BARs, the expansion ROM, the interrupt line, MSI and MSI-X capabilities
 * above all, is the monitor's and returns -EPERM, so that a driver
 * partition cannot move its device's windows over another's memory or
 * make it raise interrupts elsewhere.
 * (Added in ABI 1.4.)
 */
#define TESSERA_HC_PCI_CONFIG_WRITE	0x32

#define TESSERA_HC_MAX			0x40

#endif
