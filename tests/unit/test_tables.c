// SPDX-License-Identifier: MIT
/*
 * The monitor's check and banner of the domain tables
 * (monitor/core/tables.c), on tables built by hand with the counts of
 * tests/unit/include/tables.h. Each corruption must give its own line
 * with the numbers, and -EINVAL; none may crash.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <console_capture.h>
#include <tables.h>
#include <tessera/compiler.h>
#include <tessera/errno.h>
#include <tessera/format.h>
#include <tessera/string.h>
#include <tessera/tables_check.h>

static const struct tt_range good_ram[TESSERA_NR_RAM] = {
	{ 0x0, 0x9f000 },
	{ 0x100000, 0x3fee0000 },
};

static const struct tt_range good_reserved[TESSERA_NR_RESERVED] = {
	{ 0x0, 0x100000 },
	{ 0x100000, 0x1f00000 },
};

static const struct tt_cpu good_cpus[TESSERA_NR_CPUS] = {
	{ .apic_id = 0, .dedicated_to = TT_NONE },
	{ .apic_id = 1, .dedicated_to = 0, .nr_vcpus = 1, .utilisation_ppm = 1000000 },
	{ .apic_id = 2, .dedicated_to = TT_NONE, .nr_vcpus = 2, .utilisation_ppm = 700000,
	  .first_window = 0, .nr_windows = 2, .hyperperiod_us = 10000 },
	{ .apic_id = 3, .dedicated_to = TT_NONE, .nr_vcpus = 1, .utilisation_ppm = 400000,
	  .first_window = 2, .nr_windows = 1, .hyperperiod_us = 10000 },
};

static const struct tt_vcpu good_vcpus[TESSERA_NR_VCPUS] = {
	{ .partition = 0, .index = 0, .cpu = 1 },
	{ .partition = 1, .index = 0, .cpu = 2, .budget_us = 4000, .period_us = 10000 },
	{ .partition = 1, .index = 1, .cpu = 3, .budget_us = 4000, .period_us = 10000 },
	{ .partition = 2, .index = 0, .cpu = 2, .budget_us = 3000, .period_us = 10000 },
};

static const struct tt_partition good_partitions[TESSERA_NR_PARTITIONS] = {
	{ .name = "alpha", .program = "hello", .bootargs = "alpha",
	  .mem = { 0x2000000, 0x400000 }, .first_vcpu = 0, .nr_vcpus = 1,
	  .on_fault = TT_ON_FAULT_HALT },
	{ .name = "web", .program = "httpd", .bootargs = "web port=80",
	  .mem = { 0x2400000, 0x2000000 }, .first_vcpu = 1, .nr_vcpus = 2,
	  .on_fault = TT_ON_FAULT_RESTART },
	{ .name = "gamma", .program = "hello", .bootargs = "",
	  .mem = { 0x8000000, 0x200000 }, .first_vcpu = 3, .nr_vcpus = 1,
	  .on_fault = TT_ON_FAULT_HALT_SYSTEM, .mem_fixed = 1 },
};

static const struct tt_channel good_channels[TESSERA_NR_CHANNELS] = {
	{ .name = "alpha-web", .frontend = 0, .backend = 1, .slots = 16,
	  .slot_size = 256, .mem = { 0x4400000, 0x3000 } },
};

static const struct tt_device good_devices[TESSERA_NR_DEVICES] = {
	{ .name = "serial@3f8", .compatible = "ns16550a", .owner = TT_MONITOR,
	  .nr_ports = 1, .nr_irqs = 1, .ports = { { 0x3f8, 8 } }, .irqs = { 4 } },
	{ .name = "serial@2f8", .compatible = "ns16550a", .owner = 1,
	  .nr_ports = 1, .nr_irqs = 1, .ports = { { 0x2f8, 8 } }, .irqs = { 3 } },
	{ .name = "timer@40", .compatible = "intel,8254", .owner = TT_NONE,
	  .nr_ports = 1, .ports = { { 0x40, 4 } } },
};

/* cpu2: web vcpu 0, then gamma; cpu3: web vcpu 1; idle the rest. */
static const struct tt_window good_windows[TESSERA_NR_WINDOWS] = {
	{ .start_us = 0, .length_us = 4000, .vcpu = 1 },
	{ .start_us = 4000, .length_us = 3000, .vcpu = 3 },
	{ .start_us = 0, .length_us = 4000, .vcpu = 2 },
};

