// SPDX-License-Identifier: MIT
/*
 * Just enough ACPI to find the CPUs, the interrupt controllers and the
 * IOMMUs (see tessera/acpi.h). The tables come from firmware, outside the monitor's
 * control: no field is read before the bytes under it are known to be
 * mapped and inside the table, and no table is believed before its
 * checksum is.
 */

#include <stdbool.h>
#include <tessera/acpi.h>
#include <tessera/compiler.h>
#include <tessera/errno.h>
#include <tessera/string.h>

/* Where the RSDP may be (ACPI 6.5, 5.2.5.1), on 16-byte boundaries. */
#define ACPI_EBDA_SEGMENT	0x40e	/* BDA word: the EBDA's real-mode segment */
#define ACPI_EBDA_SCAN		1024
#define ACPI_BIOS_BASE		0xe0000
#define ACPI_BIOS_SIZE		0x20000
#define ACPI_RSDP_ALIGN		16

struct acpi_rsdp {
	char signature[8];		/* "RSD PTR " */
	uint8_t checksum;		/* of the first 20 bytes (ACPI 1.0) */
	char oem_id[6];
	uint8_t revision;		/* >= 2: the fields below exist */
	uint32_t rsdt_address;
	uint32_t length;		/* of the whole RSDP */
	uint64_t xsdt_address;
	uint8_t extended_checksum;	/* of `length` bytes */
	uint8_t reserved[3];
} __packed;

#define ACPI_RSDP_V1_SIZE	20

struct acpi_header {
	char signature[4];
	uint32_t length;		/* of the whole table, header included */
	uint8_t revision;
	uint8_t checksum;
	char oem_id[6];
	char oem_table_id[8];
	uint32_t oem_revision;
	uint32_t creator_id;
	uint32_t creator_revision;
} __packed;

struct acpi_madt {
	struct acpi_header header;
	uint32_t lapic_address;
	uint32_t flags;
} __packed;

struct acpi_madt_entry {
	uint8_t type;
	uint8_t length;			/* of the whole entry */
} __packed;

enum acpi_madt_type {
	ACPI_MADT_LAPIC = 0,
	ACPI_MADT_IOAPIC = 1,
	ACPI_MADT_OVERRIDE = 2,
	ACPI_MADT_LAPIC_ADDRESS = 5,
	ACPI_MADT_X2APIC = 9,
};

/* Local APIC and x2APIC flags: the CPU is usable now, or can be onlined. */
#define ACPI_CPU_ENABLED	(1U << 0)
#define ACPI_CPU_ONLINE_CAPABLE	(1U << 1)

struct acpi_madt_lapic {
	struct acpi_madt_entry entry;
	uint8_t processor_uid;
	uint8_t apic_id;
	uint32_t flags;
} __packed;

struct acpi_madt_ioapic {
	struct acpi_madt_entry entry;
	uint8_t id;
	uint8_t reserved;
	uint32_t address;
	uint32_t gsi_base;
} __packed;

struct acpi_madt_override {
	struct acpi_madt_entry entry;
	uint8_t bus;			/* 0: ISA */
	uint8_t source;			/* the ISA IRQ */
	uint32_t gsi;
	uint16_t flags;
} __packed;

struct acpi_madt_lapic_address {
	struct acpi_madt_entry entry;
	uint16_t reserved;
	uint64_t address;
} __packed;

struct acpi_madt_x2apic {
	struct acpi_madt_entry entry;
	uint16_t reserved;
	uint32_t x2apic_id;
	uint32_t flags;
	uint32_t processor_uid;
} __packed;

/* DMA remapping (Intel VT-d specification, 8.1): the header's tail. */
struct acpi_dmar {
	struct acpi_header header;
	uint8_t host_address_width;	/* the width less one */
	uint8_t flags;
	uint8_t reserved[10];
} __packed;

/* Each remapping structure after it starts so. */
struct acpi_dmar_entry {
	uint16_t type;
	uint16_t length;		/* of the whole structure */
} __packed;

#define ACPI_DMAR_DRHD		0	/* a remapping unit; the others unused */

struct acpi_dmar_drhd {
	struct acpi_dmar_entry entry;
	uint8_t flags;			/* ACPI_DRHD_INCLUDE_PCI_ALL */
	uint8_t size;			/* register pages as a power of 2 */
	uint16_t segment;
	uint64_t address;		/* its registers */
	/* device scopes follow: the devices under it */
} __packed;

