// SPDX-License-Identifier: MIT
/*
 * ACPI (monitor/drivers/acpi.c) on synthetic firmware: RSDP, RSDT/XSDT,
 * MADT and DMAR written into a pretend first MiB of physical memory. The map
 * function hands out a fresh heap copy of exactly the bytes asked for, so
 * ASan reports any read past what the code mapped.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include <public/start_info.h>
#include <tessera/acpi.h>
#include <tessera/compiler.h>
#include <tessera/errno.h>
#include <tessera/string.h>

#define PHYS_SIZE	0x100000
#define ROOT_PA		0x9000
#define RSDT_PA		0x9800
#define MADT_PA		0xa000
#define OTHER_PA	0xb000
#define OLD_MADT_PA	0xc000
#define DMAR_PA		0xd000
#define BIOS_RSDP_PA	0xf5a40
#define EBDA_SEGMENT	0x9fc0
#define EBDA_RSDP_PA	0x9fc10

static uint8_t *phys;
static void *mappings[64];
static size_t nr_mappings;

static const void *fake_map(uint64_t pa, size_t len)
{
	void *copy;

	if (pa > PHYS_SIZE || len > PHYS_SIZE - pa)
		return NULL;
	assert_true(nr_mappings < ARRAY_SIZE(mappings));
	copy = malloc(len ? len : 1);
	mappings[nr_mappings++] = copy;
	return memcpy(copy, phys + pa, len);
}

static int setup(void **state)
{
	phys = calloc(1, PHYS_SIZE);
	nr_mappings = 0;
	return phys ? 0 : -1;
}

static int teardown(void **state)
{
	while (nr_mappings)
		free(mappings[--nr_mappings]);
	free(phys);
	return 0;
}

static void put32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, sizeof(v));
}

static void put64(uint8_t *p, uint64_t v)
{
	memcpy(p, &v, sizeof(v));
}

static uint8_t sum(const uint8_t *p, size_t len)
{
	uint8_t s = 0;

	while (len--)
		s += *p++;
	return s;
}

/* A table: 36-byte header, then body; the checksum made right. */
static void put_table(uint64_t pa, const char *sig, const void *body,
		      size_t len)
{
	uint8_t *t = phys + pa;

	memset(t, 0, 36);
	memcpy(t, sig, 4);
	put32(t + 4, (uint32_t)(36 + len));
	t[8] = 1;
	memcpy(t + 10, "TESTER", 6);
	memcpy(t + 36, body, len);
	t[9] = (uint8_t)-sum(t, 36 + len);
}

static void put_rsdp(uint64_t pa, uint8_t revision, uint32_t rsdt,
		     uint64_t xsdt)
{
	uint8_t *r = phys + pa;

	memset(r, 0, revision >= 2 ? 36 : 20);
	memcpy(r, "RSD PTR ", 8);
	memcpy(r + 9, "TESTER", 6);
	r[15] = revision;
	put32(r + 16, rsdt);
	r[8] = (uint8_t)-sum(r, 20);
	if (revision >= 2) {
		put32(r + 20, 36);
		put64(r + 24, xsdt);
		r[32] = (uint8_t)-sum(r, 36);
	}
}

static void put_rsdt(uint64_t pa, const uint32_t *tables, size_t n)
{
	put_table(pa, "RSDT", tables, n * sizeof(*tables));
}

static void put_xsdt(uint64_t pa, const uint64_t *tables, size_t n)
{
	put_table(pa, "XSDT", tables, n * sizeof(*tables));
}

#define U16(v)	(v) & 0xff, ((v) >> 8) & 0xff
#define U32(v)	U16((v) & 0xffff), U16(((v) >> 16) & 0xffff)
#define U64(v)	U32((v) & 0xffffffffULL), U32((v) >> 32)

