// SPDX-License-Identifier: MIT
/*
 * The domain tables as the monitor sees them (see tessera/tables_check.h):
 * tables_check before anything is built from them, tables_print for the
 * boot banner.
 */

#include <stdbool.h>
#include <stdint.h>
#include <tables.h>		/* generated: the TESSERA_NR_* built in */
#include <tessera/compiler.h>
#include <tessera/errno.h>
#include <tessera/printk.h>
#include <tessera/string.h>
#include <tessera/tables_check.h>

/* One line about a broken table; evaluates to 1, the problem counted. */
#define TABLES_BAD(fmt, ...) \
	(printk("domain tables: " fmt, ##__VA_ARGS__), 1)

/* For "%.*s": a name array printed without reading past its end. */
#define TABLES_STR(array)	(int)sizeof(array), (array)

#define TABLES_WHAT_MAX		64	/* "partition 65535 (<31 chars>)" */
#define TABLES_BAR_MAX		5	/* BAR0-BAR5 of a type 0 header */

static int tables_check_header(const struct tessera_tables *t)
{
	if (t->magic != TESSERA_TABLES_MAGIC)
		return TABLES_BAD("magic 0x%llx, not 0x%llx: these are no domain tables",
				  (unsigned long long)t->magic,
				  (unsigned long long)TESSERA_TABLES_MAGIC);
	if (t->version != TESSERA_TABLES_VERSION)
		return TABLES_BAD("version %u, but this monitor reads version %u",
				  t->version, TESSERA_TABLES_VERSION);
	if (t->size != sizeof(*t))
		return TABLES_BAD("size %u, but this monitor's are %zu bytes",
				  t->size, sizeof(*t));
	if (!t->board || !t->system || !t->model)
		return TABLES_BAD("board, system or model name missing");
	return 0;
}

/* The counts are the monitor's array bounds: nothing is read unless they agree. */
static int tables_check_counts(const struct tessera_tables *t)
{
	const struct {
		const char *what;
		uint32_t nr, built;
		const void *array;
	} counts[] = {
		{ "RAM ranges", t->nr_ram, TESSERA_NR_RAM, t->ram },
		{ "reserved ranges", t->nr_reserved, TESSERA_NR_RESERVED, t->reserved },
		{ "cpus", t->nr_cpus, TESSERA_NR_CPUS, t->cpus },
		{ "vcpus", t->nr_vcpus, TESSERA_NR_VCPUS, t->vcpus },
		{ "partitions", t->nr_partitions, TESSERA_NR_PARTITIONS, t->partitions },
		{ "channels", t->nr_channels, TESSERA_NR_CHANNELS, t->channels },
		{ "devices", t->nr_devices, TESSERA_NR_DEVICES, t->devices },
		{ "windows", t->nr_windows, TESSERA_NR_WINDOWS, t->windows },
	};
	int bad = 0;

	for (size_t i = 0; i < ARRAY_SIZE(counts); i++) {
		if (counts[i].nr != counts[i].built)
			bad += TABLES_BAD("%u %s, but the monitor was built for %u",
					  counts[i].nr, counts[i].what,
					  counts[i].built);
		else if (counts[i].nr && !counts[i].array)
			bad += TABLES_BAD("%u %s, but no array of them",
					  counts[i].nr, counts[i].what);
	}
	return bad;
}

static int tables_check_string(const char *what, const char *field,
			       const char *s, size_t size)
{
	if (strnlen(s, size) < size)
		return 0;
	return TABLES_BAD("%s: %s has no NUL in its %zu bytes", what, field,
			  size);
}

static int tables_check_range(const char *what, const struct tt_range *r)
{
	if (r->size && r->size <= UINT64_MAX - r->base)
		return 0;
	return TABLES_BAD("%s: memory 0x%llx size 0x%llx is empty or wraps",
			  what, (unsigned long long)r->base,
			  (unsigned long long)r->size);
}

static int tables_check_memory(const struct tessera_tables *t)
{
	int bad = t->nr_ram ? 0 : TABLES_BAD("no RAM");
	char what[TABLES_WHAT_MAX];

	for (uint32_t i = 0; i < t->nr_ram; i++) {
		const struct tt_range *r = &t->ram[i], *prev = r - 1;

		snprintf(what, sizeof(what), "RAM range %u", i);
		if (tables_check_range(what, r))
			bad++;
		else if (i && r->base < prev->base + prev->size)
			bad += TABLES_BAD("%s: 0x%llx is below the end of the one before, 0x%llx",
					  what, (unsigned long long)r->base,
					  (unsigned long long)(prev->base + prev->size));
	}
	for (uint32_t i = 0; i < t->nr_reserved; i++) {
		snprintf(what, sizeof(what), "reserved range %u", i);
		bad += tables_check_range(what, &t->reserved[i]);
	}
	return bad + tables_check_range("monitor", &t->monitor);
}

static int tables_check_cpus(const struct tessera_tables *t)
{
	int bad = t->nr_cpus ? 0 : TABLES_BAD("no cpus");

	for (uint32_t i = 0; i < t->nr_cpus; i++) {
		const struct tt_cpu *c = &t->cpus[i];

		if (c->dedicated_to != TT_NONE &&
		    c->dedicated_to >= t->nr_partitions)
			bad += TABLES_BAD("cpu %u: dedicated to partition %u of %u",
					  i, c->dedicated_to, t->nr_partitions);
		if (i && c->apic_id <= c[-1].apic_id)
			bad += TABLES_BAD("cpu %u: APIC id %u is not above cpu %u's, %u",
					  i, c->apic_id, i - 1, c[-1].apic_id);
	}
	return bad;
}

static int tables_check_vcpus(const struct tessera_tables *t)
{
	int bad = 0;

	for (uint32_t i = 0; i < t->nr_vcpus; i++) {
		const struct tt_vcpu *v = &t->vcpus[i];

		if (v->partition >= t->nr_partitions)
			bad += TABLES_BAD("vcpu %u: partition %u of %u", i,
					  v->partition, t->nr_partitions);
		if (v->cpu >= t->nr_cpus)
			bad += TABLES_BAD("vcpu %u: cpu %u of %u", i, v->cpu,
					  t->nr_cpus);
		/* both zero: a dedicated CPU; else a budget within its period */
		if (!v->budget_us != !v->period_us ||
		    v->budget_us > v->period_us)
			bad += TABLES_BAD("vcpu %u: budget %u us in a period of %u us",
					  i, v->budget_us, v->period_us);
		else if (v->budget_us && v->cpu < t->nr_cpus &&
			 !t->cpus[v->cpu].nr_windows)
			bad += TABLES_BAD("vcpu %u: budget %u us, but cpu %u has no schedule",
					  i, v->budget_us, v->cpu);
	}
	return bad;
}

static int tables_check_window(const struct tessera_tables *t, uint32_t cpu,
			       uint32_t i, uint64_t after)
{
	const struct tt_window *w = &t->windows[i];
	uint32_t hyperperiod = t->cpus[cpu].hyperperiod_us;
	int bad = 0;

	if (!w->length_us || (uint64_t)w->start_us + w->length_us > hyperperiod)
		bad += TABLES_BAD("window %u (cpu %u): %u us from %u us is empty or ends after the hyperperiod, %u us",
				  i, cpu, w->length_us, w->start_us, hyperperiod);
	else if (w->start_us < after)
		bad += TABLES_BAD("window %u (cpu %u): starts at %u us, before the end of the one before, %llu us",
				  i, cpu, w->start_us, (unsigned long long)after);
	if (w->vcpu >= t->nr_vcpus)
		bad += TABLES_BAD("window %u (cpu %u): vcpu %u of %u", i, cpu,
				  w->vcpu, t->nr_vcpus);
	else if (t->vcpus[w->vcpu].cpu != cpu)
		bad += TABLES_BAD("window %u (cpu %u): vcpu %u runs on cpu %u",
				  i, cpu, w->vcpu, t->vcpus[w->vcpu].cpu);
	return bad;
}

/*
 * A CPU's windows lie in windows[], run its own vCPUs, in order and apart,
 * within its hyperperiod; only a CPU shared by budget has them.
 */
static int tables_check_schedule(const struct tessera_tables *t, uint32_t i)
{
	const struct tt_cpu *c = &t->cpus[i];
	uint64_t end = (uint64_t)c->first_window + c->nr_windows, after = 0;
	int bad = 0;

	if (end > t->nr_windows)
		return TABLES_BAD("cpu %u: windows %u-%llu, of %u windows", i,
				  c->first_window, (unsigned long long)end,
				  t->nr_windows);
	if (!c->nr_windows != !c->hyperperiod_us)
		return TABLES_BAD("cpu %u: %u windows in a hyperperiod of %u us",
				  i, c->nr_windows, c->hyperperiod_us);
	if (c->nr_windows && c->dedicated_to != TT_NONE)
		bad += TABLES_BAD("cpu %u: dedicated to partition %u, but nr_windows is %u",
				  i, c->dedicated_to, c->nr_windows);
	for (uint32_t w = c->first_window; w < end; w++) {
		bad += tables_check_window(t, i, w, after);
		after = (uint64_t)t->windows[w].start_us + t->windows[w].length_us;
	}
	return bad;
}

static int tables_check_partition(const struct tessera_tables *t, uint32_t i)
{
	const struct tt_partition *p = &t->partitions[i];
	uint32_t end = (uint32_t)p->first_vcpu + p->nr_vcpus;
	char what[TABLES_WHAT_MAX];
	int bad = 0;

	snprintf(what, sizeof(what), "partition %u (%.*s)", i,
		 TABLES_STR(p->name));
	bad += tables_check_string(what, "name", p->name, sizeof(p->name));
	bad += tables_check_string(what, "program", p->program,
				   sizeof(p->program));
	bad += tables_check_string(what, "bootargs", p->bootargs,
				   sizeof(p->bootargs));
	bad += tables_check_range(what, &p->mem);
	if (p->on_fault > TT_ON_FAULT_HALT_SYSTEM)
		bad += TABLES_BAD("%s: on-fault %u is none of halt, restart, halt-system",
				  what, p->on_fault);
	if (!p->nr_vcpus || end > t->nr_vcpus)
		return bad + TABLES_BAD("%s: vcpus %u-%u, of %u vcpus", what,
					p->first_vcpu, end, t->nr_vcpus);
	for (uint32_t v = p->first_vcpu; v < end; v++) {
		if (t->vcpus[v].partition != i)
			bad += TABLES_BAD("%s: vcpu %u belongs to partition %u",
					  what, v, t->vcpus[v].partition);
	}
	return bad;
}

static bool tables_all_zero(const uint8_t *bytes, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (bytes[i])
			return false;
	return true;
}

static bool tables_fw_rule_ok(const struct tessera_fw_rule *r)
{
	bool ports = r->protocol == TESSERA_FW_TCP || r->protocol == TESSERA_FW_UDP;

	if (r->action > TESSERA_FW_ALLOW || r->direction > TESSERA_FW_OUT ||
	    r->reserved)
		return false;
	if (!ports && r->protocol != TESSERA_FW_ANY && r->protocol != TESSERA_FW_ICMP)
		return false;
	/* only TCP and UDP have ports: the others match all of them */
	if (!ports)
		return r->port_min == 0 && r->port_max == UINT16_MAX;
	return r->port_min <= r->port_max;
}

/* A virtual interface: a unicast MAC, a usable prefix, its rules in bounds. */
static int tables_check_net(const char *what, const struct tessera_net_params *n)
{
	int bad = 0;

	if ((n->mac[0] & 1) || tables_all_zero(n->mac, sizeof(n->mac)))
		bad += TABLES_BAD("%s: MAC %02x:%02x:%02x:%02x:%02x:%02x is not unicast",
				  what, n->mac[0], n->mac[1], n->mac[2],
				  n->mac[3], n->mac[4], n->mac[5]);
	if (n->prefix_len < 1 || n->prefix_len > 30)
		bad += TABLES_BAD("%s: prefix length %u, not 1 to 30", what,
				  n->prefix_len);
	if (n->nr_rules > TESSERA_NETIF_RULES_MAX)
		return bad + TABLES_BAD("%s: %u firewall rules, more than %u",
					what, n->nr_rules, TESSERA_NETIF_RULES_MAX);
	for (unsigned int r = 0; r < TESSERA_NETIF_RULES_MAX; r++) {
		const struct tessera_fw_rule *rule = &n->rules[r];
		bool ok = r < n->nr_rules ? tables_fw_rule_ok(rule) :
			tables_all_zero((const uint8_t *)rule, sizeof(*rule));

		if (!ok)
			bad += TABLES_BAD("%s: firewall rule %u is malformed",
					  what, r);
	}
	return bad;
}

/* A virtual block device: a non-empty extent that does not wrap. */
static int tables_check_blk(const char *what, const struct tessera_blk_params *b)
{
	if (b->nr_sectors && b->start_sector <= UINT64_MAX - b->nr_sectors &&
	    b->read_only <= 1 &&
	    tables_all_zero(b->reserved, sizeof(b->reserved)))
		return 0;
	return TABLES_BAD("%s: extent of %llu sectors from %llu (read-only %u) is empty, wraps or is malformed",
			  what, (unsigned long long)b->nr_sectors,
			  (unsigned long long)b->start_sector, b->read_only);
}

/* The ends map all of mem and lay their rings out in it: it must hold them. */
static int tables_check_bytes(const char *what, const struct tt_channel *c,
			      uint64_t bytes, size_t min_slot)
{
	int bad = 0;

	if (c->slot_size < min_slot)
		bad += TABLES_BAD("%s: slot size %u, less than the %zu its kind needs",
				  what, c->slot_size, min_slot);
	if (c->mem.size < bytes)
		bad += TABLES_BAD("%s: memory 0x%llx bytes, less than its rings' 0x%llx",
				  what, (unsigned long long)c->mem.size,
				  (unsigned long long)bytes);
	return bad;
}

/* What a channel's kind needs: room in its slots, bytes, parameters. */
static int tables_check_kind(const char *what, const struct tt_channel *c)
{
	uint64_t ring = TESSERA_RING_BYTES(c->slots, c->slot_size);
	const union tessera_channel_params *p = &c->params;

	switch (c->kind) {
	case TESSERA_CHANNEL_RING:
		return tables_check_bytes(what, c, ring, 0) +
			(tables_all_zero(p->bytes, sizeof(p->bytes)) ? 0 :
			 TABLES_BAD("%s: a ring with parameters", what));
	case TESSERA_CHANNEL_NET:
		return tables_check_bytes(what, c,
					  TESSERA_NETIF_BYTES(c->slots, c->slot_size),
					  TESSERA_NETIF_FRAME_MAX) +
			tables_check_net(what, &p->net);
	case TESSERA_CHANNEL_BLOCK:
		return tables_check_bytes(what, c, ring,
					  sizeof(struct tessera_blk_request) +
					  TESSERA_BLK_SECTOR) +
			tables_check_blk(what, &p->blk);
	}
	return TABLES_BAD("%s: kind %u is none of ring, net, block", what,
			  c->kind);
}

static int tables_check_channel(const struct tessera_tables *t, uint32_t i)
{
	const struct tt_channel *c = &t->channels[i];
	char what[TABLES_WHAT_MAX];
	int bad = 0;

	snprintf(what, sizeof(what), "channel %u (%.*s)", i,
		 TABLES_STR(c->name));
	bad += tables_check_string(what, "name", c->name, sizeof(c->name));
	bad += tables_check_range(what, &c->mem);
	if (c->frontend >= t->nr_partitions || c->backend >= t->nr_partitions ||
	    c->frontend == c->backend)
		bad += TABLES_BAD("%s: frontend %u and backend %u, of %u partitions",
				  what, c->frontend, c->backend,
				  t->nr_partitions);
	if (!c->slots || (c->slots & (c->slots - 1)))
		bad += TABLES_BAD("%s: %u slots, not a power of two", what,
				  c->slots);
	else if (c->slots > TESSERA_RING_SLOTS_MAX)
		bad += TABLES_BAD("%s: %u slots, more than %u", what, c->slots,
				  TESSERA_RING_SLOTS_MAX);
	if (!c->slot_size || c->slot_size % 8)
		bad += TABLES_BAD("%s: slot size %u, not a multiple of 8",
				  what, c->slot_size);
	/* the sizes are judged only when they are sane */
	return bad ? bad : tables_check_kind(what, c);
}

/*
 * A PCI function's windows are each one of its BARs, programmed to that
 * base at boot; any other device's windows are no BAR.
 */
static int tables_check_windows(const char *what, const struct tt_device *d)
{
	bool pci = d->flags & TESSERA_DEVICE_PCI;
	int bad = 0;

	for (unsigned int j = 0; j < d->nr_mmio; j++) {
		uint8_t bar = d->mmio_bar[j];

		bad += tables_check_range(what, &d->mmio[j]);
		if (pci ? bar > TABLES_BAR_MAX : bar != TESSERA_NO_BAR)
			bad += TABLES_BAD("%s: MMIO window %u is BAR 0x%x, %s",
					  what, j, bar, pci ?
					  "not one of BAR0-BAR5 of a PCI function" :
					  "but the device is not PCI");
	}
	return bad;
}

static int tables_check_irqs(const char *what, const struct tt_device *d)
{
	int bad = 0;

	for (unsigned int k = 0; k < d->nr_irqs; k++)
		if (d->irq_flags[k] & ~TESSERA_IRQ_LEVEL)
			bad += TABLES_BAD("%s: IRQ %u flags 0x%x has unknown bits",
					  what, d->irqs[k], d->irq_flags[k]);
	return bad;
}

static int tables_check_device(const struct tessera_tables *t, uint32_t i)
{
	const struct tt_device *d = &t->devices[i];
	char what[TABLES_WHAT_MAX];
	int bad = 0;

	snprintf(what, sizeof(what), "device %u (%.*s)", i,
		 TABLES_STR(d->name));
	bad += tables_check_string(what, "name", d->name, sizeof(d->name));
	bad += tables_check_string(what, "compatible", d->compatible,
				   sizeof(d->compatible));
	if (d->owner != TT_MONITOR && d->owner != TT_NONE &&
	    d->owner >= t->nr_partitions)
		bad += TABLES_BAD("%s: owner %u, of %u partitions", what,
				  d->owner, t->nr_partitions);
	if (d->flags & ~TESSERA_DEVICE_PCI)
		bad += TABLES_BAD("%s: flags 0x%x has unknown bits", what,
				  d->flags);
	if (d->nr_ports > TT_DEVICE_RES_MAX || d->nr_mmio > TT_DEVICE_RES_MAX ||
	    d->nr_irqs > TT_DEVICE_RES_MAX)
		return bad + TABLES_BAD("%s: %u ports, %u MMIO windows, %u IRQs; at most %u each",
					what, d->nr_ports, d->nr_mmio,
					d->nr_irqs, TT_DEVICE_RES_MAX);
	return bad + tables_check_windows(what, d) + tables_check_irqs(what, d);
}

static int tables_check_device_index(const struct tessera_tables *t,
				     const char *what, uint16_t index)
{
	if (index == TT_NONE || index < t->nr_devices)
		return 0;
	return TABLES_BAD("%s: device %u, of %u devices", what, index,
			  t->nr_devices);
}

int tables_check(const struct tessera_tables *t)
{
	int bad = tables_check_header(t);

	/* a wrong layout or count makes every further read a guess */
	if (bad || tables_check_counts(t))
		return -EINVAL;

	bad += tables_check_memory(t);
	bad += tables_check_cpus(t);
	bad += tables_check_vcpus(t);
	for (uint32_t i = 0; i < t->nr_cpus; i++)
		bad += tables_check_schedule(t, i);
	for (uint32_t i = 0; i < t->nr_partitions; i++)
		bad += tables_check_partition(t, i);
	for (uint32_t i = 0; i < t->nr_channels; i++)
		bad += tables_check_channel(t, i);
	for (uint32_t i = 0; i < t->nr_devices; i++)
		bad += tables_check_device(t, i);
	bad += tables_check_device_index(t, "console", t->console);
	bad += tables_check_device_index(t, "debug exit", t->debug_exit);
	return bad ? -EINVAL : 0;
}

/* ---- the banner ---------------------------------------------------------- */

#define TABLES_COLS	6
#define TABLES_CELL	48

/*
 * Aligned columns in two passes over the same rows: the first measures
 * each column, the second prints, each cell padded to its column's width.
 */
struct tables_columns {
	unsigned int n;
	size_t width[TABLES_COLS];
	bool print;
};

static void tables_row(struct tables_columns *c, const char *const cell[])
{
	char line[TABLES_COLS * (TABLES_CELL + 2)];
	size_t len = 0;

	for (unsigned int i = 0; i < c->n; i++) {
		size_t w = strlen(cell[i]);

		if (!c->print) {
			if (w > c->width[i])
				c->width[i] = w;
			continue;
		}
		if (len < sizeof(line))
			len += (size_t)snprintf(line + len, sizeof(line) - len,
						"  %-*s", (int)c->width[i],
						cell[i]);
	}
	if (!c->print)
		return;
	if (len >= sizeof(line))
		len = sizeof(line) - 1;		/* cut, as snprintf did */
	while (len && line[len - 1] == ' ')
		len--;
	printk("%.*s", (int)len, line);
}

typedef void (*tables_rows_fn)(const struct tessera_tables *t,
			       struct tables_columns *c);

/* "<title>:" and the table, or "no <title>". */
static void tables_print_columns(const struct tessera_tables *t,
				 const char *title, uint32_t nr,
				 const char *const head[], unsigned int n,
				 tables_rows_fn rows)
{
	struct tables_columns c = { .n = n };

	if (!nr) {
		printk("no %s", title);
		return;
	}
	printk("%s:", title);
	tables_row(&c, head);
	rows(t, &c);
	c.print = true;
	tables_row(&c, head);
	rows(t, &c);
}

/* "4 MiB", "8 KiB", "512 B": the largest unit that divides exactly. */
static void tables_size(char *buf, size_t n, uint64_t size)
{
	static const char *const units[] = { "B", "KiB", "MiB", "GiB", "TiB" };
	unsigned int u = 0;

	while (u + 1 < ARRAY_SIZE(units) && size && !(size & 1023)) {
		size >>= 10;
		u++;
	}
	snprintf(buf, n, "%llu %s", (unsigned long long)size, units[u]);
}

static void tables_range(char *buf, size_t n, const struct tt_range *r)
{
	snprintf(buf, n, "0x%llx-0x%llx", (unsigned long long)r->base,
		 (unsigned long long)(r->base + r->size));
}

static const char *tables_partition_name(const struct tessera_tables *t,
					 uint16_t i)
{
	if (i == TT_MONITOR)
		return "monitor";
	return i < t->nr_partitions ? t->partitions[i].name : "-";
}

static const char *tables_on_fault(uint8_t on_fault)
{
	static const char *const names[] = {
		[TT_ON_FAULT_HALT] = "halt",
		[TT_ON_FAULT_RESTART] = "restart",
		[TT_ON_FAULT_HALT_SYSTEM] = "halt-system",
	};

	return on_fault < ARRAY_SIZE(names) ? names[on_fault] : "?";
}

static const char *tables_kind(uint8_t kind)
{
	static const char *const names[] = {
		[TESSERA_CHANNEL_RING] = "ring",
		[TESSERA_CHANNEL_NET] = "vif",
		[TESSERA_CHANNEL_BLOCK] = "vbd",
	};

	return kind < ARRAY_SIZE(names) ? names[kind] : "?";
}

/* A partition's first line carries its columns; each further vCPU gets a line. */
static void tables_partition_rows(const struct tessera_tables *t,
				  struct tables_columns *c)
{
	for (uint32_t i = 0; i < t->nr_partitions; i++) {
		const struct tt_partition *p = &t->partitions[i];
		char mem[TABLES_CELL], size[TABLES_CELL], vcpu[TABLES_CELL];
		const char *cell[] = { p->name, p->program, mem, size,
				       tables_on_fault(p->on_fault), vcpu };

		tables_range(mem, sizeof(mem), &p->mem);
		tables_size(size, sizeof(size), p->mem.size);
		for (uint32_t k = 0; k < p->nr_vcpus; k++) {
			const struct tt_vcpu *v = &t->vcpus[p->first_vcpu + k];

			if (v->budget_us)
				snprintf(vcpu, sizeof(vcpu), "cpu%u %u/%u us",
					 v->cpu, v->budget_us, v->period_us);
			else
				snprintf(vcpu, sizeof(vcpu), "cpu%u dedicated",
					 v->cpu);
			tables_row(c, cell);
			for (unsigned int col = 0; col < ARRAY_SIZE(cell) - 1; col++)
				cell[col] = "";
		}
	}
}

static void tables_channel_rows(const struct tessera_tables *t,
				struct tables_columns *c)
{
	for (uint32_t i = 0; i < t->nr_channels; i++) {
		const struct tt_channel *ch = &t->channels[i];
		char ends[2 * TT_NAME_MAX + 4], slots[TABLES_CELL];
		char mem[TABLES_CELL], size[TABLES_CELL];
		const char *const cell[] = { ch->name, tables_kind(ch->kind), ends,
					     slots, mem, size };

		snprintf(ends, sizeof(ends), "%s -> %s",
			 tables_partition_name(t, ch->frontend),
			 tables_partition_name(t, ch->backend));
		snprintf(slots, sizeof(slots), "%u x %u B", ch->slots,
			 ch->slot_size);
		tables_range(mem, sizeof(mem), &ch->mem);
		tables_size(size, sizeof(size), ch->mem.size);
		tables_row(c, cell);
	}
}

/* What each CPU runs: nothing, one partition, or a schedule of windows. */
static void tables_cpu_rows(const struct tessera_tables *t,
			    struct tables_columns *c)
{
	for (uint32_t i = 0; i < t->nr_cpus; i++) {
		const struct tt_cpu *cpu = &t->cpus[i];
		char name[TABLES_CELL], apic[TABLES_CELL], runs[TABLES_CELL];
		const char *const cell[] = { name, apic, runs };

		snprintf(name, sizeof(name), "cpu%u", i);
		snprintf(apic, sizeof(apic), "%u", cpu->apic_id);
		if (cpu->dedicated_to != TT_NONE)
			snprintf(runs, sizeof(runs), "dedicated to %s",
				 tables_partition_name(t, cpu->dedicated_to));
		else if (cpu->nr_windows)
			snprintf(runs, sizeof(runs), "%u window%s every %u us",
				 cpu->nr_windows, cpu->nr_windows == 1 ? "" : "s",
				 cpu->hyperperiod_us);
		else
			snprintf(runs, sizeof(runs), "idle");
		tables_row(c, cell);
	}
}

static void tables_device_rows(const struct tessera_tables *t,
			       struct tables_columns *c)
{
	for (uint32_t i = 0; i < t->nr_devices; i++) {
		const struct tt_device *d = &t->devices[i];
		char pci[TABLES_CELL] = "-";
		const char *const cell[] = {
			d->name, d->compatible, tables_partition_name(t, d->owner),
			pci,
		};

		if (d->flags & TESSERA_DEVICE_PCI)
			snprintf(pci, sizeof(pci), "%02x:%02x.%x", d->pci_bdf >> 8,
				 (d->pci_bdf >> 3) & 0x1f, d->pci_bdf & 7);
		tables_row(c, cell);
	}
}

void tables_print(const struct tessera_tables *t)
{
	static const char *const partition_head[] = {
		"partition", "program", "memory", "size", "on-fault", "vcpus",
	};
	static const char *const channel_head[] = {
		"channel", "kind", "frontend -> backend", "slots", "memory", "size",
	};
	static const char *const device_head[] = {
		"device", "compatible", "owner", "pci",
	};
	static const char *const cpu_head[] = {
		"cpu", "apic id", "runs",
	};
	char mem[TABLES_CELL], size[TABLES_CELL];

	BUILD_BUG_ON(ARRAY_SIZE(partition_head) > TABLES_COLS);
	BUILD_BUG_ON(ARRAY_SIZE(channel_head) > TABLES_COLS);
	BUILD_BUG_ON(ARRAY_SIZE(device_head) > TABLES_COLS);
	BUILD_BUG_ON(ARRAY_SIZE(cpu_head) > TABLES_COLS);

	tables_range(mem, sizeof(mem), &t->monitor);
	tables_size(size, sizeof(size), t->monitor.size);
	printk("monitor memory %s (%s)", mem, size);
	tables_print_columns(t, "cpus", t->nr_cpus, cpu_head,
			     ARRAY_SIZE(cpu_head), tables_cpu_rows);
	tables_print_columns(t, "partitions", t->nr_partitions, partition_head,
			     ARRAY_SIZE(partition_head), tables_partition_rows);
	tables_print_columns(t, "channels", t->nr_channels, channel_head,
			     ARRAY_SIZE(channel_head), tables_channel_rows);
	tables_print_columns(t, "devices", t->nr_devices, device_head,
			     ARRAY_SIZE(device_head), tables_device_rows);
}
