// SPDX-License-Identifier: MIT
/*
 * The machine against the board (see tessera/machine.h). Firmware memory
 * maps come unsorted, overlapping and with odd sizes, so nothing here
 * assumes an order: an address is usable when some available entry covers
 * it and no other entry does, and a range is walked stretch by stretch,
 * each stretch ending where some entry begins or ends.
 */

#include <stdbool.h>
#include <tessera/machine.h>
#include <tessera/printk.h>

/* The map's verdict on a stretch of addresses [start, end). */
struct machine_stretch {
	uint64_t end;
	bool available;				/* an available entry covers it */
	const struct memmap_entry *firmware;	/* first other entry covering it */
};

/* base + size, kept below 2^64 by entries that claim to reach past it */
static uint64_t machine_end(uint64_t base, uint64_t size)
{
	return size > UINT64_MAX - base ? UINT64_MAX : base + size;
}

static bool machine_usable(const struct machine_stretch *s)
{
	return s->available && !s->firmware;
}

/* The verdict at address a, and how far it holds (no further than limit). */
static struct machine_stretch machine_stretch_at(const struct memmap_entry *map,
						 size_t n, uint64_t a,
						 uint64_t limit)
{
	struct machine_stretch s = { limit, false, NULL };

	for (size_t i = 0; i < n; i++) {
		uint64_t base = map[i].base;
		uint64_t end = machine_end(base, map[i].size);

		if (a < base) {
			if (base < s.end)
				s.end = base;
			continue;
		}
		if (a >= end)
			continue;
		if (end < s.end)
			s.end = end;
		if (map[i].type == MEMMAP_AVAILABLE)
			s.available = true;
		else if (!s.firmware)
			s.firmware = &map[i];
	}
	return s;
}

static const char *machine_type_name(uint32_t type)
{
	switch (type) {
	case MEMMAP_RESERVED: return "reserved";
	case MEMMAP_ACPI_RECLAIMABLE: return "ACPI tables";
	case MEMMAP_ACPI_NVS: return "ACPI NVS";
	case MEMMAP_BAD: return "bad memory";
	default: return "unknown";
	}
}

static void machine_report(const char *what, uint64_t base, uint64_t end,
			   uint64_t from, const struct machine_stretch *s)
{
	const struct memmap_entry *fw = s->firmware;

	if (fw)
		printk("%s 0x%llx-0x%llx overlaps firmware memory 0x%llx-0x%llx (type %u, %s)",
		       what, (unsigned long long)base, (unsigned long long)end,
		       (unsigned long long)fw->base,
		       (unsigned long long)machine_end(fw->base, fw->size),
		       fw->type, machine_type_name(fw->type));
	else
		printk("%s 0x%llx-0x%llx is not usable RAM on this machine: 0x%llx-0x%llx missing",
		       what, (unsigned long long)base, (unsigned long long)end,
		       (unsigned long long)from, (unsigned long long)s->end);
}

/* One line for each stretch of [base, base + size) that is not usable RAM. */
static int machine_check_usable(const char *what, uint64_t base, uint64_t size,
				const struct memmap_entry *map, size_t n)
{
	uint64_t end = machine_end(base, size);
	int problems = 0;

	for (uint64_t a = base; a < end;) {
		struct machine_stretch s = machine_stretch_at(map, n, a, end);

		/* stretches with the same verdict make one line */
		while (s.end < end) {
			struct machine_stretch next =
				machine_stretch_at(map, n, s.end, end);

			if (next.available != s.available ||
			    next.firmware != s.firmware)
				break;
			s.end = next.end;
		}
		if (!machine_usable(&s)) {
			machine_report(what, base, end, a, &s);
			problems++;
		}
		a = s.end;
	}
	return problems;
}