#define LAPIC(id, flags)	0, 8, id, id, U32(flags)
#define IOAPIC(id, addr, gsi)	1, 12, id, 0, U32(addr), U32(gsi)
#define OVERRIDE(irq, gsi, fl)	2, 10, 0, irq, U32(gsi), U16(fl)
#define LAPIC_ADDRESS(addr)	5, 12, 0, 0, U64(addr)
#define X2APIC(id, flags)	9, 16, 0, 0, U32(id), U32(flags), U32(id)

/* The body of QEMU q35's MADT with -smp 4: local APIC address and flags, then entries. */
static const uint8_t qemu_madt[] = {
	U32(0xfee00000), U32(1),
	LAPIC(0, 1), LAPIC(1, 1), LAPIC(2, 1), LAPIC(3, 1),
	IOAPIC(0, 0xfec00000, 0),
	OVERRIDE(0, 2, 0), OVERRIDE(5, 5, 0xd), OVERRIDE(9, 9, 0xd),
	OVERRIDE(10, 10, 0xd), OVERRIDE(11, 11, 0xd),
	4, 6, 0xff, U16(0), 1,	/* LINT1 is the NMI (type 4): no use to the monitor */
};

static void assert_qemu_info(const struct acpi_madt_info *info)
{
	assert_int_equal(info->lapic_address, 0xfee00000);
	assert_int_equal(info->nr_cpus, 4);
	for (uint32_t i = 0; i < 4; i++)
		assert_int_equal(info->apic_ids[i], i);
	assert_int_equal(info->nr_ioapics, 1);
	assert_int_equal(info->ioapics[0].id, 0);
	assert_int_equal(info->ioapics[0].address, 0xfec00000);
	assert_int_equal(info->ioapics[0].gsi_base, 0);
	assert_int_equal(info->nr_overrides, 5);
	assert_int_equal(info->overrides[0].isa_irq, 0);
	assert_int_equal(info->overrides[0].gsi, 2);
	assert_int_equal(info->overrides[0].flags, 0);
	assert_int_equal(info->overrides[4].isa_irq, 11);
	assert_int_equal(info->overrides[4].gsi, 11);
	assert_int_equal(info->overrides[4].flags, 0xd);
}

/* Parses body as the MADT, from a copy exactly as long as the table. */
static int parse(const uint8_t *body, size_t len, struct acpi_madt_info *info)
{
	put_table(MADT_PA, "APIC", body, len);
	return acpi_parse_madt(fake_map(MADT_PA, 36 + len), 36 + len, info);
}

#define PARSE(body, info)	parse(body, sizeof(body), info)

static struct acpi_madt_info info;

static void test_parse_qemu(void **state)
{
	assert_int_equal(PARSE(qemu_madt, &info), 0);
	assert_qemu_info(&info);
}

static void test_parse_cpu_flags(void **state)
{
	static const uint8_t body[] = {
		U32(0xfee00000), U32(0),
		LAPIC(0, 1),
		LAPIC(1, 0),		/* disabled, not online-capable: absent */
		LAPIC(2, 2),		/* online-capable */
		X2APIC(0, 1),		/* CPU 0 again, as x2APIC */
		X2APIC(300, 1),		/* beyond 8 bits */
		X2APIC(301, 0),
		LAPIC_ADDRESS(0xfee0000000ULL),
	};

	assert_int_equal(PARSE(body, &info), 0);
	assert_int_equal(info.nr_cpus, 3);
	assert_int_equal(info.apic_ids[0], 0);
	assert_int_equal(info.apic_ids[1], 2);
	assert_int_equal(info.apic_ids[2], 300);
	assert_int_equal(info.lapic_address, 0xfee0000000ULL);
}