/* Writable copies, put back before each test. */
static struct tt_range ram[TESSERA_NR_RAM];
static struct tt_range reserved[TESSERA_NR_RESERVED];
static struct tt_cpu cpus[TESSERA_NR_CPUS];
static struct tt_vcpu vcpus[TESSERA_NR_VCPUS];
static struct tt_partition partitions[TESSERA_NR_PARTITIONS];
static struct tt_channel channels[TESSERA_NR_CHANNELS];
static struct tt_device devices[TESSERA_NR_DEVICES];
static struct tt_window windows[TESSERA_NR_WINDOWS];
static struct tessera_tables t;

static int setup(void **state)
{
	memcpy(ram, good_ram, sizeof(ram));
	memcpy(reserved, good_reserved, sizeof(reserved));
	memcpy(cpus, good_cpus, sizeof(cpus));
	memcpy(vcpus, good_vcpus, sizeof(vcpus));
	memcpy(partitions, good_partitions, sizeof(partitions));
	memcpy(channels, good_channels, sizeof(channels));
	memcpy(devices, good_devices, sizeof(devices));
	memcpy(windows, good_windows, sizeof(windows));
	t = (struct tessera_tables){
		.magic = TESSERA_TABLES_MAGIC,
		.version = TESSERA_TABLES_VERSION,
		.size = sizeof(struct tessera_tables),
		.board = "qemu-pc",
		.system = "tests/unit/test_tables.c",
		.model = "QEMU PC (q35)",
		.monitor = { 0x100000, 0x1f00000 },
		.console = 0,
		.debug_exit = TT_NONE,
		.nr_ram = TESSERA_NR_RAM,
		.nr_reserved = TESSERA_NR_RESERVED,
		.nr_cpus = TESSERA_NR_CPUS,
		.nr_vcpus = TESSERA_NR_VCPUS,
		.nr_partitions = TESSERA_NR_PARTITIONS,
		.nr_channels = TESSERA_NR_CHANNELS,
		.nr_devices = TESSERA_NR_DEVICES,
		.nr_windows = TESSERA_NR_WINDOWS,
		.ram = ram,
		.reserved = reserved,
		.cpus = cpus,
		.vcpus = vcpus,
		.partitions = partitions,
		.channels = channels,
		.devices = devices,
		.windows = windows,
	};
	capture_start();
	return 0;
}

static void expect_bad(const char *lines)
{
	assert_int_equal(tables_check(&t), -EINVAL);
	assert_string_equal(capture_text(), lines);
}

static void test_good(void **state)
{
	assert_int_equal(tables_check(&t), 0);
	assert_string_equal(capture_text(), "");
}

/* A wrong header stops the check at once: the rest cannot be read. */
static void test_header(void **state)
{
	char want[128];

	t.magic = 0x1234;
	t.nr_partitions = 99;
	expect_bad("[tessera] domain tables: magic 0x1234, not 0x5345424154534554: these are no domain tables\n");

	setup(state);
	t.version = 7;
	expect_bad("[tessera] domain tables: version 7, but this monitor reads version 3\n");

	setup(state);
	t.size = 64;
	snprintf(want, sizeof(want),
		 "[tessera] domain tables: size 64, but this monitor's are %zu bytes\n",
		 sizeof(struct tessera_tables));
	expect_bad(want);

	setup(state);
	t.model = NULL;
	expect_bad("[tessera] domain tables: board, system or model name missing\n");
}

