/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_DEVICE_H
#define TESSERA_DEVICE_H

/*
 * Devices given to driver partitions (docs/devices.md): their PCI
 * functions checked and programmed at boot (monitor/core/device_pci.c),
 * their interrupts routed and delivered as events (device_irq.c), their
 * I/O ports opened in the TSS of the CPU that runs them (the
 * architecture's arch_ioport_load). Which devices a partition has, and
 * where, is tessera/device_map.h's.
 *
 * Everything of a partition's devices happens on the CPU of its vCPU 0
 * (the only vCPU ABI 1.x starts), with interrupts off: its interrupts are
 * routed there, its calls come from there, and it restarts and ends
 * there; only its first start is on the boot CPU, before any CPU runs a
 * partition. The PCI configuration mechanism and the IOAPICs alone are
 * shared between CPUs, each behind its driver's lock.
 */

#include <stdbool.h>
#include <stdint.h>

struct partition;
struct tt_device;
struct vcpu;

/*
 * At boot, before any partition is built: each PCI function given to a
 * partition checked against the board (vendor and device of its
 * "pciVVVV,DDDD" compatible, each BAR's kind and size), its BARs
 * programmed with decoding off, bus mastering and MSI/MSI-X off; each
 * device interrupt routed to a vector of its own on the CPU of its
 * partition's vCPU 0, masked. Returns how many problems it printed: a
 * machine that is not the board's.
 */
int devices_init(void);

/*
 * p's vCPU takes this CPU: p's I/O ports are opened in its TSS, and p's
 * interrupt lines unmasked if p has not run since it (re)started.
 */
void device_enter(struct partition *p);

/*
 * p ends or restarts: its PCI functions stop decoding and bus mastering
 * and its interrupt lines are masked, until it runs again, so that a
 * dead driver's device neither writes memory nor interrupts.
 */
void device_stop(struct partition *p);

/*
 * The interrupt with `vector` fired on this CPU. If it is a device's:
 * its line masked, the local APIC's EOI sent, its event delivered to its
 * owner (tessera/event.h), and true; else false.
 */
bool device_interrupt(uint64_t vector);

/* TESSERA_HC_IRQ_ACK from p: 0 or -EINVAL (public/hypercall.h). */
int64_t device_irq_ack(struct partition *p, uint64_t port);

/* TESSERA_HC_PCI_CONFIG_READ and _WRITE from p (public/hypercall.h). */
int64_t device_pci_read(struct partition *p, uint64_t device, uint64_t offset,
			uint64_t size);
int64_t device_pci_write(struct partition *p, uint64_t device,
			 uint64_t offset, uint64_t size, uint64_t value);

/* The same as hypercall.c's table takes them (device_call.c). */
int64_t device_call_irq_ack(struct vcpu *v, const uint64_t *args);
int64_t device_call_pci_read(struct vcpu *v, const uint64_t *args);
int64_t device_call_pci_write(struct vcpu *v, const uint64_t *args);

/* ---- between the parts: device.c, device_pci.c, device_irq.c ------- */

/* d checked against the board and programmed; problems printed. */
int device_pci_init(const struct tt_device *d);

/* d's decoding and bus mastering off. */
void device_pci_stop(const struct tt_device *d);

/* Partition id's device interrupts routed, masked; problems printed. */
int device_irqs_init(unsigned int id);

/* Its lines unmasked unless they are since it (re)started; masked. */
void device_irqs_start(unsigned int id);
void device_irqs_stop(unsigned int id);

/* A line per device interrupt of partition id: how often it fired. */
void device_irqs_report(unsigned int id);

/* ---- supplied by the architecture ---------------------------------- */

/*
 * This CPU's ring 3 gets p's I/O ports and no other: those of p's
 * devices opened in the TSS's I/O bitmap, every other one closed.
 */
void arch_ioport_load(const struct partition *p);

#endif