/* The board's RAM ranges are sorted and disjoint, but may touch. */
static bool machine_in_board_ram(const struct tessera_tables *t, uint64_t base,
				 uint64_t end)
{
	for (uint32_t i = 0; i < t->nr_ram && base < end; i++) {
		uint64_t rbase = t->ram[i].base;
		uint64_t rend = machine_end(rbase, t->ram[i].size);

		if (base >= rbase && base < rend)
			base = rend;
	}
	return base >= end;
}

static int machine_check_reservation(const struct tessera_tables *t,
				     const char *what, const struct tt_range *r,
				     const struct memmap_entry *map, size_t n)
{
	uint64_t end = machine_end(r->base, r->size);

	if (!machine_in_board_ram(t, r->base, end)) {
		printk("%s 0x%llx-0x%llx is not inside the board's RAM", what,
		       (unsigned long long)r->base, (unsigned long long)end);
		return 1;
	}
	return machine_check_usable(what, r->base, r->size, map, n);
}

int machine_check_memory(const struct tessera_tables *t,
			 const struct memmap_entry *map, size_t n)
{
	int problems = 0;
	char what[64];

	for (uint32_t i = 0; i < t->nr_ram; i++)
		problems += machine_check_usable("board RAM", t->ram[i].base,
						 t->ram[i].size, map, n);

	problems += machine_check_reservation(t, "monitor", &t->monitor, map, n);
	for (uint32_t i = 0; i < t->nr_partitions; i++) {
		const struct tt_partition *p = &t->partitions[i];

		snprintf(what, sizeof(what), "partition %.*s memory",
			 TT_NAME_MAX, p->name);
		problems += machine_check_reservation(t, what, &p->mem, map, n);
	}
	for (uint32_t i = 0; i < t->nr_channels; i++) {
		const struct tt_channel *c = &t->channels[i];

		snprintf(what, sizeof(what), "channel %.*s memory",
			 TT_NAME_MAX, c->name);
		problems += machine_check_reservation(t, what, &c->mem, map, n);
	}
	return problems;
}

static bool machine_has_apic_id(const uint32_t *ids, size_t n, uint32_t id)
{
	for (size_t i = 0; i < n; i++) {
		if (ids[i] == id)
			return true;
	}
	return false;
}

static bool machine_board_has_apic_id(const struct tessera_tables *t,
				      uint32_t id)
{
	for (uint32_t i = 0; i < t->nr_cpus; i++) {
		if (t->cpus[i].apic_id == id)
			return true;
	}
	return false;
}

/* CPUs the board does not list are no problem, but worth one line. */
static void machine_report_extra_cpus(const struct tessera_tables *t,
				      const uint32_t *ids, size_t n)
{
	char list[64];		/* the line stays within CONSOLE_LINE_MAX */
	size_t len = 0, extra = 0;
	bool cut = false;

	for (size_t i = 0; i < n; i++) {
		size_t room = sizeof(list) - len;
		int w;

		if (machine_board_has_apic_id(t, ids[i]))
			continue;
		/* whole ids only: the list ends with " ..." where they stop fitting */
		if (!cut) {
			w = snprintf(list + len, room, "%s%u", extra ? " " : "",
				     ids[i]);
			cut = (size_t)w >= room;
			if (cut)
				list[len] = '\0';
			else
				len += (size_t)w;
		}
		extra++;
	}
	if (extra)
		printk("%zu cpus of this machine are not on the board, left off: APIC ids %s%s",
		       extra, list, cut ? " ..." : "");
}

int machine_check_cpus(const struct tessera_tables *t,
		       const uint32_t *apic_ids, size_t n)
{
	int problems = 0;

	for (uint32_t i = 0; i < t->nr_cpus; i++) {
		uint32_t id = t->cpus[i].apic_id;

		if (!machine_has_apic_id(apic_ids, n, id)) {
			printk("board cpu %u (APIC id %u) is not present on this machine",
			       i, id);
			problems++;
		}
	}
	machine_report_extra_cpus(t, apic_ids, n);
	return problems;
}