/* A device scope: a device found from start_bus through `path`. */
struct acpi_dmar_scope {
	uint8_t type;			/* ACPI_SCOPE_* */
	uint8_t length;			/* of the scope, path included */
	uint16_t reserved;
	uint8_t enumeration_id;
	uint8_t start_bus;
	struct {
		uint8_t device;
		uint8_t function;
	} path[];			/* one hop per bridge, then the device */
} __packed;

BUILD_BUG_ON(sizeof(struct acpi_rsdp) != 36);
BUILD_BUG_ON(sizeof(struct acpi_header) != 36);
BUILD_BUG_ON(sizeof(struct acpi_madt) != 44);
BUILD_BUG_ON(sizeof(struct acpi_dmar) != 48);
BUILD_BUG_ON(sizeof(struct acpi_dmar_drhd) != 16);
BUILD_BUG_ON(sizeof(struct acpi_dmar_scope) != 6);

/* An entry of a known type shorter than its structure is a broken MADT. */
static const uint8_t acpi_madt_entry_size[] = {
	[ACPI_MADT_LAPIC] = sizeof(struct acpi_madt_lapic),
	[ACPI_MADT_IOAPIC] = sizeof(struct acpi_madt_ioapic),
	[ACPI_MADT_OVERRIDE] = sizeof(struct acpi_madt_override),
	[ACPI_MADT_LAPIC_ADDRESS] = sizeof(struct acpi_madt_lapic_address),
	[ACPI_MADT_X2APIC] = sizeof(struct acpi_madt_x2apic),
};

static uint8_t acpi_checksum(const void *p, size_t len)
{
	const uint8_t *b = p;
	uint8_t sum = 0;

	while (len--)
		sum += *b++;
	return sum;
}

/* `mapped` bytes at table hold a whole table `sig` of at least `min` bytes. */
static bool acpi_table_valid(const void *table, size_t mapped, const char *sig,
			     size_t min)
{
	const struct acpi_header *h = table;

	return mapped >= sizeof(*h) && !memcmp(h->signature, sig, 4) &&
	       h->length >= min && h->length <= mapped &&
	       !acpi_checksum(table, h->length);
}

static const struct acpi_rsdp *acpi_scan_rsdp(acpi_map_fn map, uint64_t base,
					      size_t len)
{
	const uint8_t *area = map(base, len);

	if (!area)
		return NULL;
	for (size_t off = 0; off + ACPI_RSDP_V1_SIZE <= len;
	     off += ACPI_RSDP_ALIGN) {
		const struct acpi_rsdp *r = (const void *)(area + off);

		if (memcmp(r->signature, "RSD PTR ", 8) ||
		    acpi_checksum(r, ACPI_RSDP_V1_SIZE))
			continue;
		if (r->revision < 2)
			return r;
		if (len - off >= sizeof(*r) && r->length >= sizeof(*r) &&
		    r->length <= len - off && !acpi_checksum(r, r->length))
			return r;
	}
	return NULL;
}

static const struct acpi_rsdp *acpi_find_rsdp(acpi_map_fn map)
{
	const uint16_t *segment = map(ACPI_EBDA_SEGMENT, sizeof(*segment));
	const struct acpi_rsdp *r = NULL;

	if (segment && *segment)
		r = acpi_scan_rsdp(map, (uint64_t)*segment << 4, ACPI_EBDA_SCAN);
	return r ? r : acpi_scan_rsdp(map, ACPI_BIOS_BASE, ACPI_BIOS_SIZE);
}

/* The whole table at pa, as long as its header says; NULL if unmappable. */
static const void *acpi_map_table(acpi_map_fn map, uint64_t pa, size_t *len)
{
	const struct acpi_header *h = map(pa, sizeof(*h));

	if (!h)
		return NULL;
	*len = h->length;
	return map(pa, *len);
}

static int acpi_add_cpu(struct acpi_madt_info *info, uint32_t apic_id,
			uint32_t flags)
{
	if (!(flags & (ACPI_CPU_ENABLED | ACPI_CPU_ONLINE_CAPABLE)))
		return 0;
	/* firmware may list a CPU both as local APIC and as x2APIC */
	for (size_t i = 0; i < info->nr_cpus; i++) {
		if (info->apic_ids[i] == apic_id)
			return 0;
	}
	if (info->nr_cpus == ARRAY_SIZE(info->apic_ids))
		return -E2BIG;
	info->apic_ids[info->nr_cpus++] = apic_id;
	return 0;
}