static void test_parse_bad_checksum(void **state)
{
	const uint8_t *madt;
	uint8_t *copy;

	put_table(MADT_PA, "APIC", qemu_madt, sizeof(qemu_madt));
	phys[MADT_PA + 50]++;
	madt = fake_map(MADT_PA, 36 + sizeof(qemu_madt));
	assert_int_equal(acpi_parse_madt(madt, 36 + sizeof(qemu_madt), &info),
			 -EINVAL);

	/* the right sum under another signature is not a MADT */
	put_table(MADT_PA, "APIX", qemu_madt, sizeof(qemu_madt));
	copy = (uint8_t *)fake_map(MADT_PA, 36 + sizeof(qemu_madt));
	assert_int_equal(acpi_parse_madt(copy, 36 + sizeof(qemu_madt), &info),
			 -EINVAL);
}

/* A table longer than what was mapped, or too short to be a MADT. */
static void test_parse_bad_length(void **state)
{
	const void *madt;

	put_table(MADT_PA, "APIC", qemu_madt, sizeof(qemu_madt));
	madt = fake_map(MADT_PA, 36 + sizeof(qemu_madt) - 1);
	assert_int_equal(acpi_parse_madt(madt, 36 + sizeof(qemu_madt) - 1,
					 &info), -EINVAL);
	madt = fake_map(MADT_PA, 20);
	assert_int_equal(acpi_parse_madt(madt, 20, &info), -EINVAL);

	put_table(MADT_PA, "APIC", qemu_madt, 4);	/* 40 bytes: no flags */
	madt = fake_map(MADT_PA, 40);
	assert_int_equal(acpi_parse_madt(madt, 40, &info), -EINVAL);
}

static void test_parse_zero_length_entry(void **state)
{
	static const uint8_t body[] = { U32(0xfee00000), U32(0), LAPIC(0, 1), 0, 0, 0, 0 };

	assert_int_equal(PARSE(body, &info), -EINVAL);
}

static void test_parse_entry_past_the_end(void **state)
{
	static const uint8_t body[] = { U32(0xfee00000), U32(0), LAPIC(0, 1), 0, 8, 1, 1 };
	static const uint8_t one_byte[] = { U32(0xfee00000), U32(0), 0 };

	assert_int_equal(PARSE(body, &info), -EINVAL);
	assert_int_equal(PARSE(one_byte, &info), -EINVAL);
}

/* An entry of a known type shorter than its structure. */
static void test_parse_truncated_entry(void **state)
{
	static const uint8_t lapic[] = { U32(0xfee00000), U32(0), 0, 6, 0, 0, 1, 0 };
	static const uint8_t ioapic[] = { U32(0xfee00000), U32(0), 1, 8, 0, 0, U32(0xfec00000) };
	static const uint8_t x2apic[] = { U32(0xfee00000), U32(0), 9, 12, 0, 0, U32(5), U32(1) };

	assert_int_equal(PARSE(lapic, &info), -EINVAL);
	assert_int_equal(PARSE(ioapic, &info), -EINVAL);
	assert_int_equal(PARSE(x2apic, &info), -EINVAL);
}

static void test_parse_too_many(void **state)
{
	static const uint8_t cpu_256[] = { X2APIC(256, 1) };
	static const uint8_t ioapics[] = {
		U32(0xfee00000), U32(0),
		IOAPIC(0, 0xfec00000, 0), IOAPIC(1, 0xfec01000, 24),
		IOAPIC(2, 0xfec02000, 48), IOAPIC(3, 0xfec03000, 72),
		IOAPIC(4, 0xfec04000, 96), IOAPIC(5, 0xfec05000, 120),
		IOAPIC(6, 0xfec06000, 144), IOAPIC(7, 0xfec07000, 168),
		IOAPIC(8, 0xfec08000, 192),
	};
	uint8_t cpus[8 + 256 * 8 + sizeof(cpu_256)] = { 0 };

	/* local APICs 0..255 fill apic_ids[] exactly; one more x2APIC does not fit */
	for (unsigned int id = 0; id < 256; id++) {
		const uint8_t lapic[] = { LAPIC(id, 1) };

		memcpy(cpus + 8 + id * 8, lapic, sizeof(lapic));
	}
	memcpy(cpus + 8 + 256 * 8, cpu_256, sizeof(cpu_256));
	assert_int_equal(parse(cpus, 8 + 256 * 8, &info), 0);
	assert_int_equal(info.nr_cpus, 256);
	assert_int_equal(info.apic_ids[255], 255);
	assert_int_equal(PARSE(cpus, &info), -E2BIG);
	assert_int_equal(PARSE(ioapics, &info), -E2BIG);
}