/* Counts other than those built in, or arrays missing: stop there too. */
static void test_counts(void **state)
{
	t.nr_partitions = 2;
	t.nr_devices = 4;
	vcpus[0].cpu = 99;
	expect_bad("[tessera] domain tables: 2 partitions, but the monitor was built for 3\n"
		   "[tessera] domain tables: 4 devices, but the monitor was built for 3\n");

	setup(state);
	t.channels = NULL;
	expect_bad("[tessera] domain tables: 1 channels, but no array of them\n");

	setup(state);
	t.nr_windows = 2;
	expect_bad("[tessera] domain tables: 2 windows, but the monitor was built for 3\n");

	setup(state);
	t.windows = NULL;
	expect_bad("[tessera] domain tables: 3 windows, but no array of them\n");
}

static void test_ram(void **state)
{
	ram[1].base = 0x90000;
	t.monitor.size = 0;
	expect_bad("[tessera] domain tables: RAM range 1: 0x90000 is below the end of the one before, 0x9f000\n"
		   "[tessera] domain tables: monitor: memory 0x100000 size 0x0 is empty or wraps\n");

	setup(state);
	ram[1].size = UINT64_MAX;
	reserved[0].size = 0;
	expect_bad("[tessera] domain tables: RAM range 1: memory 0x100000 size 0xffffffffffffffff is empty or wraps\n"
		   "[tessera] domain tables: reserved range 0: memory 0x0 size 0x0 is empty or wraps\n");
}

static void test_cpus(void **state)
{
	cpus[1].dedicated_to = 3;
	cpus[3].apic_id = 2;
	expect_bad("[tessera] domain tables: cpu 1: dedicated to partition 3 of 3\n"
		   "[tessera] domain tables: cpu 3: APIC id 2 is not above cpu 2's, 2\n");
}

static void test_vcpus(void **state)
{
	vcpus[0].cpu = 4;
	vcpus[1].budget_us = 20000;
	vcpus[3].period_us = 0;
	vcpus[2].partition = 3;
	expect_bad("[tessera] domain tables: vcpu 0: cpu 4 of 4\n"
		   "[tessera] domain tables: vcpu 1: budget 20000 us in a period of 10000 us\n"
		   "[tessera] domain tables: vcpu 2: partition 3 of 3\n"
		   "[tessera] domain tables: vcpu 3: budget 3000 us in a period of 0 us\n"
		   "[tessera] domain tables: partition 1 (web): vcpu 2 belongs to partition 3\n");
}

/* Windows in order, apart, inside the hyperperiod, each a vCPU of its CPU. */
static void test_windows(void **state)
{
	windows[0].length_us = 0;
	windows[1].vcpu = 4;
	windows[2].start_us = 7000;
	expect_bad("[tessera] domain tables: window 0 (cpu 2): 0 us from 0 us is empty or ends after the hyperperiod, 10000 us\n"
		   "[tessera] domain tables: window 1 (cpu 2): vcpu 4 of 4\n"
		   "[tessera] domain tables: window 2 (cpu 3): 4000 us from 7000 us is empty or ends after the hyperperiod, 10000 us\n");

	setup(state);
	windows[1].start_us = 3999;
	windows[2].vcpu = 3;
	expect_bad("[tessera] domain tables: window 1 (cpu 2): starts at 3999 us, before the end of the one before, 4000 us\n"
		   "[tessera] domain tables: window 2 (cpu 3): vcpu 3 runs on cpu 2\n");

	/* the largest times: nothing wraps */
	setup(state);
	cpus[3].hyperperiod_us = UINT32_MAX;
	windows[2].start_us = UINT32_MAX - 1;
	windows[2].length_us = UINT32_MAX;
	expect_bad("[tessera] domain tables: window 2 (cpu 3): 4294967295 us from 4294967294 us is empty or ends after the hyperperiod, 4294967295 us\n");

	setup(state);
	cpus[3].hyperperiod_us = UINT32_MAX;
	windows[2].start_us = UINT32_MAX - 1;
	windows[2].length_us = 1;
	assert_int_equal(tables_check(&t), 0);
}