static int acpi_add_ioapic(struct acpi_madt_info *info,
			   const struct acpi_madt_ioapic *e)
{
	if (info->nr_ioapics == ARRAY_SIZE(info->ioapics))
		return -E2BIG;
	info->ioapics[info->nr_ioapics++] = (struct acpi_ioapic){
		.id = e->id, .address = e->address, .gsi_base = e->gsi_base,
	};
	return 0;
}

static int acpi_add_override(struct acpi_madt_info *info,
			     const struct acpi_madt_override *e)
{
	if (info->nr_overrides == ARRAY_SIZE(info->overrides))
		return -E2BIG;
	info->overrides[info->nr_overrides++] = (struct acpi_override){
		.isa_irq = e->source, .gsi = e->gsi, .flags = e->flags,
	};
	return 0;
}

static int acpi_madt_entry(const struct acpi_madt_entry *e,
			   struct acpi_madt_info *info)
{
	if (e->type < ARRAY_SIZE(acpi_madt_entry_size) &&
	    e->length < acpi_madt_entry_size[e->type])
		return -EINVAL;

	switch (e->type) {
	case ACPI_MADT_LAPIC: {
		const struct acpi_madt_lapic *l = (const void *)e;

		return acpi_add_cpu(info, l->apic_id, l->flags);
	}
	case ACPI_MADT_X2APIC: {
		const struct acpi_madt_x2apic *x = (const void *)e;

		return acpi_add_cpu(info, x->x2apic_id, x->flags);
	}
	case ACPI_MADT_IOAPIC:
		return acpi_add_ioapic(info, (const void *)e);
	case ACPI_MADT_OVERRIDE:
		return acpi_add_override(info, (const void *)e);
	case ACPI_MADT_LAPIC_ADDRESS:
		info->lapic_address =
			((const struct acpi_madt_lapic_address *)e)->address;
		return 0;
	default:
		return 0;	/* types the monitor has no use for */
	}
}

int acpi_parse_madt(const void *madt, size_t len, struct acpi_madt_info *info)
{
	const struct acpi_madt *m = madt;
	const uint8_t *table = madt;
	size_t end, off;

	if (!acpi_table_valid(madt, len, "APIC", sizeof(*m)))
		return -EINVAL;

	memset(info, 0, sizeof(*info));
	info->lapic_address = m->lapic_address;
	end = m->header.length;
	for (off = sizeof(*m); off < end;) {
		const struct acpi_madt_entry *e = (const void *)(table + off);
		int err;

		/* a length of 0 would loop, one past the end would overread */
		if (end - off < sizeof(*e) || e->length < sizeof(*e) ||
		    e->length > end - off)
			return -EINVAL;
		err = acpi_madt_entry(e, info);
		if (err)
			return err;
		off += e->length;
	}
	return 0;
}

/*
 * The firmware's table with signature `sig`, mapped whole (*len bytes,
 * as long as its header says); NULL with *err -ENODEV when there is no
 * such table, -EINVAL when the RSDT/XSDT is bad or the table unmappable.
 */
static const void *acpi_find_table(acpi_map_fn map, const char *sig,
				   size_t *len, int *err)
{
	const struct acpi_rsdp *rsdp = acpi_find_rsdp(map);
	bool xsdt;
	size_t entry_size, root_len;
	const uint8_t *root;

	*err = -ENODEV;
	if (!rsdp)
		return NULL;
	/* ACPI 2.0+: the XSDT's 64-bit pointers supersede the RSDT */
	xsdt = rsdp->revision >= 2 && rsdp->xsdt_address;
	entry_size = xsdt ? sizeof(uint64_t) : sizeof(uint32_t);
	root = acpi_map_table(map, xsdt ? rsdp->xsdt_address :
				    rsdp->rsdt_address, &root_len);
	if (!root || !acpi_table_valid(root, root_len, xsdt ? "XSDT" : "RSDT",
				       sizeof(struct acpi_header))) {
		*err = -EINVAL;
		return NULL;
	}

	for (size_t off = sizeof(struct acpi_header); off + entry_size <= root_len;
	     off += entry_size) {
		uint64_t pa = 0;
		const struct acpi_header *h;
		const void *table;

		memcpy(&pa, root + off, entry_size);	/* unaligned, little-endian */
		h = map(pa, sizeof(*h));
		if (!h || memcmp(h->signature, sig, 4))
			continue;
		table = acpi_map_table(map, pa, len);
		if (!table)
			*err = -EINVAL;
		return table;
	}
	return NULL;
}