/* The default firmware: RSDP 2.0 in the BIOS area, XSDT, FACP, then MADT. */
static void put_firmware(void)
{
	static const uint8_t facp[100];
	const uint64_t xsdt[] = { OTHER_PA, MADT_PA };

	put_rsdp(BIOS_RSDP_PA, 2, RSDT_PA, ROOT_PA);
	put_xsdt(ROOT_PA, xsdt, ARRAY_SIZE(xsdt));
	put_table(OTHER_PA, "FACP", facp, sizeof(facp));
	put_table(MADT_PA, "APIC", qemu_madt, sizeof(qemu_madt));
}

static void test_read_xsdt(void **state)
{
	put_firmware();
	assert_int_equal(acpi_read_madt(fake_map, &info), 0);
	assert_qemu_info(&info);
}

/* With revision >= 2 the XSDT wins over the RSDT, which lists another MADT. */
static void test_read_prefers_xsdt(void **state)
{
	static const uint8_t other[] = { U32(0xbad00000), U32(0), LAPIC(7, 1) };
	const uint32_t rsdt[] = { OLD_MADT_PA };

	put_firmware();
	put_rsdt(RSDT_PA, rsdt, ARRAY_SIZE(rsdt));
	put_table(OLD_MADT_PA, "APIC", other, sizeof(other));
	assert_int_equal(acpi_read_madt(fake_map, &info), 0);
	assert_qemu_info(&info);

	/* an ACPI 1.0 RSDP: only the RSDT counts, whatever follows it */
	put_rsdp(BIOS_RSDP_PA, 0, RSDT_PA, ROOT_PA);
	assert_int_equal(acpi_read_madt(fake_map, &info), 0);
	assert_int_equal(info.lapic_address, 0xbad00000);
	assert_int_equal(info.nr_cpus, 1);
	assert_int_equal(info.apic_ids[0], 7);
}

/* The EBDA is searched first; a lone RSDP there is found. */
static void test_read_ebda(void **state)
{
	const uint32_t rsdt[] = { MADT_PA };

	put_firmware();
	memset(phys + BIOS_RSDP_PA, 0, 36);
	phys[0x40e] = EBDA_SEGMENT & 0xff;
	phys[0x40f] = EBDA_SEGMENT >> 8;
	put_rsdp(EBDA_RSDP_PA, 0, RSDT_PA, 0);
	put_rsdt(RSDT_PA, rsdt, ARRAY_SIZE(rsdt));
	assert_int_equal(acpi_read_madt(fake_map, &info), 0);
	assert_qemu_info(&info);

	/* ...before the BIOS area, whose RSDP leads nowhere here */
	put_rsdp(BIOS_RSDP_PA, 0, OTHER_PA, 0);
	assert_int_equal(acpi_read_madt(fake_map, &info), 0);
	assert_qemu_info(&info);
}

/* A signature with a bad checksum is passed over; the search goes on. */
static void test_read_skips_bad_rsdp(void **state)
{
	put_firmware();
	put_rsdp(0xe0000, 0, OTHER_PA, 0);
	phys[0xe0000 + 8]++;
	/* RSDP 2.0 whose first 20 bytes are right but not the whole */
	put_rsdp(0xe0010 + 0x30, 2, OTHER_PA, OTHER_PA);
	phys[0xe0040 + 33]++;
	assert_int_equal(acpi_read_madt(fake_map, &info), 0);
	assert_qemu_info(&info);

	memset(phys + BIOS_RSDP_PA, 0, 36);
	assert_int_equal(acpi_read_madt(fake_map, &info), -ENODEV);
}