/* A schedule exactly on the CPUs shared by budget, inside windows[]. */
static void test_schedules(void **state)
{
	cpus[2].hyperperiod_us = 0;
	cpus[3].nr_windows = 2;
	expect_bad("[tessera] domain tables: cpu 2: 2 windows in a hyperperiod of 0 us\n"
		   "[tessera] domain tables: cpu 3: windows 2-4, of 3 windows\n");

	setup(state);
	cpus[1].nr_windows = 1;
	cpus[1].hyperperiod_us = 10000;
	expect_bad("[tessera] domain tables: cpu 1: dedicated to partition 0, but nr_windows is 1\n"
		   "[tessera] domain tables: window 0 (cpu 1): vcpu 1 runs on cpu 2\n");

	setup(state);
	cpus[3].nr_windows = 0;
	cpus[3].hyperperiod_us = 0;
	expect_bad("[tessera] domain tables: vcpu 2: budget 4000 us, but cpu 3 has no schedule\n");
}

static void test_partitions(void **state)
{
	memset(partitions[0].name, 'x', sizeof(partitions[0].name));
	partitions[1].on_fault = 3;
	partitions[2].first_vcpu = 3;
	partitions[2].nr_vcpus = 2;
	expect_bad("[tessera] domain tables: partition 0 (xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx): name has no NUL in its 32 bytes\n"
		   "[tessera] domain tables: partition 1 (web): on-fault 3 is none of halt, restart, halt-system\n"
		   "[tessera] domain tables: partition 2 (gamma): vcpus 3-5, of 4 vcpus\n");

	setup(state);
	partitions[0].nr_vcpus = 0;
	memset(partitions[1].bootargs, 'a', sizeof(partitions[1].bootargs));
	partitions[2].mem.base = 0xfffffffffffff000;
	partitions[2].mem.size = 0x2000;
	expect_bad("[tessera] domain tables: partition 0 (alpha): vcpus 0-0, of 4 vcpus\n"
		   "[tessera] domain tables: partition 1 (web): bootargs has no NUL in its 256 bytes\n"
		   "[tessera] domain tables: partition 2 (gamma): memory 0xfffffffffffff000 size 0x2000 is empty or wraps\n");
}

static void test_channels(void **state)
{
	channels[0].backend = 0;
	channels[0].slots = 24;
	channels[0].slot_size = 12;
	expect_bad("[tessera] domain tables: channel 0 (alpha-web): frontend 0 and backend 0, of 3 partitions\n"
		   "[tessera] domain tables: channel 0 (alpha-web): 24 slots, not a power of two\n"
		   "[tessera] domain tables: channel 0 (alpha-web): slot size 12, not a multiple of 8\n");

	setup(state);
	channels[0].frontend = 3;
	channels[0].slots = 0;
	expect_bad("[tessera] domain tables: channel 0 (alpha-web): frontend 3 and backend 1, of 3 partitions\n"
		   "[tessera] domain tables: channel 0 (alpha-web): 0 slots, not a power of two\n");
}

/* A ring's memory holds its ring; a ring carries no parameters. */
static void test_channel_ring(void **state)
{
	channels[0].mem.size = 0x2000;
	channels[0].params.bytes[63] = 1;
	expect_bad("[tessera] domain tables: channel 0 (alpha-web): memory 0x2000 bytes, less than its rings' 0x3000\n"
		   "[tessera] domain tables: channel 0 (alpha-web): a ring with parameters\n");

	setup(state);
	channels[0].slots = 8192;
	channels[0].slot_size = UINT32_MAX - 7;
	expect_bad("[tessera] domain tables: channel 0 (alpha-web): 8192 slots, more than 4096\n");

	setup(state);
	channels[0].kind = 3;
	expect_bad("[tessera] domain tables: channel 0 (alpha-web): kind 3 is none of ring, net, block\n");
}