int acpi_read_madt(acpi_map_fn map, struct acpi_madt_info *info)
{
	size_t len;
	int err;
	const void *madt = acpi_find_table(map, "APIC", &len, &err);

	return madt ? acpi_parse_madt(madt, len, info) : err;
}

/*
 * A PCI endpoint or bridge on the start bus itself (one hop) is noted by
 * its bus/device/function; a deeper one needs the bridges' bus numbers,
 * which the monitor does not read: it is left out, so a function found
 * only so counts as covered by no unit.
 */
static int acpi_add_scope(struct acpi_dmar_info *info,
			  const struct acpi_dmar_scope *s)
{
	if (s->length != sizeof(*s) + sizeof(s->path[0]) ||
	    (s->type != ACPI_SCOPE_PCI_ENDPOINT &&
	     s->type != ACPI_SCOPE_PCI_BRIDGE))
		return 0;
	if (info->nr_scopes == ARRAY_SIZE(info->scopes))
		return -E2BIG;
	info->scopes[info->nr_scopes++] = (struct acpi_dmar_device){
		.unit = (uint8_t)(info->nr_drhds - 1), .type = s->type,
		.bdf = (uint16_t)(s->start_bus << 8 |
				  (s->path[0].device & 0x1f) << 3 |
				  (s->path[0].function & 0x7)),
	};
	return 0;
}

static int acpi_add_scopes(struct acpi_dmar_info *info, const uint8_t *scopes,
			   size_t len)
{
	for (size_t off = 0; off < len;) {
		const struct acpi_dmar_scope *s = (const void *)(scopes + off);
		int err;

		/* a path is whole hops of two bytes, inside the unit */
		if (len - off < sizeof(*s) || s->length < sizeof(*s) ||
		    s->length > len - off || (s->length - sizeof(*s)) % 2)
			return -EINVAL;
		err = acpi_add_scope(info, s);
		if (err)
			return err;
		off += s->length;
	}
	return 0;
}

static int acpi_add_drhd(struct acpi_dmar_info *info,
			 const struct acpi_dmar_entry *e)
{
	const struct acpi_dmar_drhd *d = (const void *)e;

	if (e->length < sizeof(*d) || d->address & (ACPI_DMAR_PAGE - 1))
		return -EINVAL;
	if (info->nr_drhds == ARRAY_SIZE(info->drhds))
		return -E2BIG;
	info->drhds[info->nr_drhds++] = (struct acpi_drhd){
		.address = d->address, .segment = d->segment,
		.flags = d->flags,
	};
	return acpi_add_scopes(info, (const uint8_t *)(d + 1),
			       e->length - sizeof(*d));
}

int acpi_parse_dmar(const void *dmar, size_t len, struct acpi_dmar_info *info)
{
	const struct acpi_dmar *d = dmar;
	const uint8_t *table = dmar;
	size_t end, off;

	if (!acpi_table_valid(dmar, len, "DMAR", sizeof(*d)))
		return -EINVAL;

	memset(info, 0, sizeof(*info));
	info->address_bits = d->host_address_width + 1U;
	info->flags = d->flags;
	end = d->header.length;
	for (off = sizeof(*d); off < end;) {
		const struct acpi_dmar_entry *e = (const void *)(table + off);
		int err = 0;

		/* a length of 0 would loop, one past the end would overread */
		if (end - off < sizeof(*e) || e->length < sizeof(*e) ||
		    e->length > end - off)
			return -EINVAL;
		if (e->type == ACPI_DMAR_DRHD)
			err = acpi_add_drhd(info, e);
		if (err)
			return err;
		off += e->length;
	}
	return info->nr_drhds ? 0 : -ENODEV;
}

int acpi_read_dmar(acpi_map_fn map, struct acpi_dmar_info *info)
{
	size_t len;
	int err;
	const void *dmar = acpi_find_table(map, "DMAR", &len, &err);

	return dmar ? acpi_parse_dmar(dmar, len, info) : err;
}