/* The last 16 bytes of the BIOS area hold no RSDP: it would not fit. */
static void test_read_rsdp_at_the_end(void **state)
{
	const uint32_t rsdt[] = { MADT_PA };

	put_firmware();
	memset(phys + BIOS_RSDP_PA, 0, 36);
	put_rsdt(RSDT_PA, rsdt, ARRAY_SIZE(rsdt));
	put_rsdp(0xfffe0, 0, RSDT_PA, 0);
	assert_int_equal(acpi_read_madt(fake_map, &info), 0);
	assert_qemu_info(&info);

	memset(phys + 0xfffe0, 0, 32);
	memcpy(phys + 0xffff0, "RSD PTR ", 8);
	assert_int_equal(acpi_read_madt(fake_map, &info), -ENODEV);
}

static void test_read_bad_tables(void **state)
{
	const uint64_t no_madt[] = { OTHER_PA };

	put_firmware();
	phys[ROOT_PA + 36]++;
	assert_int_equal(acpi_read_madt(fake_map, &info), -EINVAL);

	put_firmware();
	phys[MADT_PA + 40]++;
	assert_int_equal(acpi_read_madt(fake_map, &info), -EINVAL);

	put_firmware();
	put_rsdp(BIOS_RSDP_PA, 2, RSDT_PA, 0x200000);	/* beyond memory */
	assert_int_equal(acpi_read_madt(fake_map, &info), -EINVAL);

	put_firmware();
	put_xsdt(ROOT_PA, no_madt, ARRAY_SIZE(no_madt));
	assert_int_equal(acpi_read_madt(fake_map, &info), -ENODEV);
}

/* ---- DMAR: the VT-d units ------------------------------------------------ */

/* DMAR header tail: host address width less one, flags, 10 reserved */
#define DMAR_HEAD(haw, flags)	haw, flags, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
#define DRHD(len, flags, seg, addr)	\
	U16(0), U16(len), flags, 0, U16(seg), U64((uint64_t)(addr))
/* device scopes: the IOAPIC (type 3), a PCI endpoint (1) or bridge (2) */
#define SCOPE_IOAPIC(id)	3, 8, 0, 0, id, 0xff, 0, 0
#define SCOPE_PCI(type, bus, dev, fn)	type, 8, 0, 0, 0, bus, dev, fn
/* a reserved memory region (type 1) for device 00:1d.0 */
#define RMRR(base, limit)	\
	U16(1), U16(32), U16(0), U16(0), U64((uint64_t)(base)), \
	U64((uint64_t)(limit)), 1, 8, 0, 0, 0, 0, 0x1d, 0

/*
 * As QEMU 7.2 builds it for qemu.args: 39 bits, interrupt remapping
 * offered, one unit that names every function of bus 0 instead of
 * INCLUDE_PCI_ALL (host bridge, NIC, disk, LPC, SATA, SMBus).
 */
static const uint8_t qemu_dmar[] = {
	DMAR_HEAD(38, 1),
	DRHD(16 + 7 * 8, 0, 0, 0xfed90000), SCOPE_IOAPIC(0),
	SCOPE_PCI(1, 0, 0, 0), SCOPE_PCI(1, 0, 3, 0), SCOPE_PCI(1, 0, 4, 0),
	SCOPE_PCI(1, 0, 0x1f, 0), SCOPE_PCI(1, 0, 0x1f, 2),
	SCOPE_PCI(1, 0, 0x1f, 3),
};

static struct acpi_dmar_info dmar;

static int parse_dmar(const uint8_t *body, size_t len)
{
	put_table(DMAR_PA, "DMAR", body, len);
	return acpi_parse_dmar(fake_map(DMAR_PA, 36 + len), 36 + len, &dmar);
}

#define PARSE_DMAR(body)	parse_dmar(body, sizeof(body))