static const struct tessera_net_params good_net = {
	.mac = { 0x02, 0, 0, 0, 0, 0x10 }, .prefix_len = 24, .nr_rules = 2,
	.ip = { 10, 0, 2, 16 }, .gateway = { 10, 0, 2, 2 },
	.rules = {
		{ TESSERA_FW_ALLOW, TESSERA_FW_IN, TESSERA_FW_TCP, 0, 80, 80 },
		{ TESSERA_FW_ALLOW, TESSERA_FW_IN, TESSERA_FW_ICMP, 0, 0, 65535 },
	},
};

static void set_net(void)
{
	channels[0].kind = TESSERA_CHANNEL_NET;
	channels[0].slot_size = 2048;
	channels[0].mem.size = TESSERA_NETIF_BYTES(16, 2048);
	channels[0].params.net = good_net;
}

/* Two rings of whole frames; a unicast MAC, a prefix and sane rules. */
static void test_channel_net(void **state)
{
	set_net();
	assert_int_equal(tables_check(&t), 0);

	channels[0].slot_size = 1512;
	channels[0].params.net.mac[0] = 0x01;
	channels[0].params.net.prefix_len = 31;
	expect_bad("[tessera] domain tables: channel 0 (alpha-web): slot size 1512, less than the 1514 its kind needs\n"
		   "[tessera] domain tables: channel 0 (alpha-web): MAC 01:00:00:00:00:10 is not unicast\n"
		   "[tessera] domain tables: channel 0 (alpha-web): prefix length 31, not 1 to 30\n");

	setup(state);
	set_net();
	channels[0].mem.size = TESSERA_RING_BYTES(16, 2048);
	channels[0].params.net.nr_rules = 7;
	expect_bad("[tessera] domain tables: channel 0 (alpha-web): memory 0xa000 bytes, less than its rings' 0x14000\n"
		   "[tessera] domain tables: channel 0 (alpha-web): 7 firewall rules, more than 6\n");

	/* unknown values, ports on ICMP, a reversed range, a rule past nr_rules */
	setup(state);
	set_net();
	channels[0].params.net.rules[0].port_min = 81;
	channels[0].params.net.rules[1].port_max = 80;
	channels[0].params.net.rules[2].action = TESSERA_FW_ALLOW;
	expect_bad("[tessera] domain tables: channel 0 (alpha-web): firewall rule 0 is malformed\n"
		   "[tessera] domain tables: channel 0 (alpha-web): firewall rule 1 is malformed\n"
		   "[tessera] domain tables: channel 0 (alpha-web): firewall rule 2 is malformed\n");

	setup(state);
	set_net();
	channels[0].params.net.rules[0].protocol = 2;
	channels[0].params.net.rules[1].direction = 2;
	expect_bad("[tessera] domain tables: channel 0 (alpha-web): firewall rule 0 is malformed\n"
		   "[tessera] domain tables: channel 0 (alpha-web): firewall rule 1 is malformed\n");
}

static void set_blk(void)
{
	channels[0].kind = TESSERA_CHANNEL_BLOCK;
	channels[0].slot_size = 528;
	channels[0].mem.size = TESSERA_RING_BYTES(16, 528);
	channels[0].params.blk.start_sector = 0x800;
	channels[0].params.blk.nr_sectors = 0x2000;
}

