// SPDX-License-Identifier: MIT
/*
 * Prints the domain tables that gen emitted, one fact a line, so that the
 * gen tests check the C data the monitor will link rather than the text
 * gen wrote. Built on the host with $(O)/gen/tables.c.
 */
#include <stdint.h>
#include <stdio.h>

#include <tessera/tables.h>

static void dump_range(const char *what, struct tt_range r)
{
	printf("%s %#llx %#llx\n", what, (unsigned long long)r.base,
	       (unsigned long long)r.size);
}

static void dump_net(const struct tessera_net_params *n)
{
	const uint8_t *m = n->mac;
	unsigned int r;

	printf("  mac %02x:%02x:%02x:%02x:%02x:%02x ip %u.%u.%u.%u/%u gateway %u.%u.%u.%u\n",
	       m[0], m[1], m[2], m[3], m[4], m[5], n->ip[0], n->ip[1], n->ip[2],
	       n->ip[3], n->prefix_len, n->gateway[0], n->gateway[1],
	       n->gateway[2], n->gateway[3]);
	for (r = 0; r < n->nr_rules; r++)
		printf("  rule action %u direction %u protocol %u ports %u-%u\n",
		       n->rules[r].action, n->rules[r].direction, n->rules[r].protocol,
		       n->rules[r].port_min, n->rules[r].port_max);
}

/* What a channel's kind adds; a ring's parameters are all zero. */
static void dump_params(const struct tt_channel *c)
{
	const union tessera_channel_params *p = &c->params;
	unsigned int k, zero = 1;

	if (c->kind == TESSERA_CHANNEL_NET)
		dump_net(&p->net);
	else if (c->kind == TESSERA_CHANNEL_BLOCK)
		printf("  sectors %#llx+%#llx read_only %u\n",
		       (unsigned long long)p->blk.start_sector,
		       (unsigned long long)p->blk.nr_sectors, p->blk.read_only);
	for (k = 0; k < sizeof(p->bytes); k++)
		zero &= !p->bytes[k];
	if (c->kind == TESSERA_CHANNEL_RING && !zero)
		printf("  params not zero\n");
}

int main(void)
{
	const struct tessera_tables *t = &tessera_tables;
	unsigned int i, k;

	printf("magic %#llx version %u size %s\n", (unsigned long long)t->magic,
	       t->version, t->size == sizeof(*t) ? "ok" : "wrong");
	printf("board %s system %s model %s\n", t->board, t->system, t->model);
	dump_range("monitor", t->monitor);
	printf("console %u debug_exit %u\n", t->console, t->debug_exit);
	for (i = 0; i < t->nr_ram; i++)
		dump_range("ram", t->ram[i]);
	for (i = 0; i < t->nr_reserved; i++)
		dump_range("reserved", t->reserved[i]);
	for (i = 0; i < t->nr_cpus; i++) {
		const struct tt_cpu *c = &t->cpus[i];

		printf("cpu %u apic %u dedicated_to %#x vcpus %u ppm %u\n", i,
		       c->apic_id, c->dedicated_to, c->nr_vcpus, c->utilisation_ppm);
		if (c->hyperperiod_us)
			printf("  hyperperiod %u windows %u+%u\n", c->hyperperiod_us,
			       c->first_window, c->nr_windows);
	}
	for (i = 0; i < t->nr_windows; i++)
		printf("window %u start %u length %u vcpu %u\n", i, t->windows[i].start_us,
		       t->windows[i].length_us, t->windows[i].vcpu);
	for (i = 0; i < t->nr_vcpus; i++)
		printf("vcpu %u partition %u index %u cpu %u budget %u period %u\n", i,
		       t->vcpus[i].partition, t->vcpus[i].index, t->vcpus[i].cpu,
		       t->vcpus[i].budget_us, t->vcpus[i].period_us);
	for (i = 0; i < t->nr_partitions; i++) {
		const struct tt_partition *p = &t->partitions[i];

		printf("partition %u [%s] [%s] [%s] vcpus %u+%u on_fault %u fixed %u\n",
		       i, p->name, p->program, p->bootargs, p->first_vcpu,
		       p->nr_vcpus, p->on_fault, p->mem_fixed);
		dump_range("  mem", p->mem);
	}
	for (i = 0; i < t->nr_channels; i++) {
		const struct tt_channel *c = &t->channels[i];

		printf("channel %u [%s] %u:%u -> %u:%u slots %u x %u kind %u\n", i, c->name,
		       c->frontend, c->frontend_port, c->backend, c->backend_port,
		       c->slots, c->slot_size, c->kind);
		dump_range("  mem", c->mem);
		dump_params(c);
	}
	for (i = 0; i < t->nr_devices; i++) {
		const struct tt_device *d = &t->devices[i];

		printf("device %u [%s] [%s] owner %#x", i, d->name, d->compatible, d->owner);
		if (d->flags || d->pci_bdf)
			printf(" flags %#x bdf %#x", d->flags, d->pci_bdf);
		for (k = 0; k < d->nr_ports; k++)
			printf(" port %#x+%u", d->ports[k].base, d->ports[k].count);
		for (k = 0; k < d->nr_mmio; k++)
			printf(" mmio %#llx+%#llx bar %#x", (unsigned long long)d->mmio[k].base,
			       (unsigned long long)d->mmio[k].size, d->mmio_bar[k]);
		for (k = 0; k < d->nr_irqs; k++)
			printf(" irq %u flags %#x", d->irqs[k], d->irq_flags[k]);
		printf("\n");
	}
	return 0;
}