static void assert_qemu_dmar(void)
{
	static const uint16_t functions[] = { 0x00, 0x18, 0x20, 0xf8, 0xfa, 0xfb };

	assert_int_equal(dmar.address_bits, 39);
	assert_int_equal(dmar.flags, 1);
	assert_int_equal(dmar.nr_drhds, 1);
	assert_int_equal(dmar.drhds[0].address, 0xfed90000);
	assert_int_equal(dmar.drhds[0].segment, 0);
	assert_int_equal(dmar.drhds[0].flags, 0);
	assert_int_equal(dmar.nr_scopes, ARRAY_SIZE(functions));
	for (size_t i = 0; i < ARRAY_SIZE(functions); i++) {
		assert_int_equal(dmar.scopes[i].bdf, functions[i]);
		assert_int_equal(dmar.scopes[i].type, ACPI_SCOPE_PCI_ENDPOINT);
		assert_int_equal(dmar.scopes[i].unit, 0);
	}
}

static void test_dmar_qemu(void **state)
{
	assert_int_equal(PARSE_DMAR(qemu_dmar), 0);
	assert_qemu_dmar();
}

/* Units in order, past the structures the monitor has no use for. */
static void test_dmar_units(void **state)
{
	static const uint8_t body[] = {
		DMAR_HEAD(45, 0),
		DRHD(24, 0, 0, 0xfed91000), SCOPE_PCI(1, 0, 2, 0),
		RMRR(0x3e000000, 0x3e0fffff),
		U16(7), U16(6), 0, 0,		/* a type from the future */
		DRHD(24, 1, 1, 0xfed92000ULL << 12), SCOPE_IOAPIC(2),
	};

	assert_int_equal(PARSE_DMAR(body), 0);
	assert_int_equal(dmar.address_bits, 46);
	assert_int_equal(dmar.nr_drhds, 2);
	assert_int_equal(dmar.drhds[0].address, 0xfed91000);
	assert_int_equal(dmar.drhds[0].flags, 0);
	assert_int_equal(dmar.drhds[1].address, 0xfed92000ULL << 12);
	assert_int_equal(dmar.drhds[1].segment, 1);
	assert_int_equal(dmar.drhds[1].flags, ACPI_DRHD_INCLUDE_PCI_ALL);
	/* the RMRR's scope is no unit's */
	assert_int_equal(dmar.nr_scopes, 1);
	assert_int_equal(dmar.scopes[0].bdf, TESSERA_PCI_BDF(0, 2, 0));
}

/* Bridges kept, deeper paths and other types left out, stray bits masked. */
static void test_dmar_scopes(void **state)
{
	static const uint8_t body[] = {
		DMAR_HEAD(38, 0),
		DRHD(16 + 8 + 10 + 8 + 8 + 6, 0, 0, 0xfed90000),
		SCOPE_PCI(2, 0, 0x1c, 0),			/* a root port */
		1, 10, 0, 0, 0, 0, 0x1c, 0, 0, 0,		/* behind it */
		SCOPE_PCI(1, 5, 0xff, 0xff),
		4, 8, 0, 0, 0, 0, 0x1f, 0,			/* HPET */
		1, 6, 0, 0, 0, 0,				/* no path */
	};

	assert_int_equal(PARSE_DMAR(body), 0);
	assert_int_equal(dmar.nr_scopes, 2);
	assert_int_equal(dmar.scopes[0].bdf, TESSERA_PCI_BDF(0, 0x1c, 0));
	assert_int_equal(dmar.scopes[0].type, ACPI_SCOPE_PCI_BRIDGE);
	assert_int_equal(dmar.scopes[1].bdf, TESSERA_PCI_BDF(5, 0x1f, 7));
}