/* One ring of a request and a sector; an extent that neither is empty nor wraps. */
static void test_channel_block(void **state)
{
	set_blk();
	assert_int_equal(tables_check(&t), 0);

	channels[0].slot_size = 520;
	channels[0].params.blk.start_sector = UINT64_MAX;
	expect_bad("[tessera] domain tables: channel 0 (alpha-web): slot size 520, less than the 528 its kind needs\n"
		   "[tessera] domain tables: channel 0 (alpha-web): extent of 8192 sectors from 18446744073709551615 (read-only 0) is empty, wraps or is malformed\n");

	setup(state);
	set_blk();
	channels[0].params.blk.nr_sectors = 0;
	expect_bad("[tessera] domain tables: channel 0 (alpha-web): extent of 0 sectors from 2048 (read-only 0) is empty, wraps or is malformed\n");

	setup(state);
	set_blk();
	channels[0].params.blk.read_only = 2;
	expect_bad("[tessera] domain tables: channel 0 (alpha-web): extent of 8192 sectors from 2048 (read-only 2) is empty, wraps or is malformed\n");

	setup(state);
	set_blk();
	channels[0].params.blk.reserved[46] = 1;
	expect_bad("[tessera] domain tables: channel 0 (alpha-web): extent of 8192 sectors from 2048 (read-only 0) is empty, wraps or is malformed\n");
}

/* A PCI function's windows are BARs, no other device's are; known flags only. */
static void test_devices_pci(void **state)
{
	devices[1].flags = TESSERA_DEVICE_PCI;
	devices[1].pci_bdf = TESSERA_PCI_BDF(0, 3, 0);
	devices[1].nr_mmio = 2;
	devices[1].mmio[0] = (struct tt_range){ 0xe0000000, 0x4000 };
	devices[1].mmio[1] = (struct tt_range){ 0xe0004000, 0x1000 };
	devices[1].mmio_bar[0] = 4;
	devices[1].mmio_bar[1] = 0;
	devices[1].irq_flags[0] = TESSERA_IRQ_LEVEL;
	assert_int_equal(tables_check(&t), 0);

	devices[1].mmio_bar[1] = 6;
	devices[1].irq_flags[0] = 0x82;
	devices[2].flags = 0x82;
	devices[2].nr_mmio = 1;
	devices[2].mmio[0] = (struct tt_range){ 0xfed00000, 0 };
	devices[2].mmio_bar[0] = 0;
	expect_bad("[tessera] domain tables: device 1 (serial@2f8): MMIO window 1 is BAR 0x6, not one of BAR0-BAR5 of a PCI function\n"
		   "[tessera] domain tables: device 1 (serial@2f8): IRQ 3 flags 0x82 has unknown bits\n"
		   "[tessera] domain tables: device 2 (timer@40): flags 0x82 has unknown bits\n"
		   "[tessera] domain tables: device 2 (timer@40): memory 0xfed00000 size 0x0 is empty or wraps\n"
		   "[tessera] domain tables: device 2 (timer@40): MMIO window 0 is BAR 0x0, but the device is not PCI\n");
}

static void test_devices(void **state)
{
	devices[1].owner = 3;
	devices[2].nr_irqs = 5;
	memset(devices[0].compatible, 'c', sizeof(devices[0].compatible));
	t.console = 3;
	t.debug_exit = 2;
	expect_bad("[tessera] domain tables: device 0 (serial@3f8): compatible has no NUL in its 32 bytes\n"
		   "[tessera] domain tables: device 1 (serial@2f8): owner 3, of 3 partitions\n"
		   "[tessera] domain tables: device 2 (timer@40): 1 ports, 0 MMIO windows, 5 IRQs; at most 4 each\n"
		   "[tessera] domain tables: console: device 3, of 3 devices\n");
}

