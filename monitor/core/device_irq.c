// SPDX-License-Identifier: MIT
/*
 * Device interrupts as events (see tessera/device.h). Each interrupt of a
 * device given to a partition has a vector of its own, routed through
 * the IOAPIC to the CPU of the partition's vCPU 0. When it fires, its
 * line is masked before the EOI, edge- and level-triggered alike: one
 * event per acknowledgement, so a device that keeps interrupting costs
 * its driver's CPU one interrupt per TESSERA_HC_IRQ_ACK, and nobody else
 * anything. Lines are masked until their partition first runs, and again
 * from the moment it ends or restarts.
 */

#include <arch/vectors.h>
#include <drivers/ioapic.h>
#include <drivers/lapic.h>
#include <tessera/device.h>
#include <tessera/device_map.h>
#include <tessera/errno.h>
#include <tessera/event.h>
#include <tessera/partition.h>
#include <tessera/partition_slots.h>
#include <tessera/printk.h>

struct device_irq {
	const struct tt_device *dev;
	unsigned int partition;
	uint32_t line;			/* the device's IRQ, ISA or GSI */
	uint32_t gsi;
	uint16_t port;			/* the event port in its partition */
	bool masked;			/* fired, not acknowledged yet */
	uint64_t count;			/* times it fired */
};

static struct device_irq device_irqs[VECTOR_DEVICE_COUNT];
static unsigned int device_nr_irqs;

/* The partition has run since it (re)started: its lines may be open. */
static bool device_live[PARTITION_SLOTS];

/* The GSI of a device's IRQ j and its IOAPIC flags. */
static uint32_t device_irq_gsi(const struct tt_device *d, unsigned int j,
			       uint16_t *flags)
{
	if (d->flags & TESSERA_DEVICE_PCI) {
		*flags = IOAPIC_FLAGS_PCI;
		return d->irqs[j];
	}
	return ioapic_isa_gsi((uint8_t)d->irqs[j], flags);
}

/* A problem if another device's line has that GSI already. */
static int device_irq_shared(const struct device_irq *irq)
{
	for (unsigned int i = 0; i < device_nr_irqs; i++) {
		if (device_irqs[i].gsi != irq->gsi)
			continue;
		printk("%s and %s share gsi %u: a line has one owner",
		       device_irqs[i].dev->name, irq->dev->name, irq->gsi);
		return 1;
	}
	return 0;
}

/* IRQ j of d, owned by partition id, to its vector: problems printed. */
static int device_irq_add(const struct tt_device *d, unsigned int j,
			  unsigned int id, unsigned int port)
{
	const struct tt_partition *p = &tessera_tables.partitions[id];
	unsigned int cpu = tessera_tables.vcpus[p->first_vcpu].cpu;
	struct device_irq *irq = &device_irqs[device_nr_irqs];
	uint8_t vector = (uint8_t)(VECTOR_DEVICE_FIRST + device_nr_irqs);
	uint16_t flags;

	if (device_nr_irqs == VECTOR_DEVICE_COUNT) {
		printk("%s: irq %u: more device interrupts than vectors (%u)",
		       d->name, d->irqs[j], VECTOR_DEVICE_COUNT);
		return 1;
	}
	*irq = (struct device_irq){
		.dev = d, .partition = id, .line = d->irqs[j],
		.port = (uint16_t)port,
		.gsi = device_irq_gsi(d, j, &flags), .masked = true,
	};
	if (device_irq_shared(irq))
		return 1;
	if (ioapic_route(irq->gsi, vector, tessera_tables.cpus[cpu].apic_id,
			 flags)) {
		printk("%s: irq %u: no ioapic has gsi %u", d->name, d->irqs[j],
		       irq->gsi);
		return 1;
	}
	device_nr_irqs++;
	printk("%s: irq %u (gsi %u, vector 0x%x) to %s on cpu %u, port %u",
	       d->name, d->irqs[j], irq->gsi, vector, p->name, cpu, port);
	return 0;
}

int device_irqs_init(unsigned int id)
{
	const struct tt_device *devs[TESSERA_MAX_DEVICES];
	unsigned int n = device_list(&tessera_tables, id, devs);
	unsigned int port = device_first_port(&tessera_tables, id);
	int problems = 0;

	for (unsigned int i = 0; i < n; i++)
		for (unsigned int j = 0; j < device_res(devs[i]->nr_irqs); j++)
			problems += device_irq_add(devs[i], j, id, port++);
	return problems;
}

/* Masks or unmasks every line of partition id. */
static void device_irqs_mask(unsigned int id, bool masked)
{
	for (unsigned int i = 0; i < device_nr_irqs; i++) {
		struct device_irq *irq = &device_irqs[i];

		if (irq->partition != id)
			continue;
		irq->masked = masked;
		if (masked)
			ioapic_mask(irq->gsi);
		else
			ioapic_unmask(irq->gsi);
	}
}

void device_irqs_start(unsigned int id)
{
	if (device_live[id])
		return;
	device_live[id] = true;
	device_irqs_mask(id, false);
}

void device_irqs_stop(unsigned int id)
{
	device_live[id] = false;
	device_irqs_mask(id, true);
}

bool device_interrupt(uint64_t vector)
{
	uint64_t i = vector - VECTOR_DEVICE_FIRST;
	struct device_irq *irq;

	if (i >= VECTOR_DEVICE_COUNT)
		return false;
	if (i >= device_nr_irqs) {	/* a vector nothing was routed to */
		lapic_eoi();
		return true;
	}
	irq = &device_irqs[i];
	ioapic_mask(irq->gsi);	/* before the EOI: a level line is still high */
	irq->masked = true;
	irq->count++;
	lapic_eoi();
	event_send(irq->partition, irq->port);
	return true;
}

int64_t device_irq_ack(struct partition *p, uint64_t port)
{
	for (unsigned int i = 0; i < device_nr_irqs; i++) {
		struct device_irq *irq = &device_irqs[i];

		if (irq->partition != p->id || irq->port != port)
			continue;
		if (irq->masked && device_live[p->id]) {
			irq->masked = false;
			ioapic_unmask(irq->gsi);
		}
		return 0;
	}
	return -EINVAL;
}

void device_irqs_report(unsigned int id)
{
	for (unsigned int i = 0; i < device_nr_irqs; i++) {
		const struct device_irq *irq = &device_irqs[i];

		if (irq->partition == id)
			printk("%s: %s irq %u: %lu interrupts",
			       tessera_tables.partitions[id].name,
			       irq->dev->name, irq->line, irq->count);
	}
}