/* Scopes that lie: past their unit, shorter than a scope, half a hop. */
static void test_dmar_lying_scopes(void **state)
{
	static const uint8_t past[] = { DMAR_HEAD(38, 0),
		DRHD(16 + 8, 0, 0, 0xfed90000), 1, 10, 0, 0, 0, 0, 3, 0,
		DRHD(16, 0, 0, 0xfed91000) };
	static const uint8_t zero[] = { DMAR_HEAD(38, 0),
		DRHD(16 + 8, 0, 0, 0xfed90000), 1, 0, 0, 0, 0, 0, 3, 0 };
	static const uint8_t stub[] = { DMAR_HEAD(38, 0),
		DRHD(16 + 4, 0, 0, 0xfed90000), 1, 4, 0, 0 };
	static const uint8_t odd[] = { DMAR_HEAD(38, 0),
		DRHD(16 + 8, 0, 0, 0xfed90000), 1, 7, 0, 0, 0, 0, 3, 0 };

	assert_int_equal(PARSE_DMAR(past), -EINVAL);
	assert_int_equal(PARSE_DMAR(zero), -EINVAL);
	assert_int_equal(PARSE_DMAR(stub), -EINVAL);
	assert_int_equal(PARSE_DMAR(odd), -EINVAL);
}

static void test_dmar_too_many_scopes(void **state)
{
	uint8_t body[12 + 16 + 65 * 8] = { DMAR_HEAD(38, 0) };
	const uint8_t unit[] = { DRHD(16 + 65 * 8, 0, 0, 0xfed90000) };

	memcpy(body + 12, unit, sizeof(unit));
	for (unsigned int i = 0; i < 65; i++) {
		const uint8_t scope[] = { SCOPE_PCI(1, i, 0, 0) };

		memcpy(body + 28 + i * 8, scope, sizeof(scope));
	}
	assert_int_equal(PARSE_DMAR(body), -E2BIG);
	body[14] -= 8;			/* the unit's length, 64 scopes */
	assert_int_equal(parse_dmar(body, sizeof(body) - 8), 0);
	assert_int_equal(dmar.nr_scopes, 64);
}

/* Cut short anywhere: the table, its header, a structure, a unit. */
static void test_dmar_truncated(void **state)
{
	static const uint8_t short_drhd[] = { DMAR_HEAD(38, 0), U16(0), U16(12),
					      1, 0, U16(0), U32(0xfed90000) };
	static const uint8_t half_entry[] = { DMAR_HEAD(38, 0), U16(0) };
	const void *table;

	put_table(DMAR_PA, "DMAR", qemu_dmar, sizeof(qemu_dmar));
	table = fake_map(DMAR_PA, 36 + sizeof(qemu_dmar) - 1);
	assert_int_equal(acpi_parse_dmar(table, 36 + sizeof(qemu_dmar) - 1,
					 &dmar), -EINVAL);
	assert_int_equal(parse_dmar(qemu_dmar, 11), -EINVAL);	/* 47 bytes */
	assert_int_equal(PARSE_DMAR(short_drhd), -EINVAL);
	assert_int_equal(PARSE_DMAR(half_entry), -EINVAL);
}

/* Lengths that lie: zero, past the end, a checksum over other bytes. */
static void test_dmar_lying_lengths(void **state)
{
	static const uint8_t zero[] = { DMAR_HEAD(38, 0),
					DRHD(0, 1, 0, 0xfed90000) };
	static const uint8_t past[] = { DMAR_HEAD(38, 0),
					DRHD(17, 1, 0, 0xfed90000) };
	static const uint8_t huge[] = { DMAR_HEAD(38, 0),
					DRHD(0xffff, 1, 0, 0xfed90000) };
	const void *table;

	assert_int_equal(PARSE_DMAR(zero), -EINVAL);
	assert_int_equal(PARSE_DMAR(past), -EINVAL);
	assert_int_equal(PARSE_DMAR(huge), -EINVAL);

	/* the header says one byte more than was mapped */
	put_table(DMAR_PA, "DMAR", qemu_dmar, sizeof(qemu_dmar));
	phys[DMAR_PA + 4]++;
	phys[DMAR_PA + 9]--;
	table = fake_map(DMAR_PA, 36 + sizeof(qemu_dmar));
	assert_int_equal(acpi_parse_dmar(table, 36 + sizeof(qemu_dmar), &dmar),
			 -EINVAL);

	put_table(DMAR_PA, "DMAR", qemu_dmar, sizeof(qemu_dmar));
	phys[DMAR_PA + 60]++;
	table = fake_map(DMAR_PA, 36 + sizeof(qemu_dmar));
	assert_int_equal(acpi_parse_dmar(table, 36 + sizeof(qemu_dmar), &dmar),
			 -EINVAL);
}