static void test_print(void **state)
{
	tables_print(&t);
	assert_string_equal(capture_text(),
		"[tessera] monitor memory 0x100000-0x2000000 (31 MiB)\n"
		"[tessera] cpus:\n"
		"[tessera]   cpu   apic id  runs\n"
		"[tessera]   cpu0  0        idle\n"
		"[tessera]   cpu1  1        dedicated to alpha\n"
		"[tessera]   cpu2  2        2 windows every 10000 us\n"
		"[tessera]   cpu3  3        1 window every 10000 us\n"
		"[tessera] partitions:\n"
		"[tessera]   partition  program  memory               size    on-fault     vcpus\n"
		"[tessera]   alpha      hello    0x2000000-0x2400000  4 MiB   halt         cpu1 dedicated\n"
		"[tessera]   web        httpd    0x2400000-0x4400000  32 MiB  restart      cpu2 4000/10000 us\n"
		"[tessera]                                                                 cpu3 4000/10000 us\n"
		"[tessera]   gamma      hello    0x8000000-0x8200000  2 MiB   halt-system  cpu2 3000/10000 us\n"
		"[tessera] channels:\n"
		"[tessera]   channel    kind  frontend -> backend  slots       memory               size\n"
		"[tessera]   alpha-web  ring  alpha -> web         16 x 256 B  0x4400000-0x4403000  12 KiB\n"
		"[tessera] devices:\n"
		"[tessera]   device      compatible  owner    pci\n"
		"[tessera]   serial@3f8  ns16550a    monitor  -\n"
		"[tessera]   serial@2f8  ns16550a    web      -\n"
		"[tessera]   timer@40    intel,8254  -        -\n");
}

/* A PCI function shows its address, a channel its kind. */
static void test_print_pci_and_kinds(void **state)
{
	devices[1].flags = TESSERA_DEVICE_PCI;
	devices[1].pci_bdf = TESSERA_PCI_BDF(0x12, 0x1f, 7);
	channels[0].kind = TESSERA_CHANNEL_BLOCK;
	t.nr_partitions = 0;
	t.nr_cpus = 0;
	tables_print(&t);
	assert_string_equal(capture_text(),
		"[tessera] monitor memory 0x100000-0x2000000 (31 MiB)\n"
		"[tessera] no cpus\n"
		"[tessera] no partitions\n"
		"[tessera] channels:\n"
		"[tessera]   channel    kind  frontend -> backend  slots       memory               size\n"
		"[tessera]   alpha-web  vbd   - -> -               16 x 256 B  0x4400000-0x4403000  12 KiB\n"
		"[tessera] devices:\n"
		"[tessera]   device      compatible  owner    pci\n"
		"[tessera]   serial@3f8  ns16550a    monitor  -\n"
		"[tessera]   serial@2f8  ns16550a    -        12:1f.7\n"
		"[tessera]   timer@40    intel,8254  -        -\n");
}

/* Empty sections say so; columns widen to the longest name. */
static void test_print_empty_and_wide(void **state)
{
	t.nr_channels = 0;
	t.nr_devices = 0;
	t.nr_partitions = 1;
	t.nr_cpus = 2;
	strlcpy(partitions[0].name, "a-partition-with-a-long-name", TT_NAME_MAX);
	partitions[0].mem.size = 0x1234000;
	tables_print(&t);
	assert_string_equal(capture_text(),
		"[tessera] monitor memory 0x100000-0x2000000 (31 MiB)\n"
		"[tessera] cpus:\n"
		"[tessera]   cpu   apic id  runs\n"
		"[tessera]   cpu0  0        idle\n"
		"[tessera]   cpu1  1        dedicated to a-partition-with-a-long-name\n"
		"[tessera] partitions:\n"
		"[tessera]   partition                     program  memory               size       on-fault  vcpus\n"
		"[tessera]   a-partition-with-a-long-name  hello    0x2000000-0x3234000  18640 KiB  halt      cpu1 dedicated\n"
		"[tessera] no channels\n"
		"[tessera] no devices\n");
}

#define TEST(f)	cmocka_unit_test_setup(f, setup)

int main(void)
{
	const struct CMUnitTest tests[] = {
		TEST(test_good),
		TEST(test_header),
		TEST(test_counts),
		TEST(test_ram),
		TEST(test_cpus),
		TEST(test_vcpus),
		TEST(test_windows),
		TEST(test_schedules),
		TEST(test_partitions),
		TEST(test_channels),
		TEST(test_channel_ring),
		TEST(test_channel_net),
		TEST(test_channel_block),
		TEST(test_devices_pci),
		TEST(test_devices),
		TEST(test_print),
		TEST(test_print_pci_and_kinds),
		TEST(test_print_empty_and_wide),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