static void test_dmar_no_unit(void **state)
{
	static const uint8_t none[] = { DMAR_HEAD(38, 0) };
	static const uint8_t rmrr_only[] = { DMAR_HEAD(38, 0),
					     RMRR(0x3e000000, 0x3e0fffff) };

	assert_int_equal(PARSE_DMAR(none), -ENODEV);
	assert_int_equal(PARSE_DMAR(rmrr_only), -ENODEV);
}

/* A unit whose registers are not on a page of their own; too many units. */
static void test_dmar_bad_units(void **state)
{
	static const uint8_t unaligned[] = { DMAR_HEAD(38, 0),
					     DRHD(16, 1, 0, 0xfed90800) };
	uint8_t nine[12 + 9 * 16] = { DMAR_HEAD(38, 0) };

	assert_int_equal(PARSE_DMAR(unaligned), -EINVAL);
	for (unsigned int i = 0; i < 9; i++) {
		const uint8_t unit[] = {
			DRHD(16, 0, 0, 0xfed90000 + i * 0x1000),
		};

		memcpy(nine + 12 + i * 16, unit, sizeof(unit));
	}
	assert_int_equal(parse_dmar(nine, 12 + 8 * 16), 0);
	assert_int_equal(dmar.nr_drhds, 8);
	assert_int_equal(PARSE_DMAR(nine), -E2BIG);
}

/* Found through the XSDT beside the MADT; absent is -ENODEV. */
static void test_read_dmar(void **state)
{
	const uint64_t with_dmar[] = { OTHER_PA, MADT_PA, DMAR_PA };

	put_firmware();
	assert_int_equal(acpi_read_dmar(fake_map, &dmar), -ENODEV);
	put_xsdt(ROOT_PA, with_dmar, ARRAY_SIZE(with_dmar));
	put_table(DMAR_PA, "DMAR", qemu_dmar, sizeof(qemu_dmar));
	assert_int_equal(acpi_read_dmar(fake_map, &dmar), 0);
	assert_qemu_dmar();
	assert_int_equal(acpi_read_madt(fake_map, &info), 0);
	assert_qemu_info(&info);

	phys[DMAR_PA + 40]++;
	assert_int_equal(acpi_read_dmar(fake_map, &dmar), -EINVAL);
}

#define TEST(t)	cmocka_unit_test_setup_teardown(t, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(test_parse_qemu),
		TEST(test_parse_cpu_flags),
		TEST(test_parse_bad_checksum),
		TEST(test_parse_bad_length),
		TEST(test_parse_zero_length_entry),
		TEST(test_parse_entry_past_the_end),
		TEST(test_parse_truncated_entry),
		TEST(test_parse_too_many),
		TEST(test_read_xsdt),
		TEST(test_read_prefers_xsdt),
		TEST(test_read_ebda),
		TEST(test_read_skips_bad_rsdp),
		TEST(test_read_rsdp_at_the_end),
		TEST(test_read_bad_tables),
		TEST(test_dmar_qemu),
		TEST(test_dmar_units),
		TEST(test_dmar_scopes),
		TEST(test_dmar_lying_scopes),
		TEST(test_dmar_too_many_scopes),
		TEST(test_dmar_truncated),
		TEST(test_dmar_lying_lengths),
		TEST(test_dmar_no_unit),
		TEST(test_dmar_bad_units),
		TEST(test_read_dmar),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
