// SPDX-License-Identifier: MIT
/*
 * The virtio PCI transport (partitions/lib/virtio.c) on a pretend
 * function: its configuration space an array behind the config calls,
 * its BAR 4 host memory (so registers read back what was written), the
 * start-info page mapped at its fixed address. Finding a device by its
 * ids; the capabilities mapped where they say, memory space and bus
 * mastering on, reset, ACKNOWLEDGE and DRIVER; VERSION_1 required and
 * only wanted features accepted; queues at bus addresses; the ISR's bits
 * returned and the interrupt acknowledged; and a device that lies in its
 * capabilities (outside its BAR, a BAR it does not have, a list that
 * loops or points into the header, a doorbell past its window) refused,
 * never followed out of bounds.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <cmocka.h>

#include <tessera.h>
#include <tessera/virtio.h>

#define BAR_SIZE	0x4000
#define DMA_BASE	0x40000000ULL
#define IRQ_PORT	7
#define COMMON		0x0000		/* offsets in BAR 4 */
#define ISR		0x1000
#define DEVICE		0x2000
#define NOTIFY		0x3000
#define MULT		4

static struct tessera_start_info *si;
static uint8_t cfg[256];
static uint8_t bar[BAR_SIZE] __attribute__((aligned(4096)));
static struct {
	struct tessera_virtq q;
} mem;
static struct tessera_virtio dev;
static unsigned int acked;

long tessera_pci_config_read(unsigned int device, unsigned int offset,
			     unsigned int size)
{
	uint32_t v = 0;

	assert_int_equal(device, 0);
	assert_true(offset < 256 && offset % size == 0);
	memcpy(&v, cfg + offset, size);
	return v;
}

long tessera_pci_config_write(unsigned int device, unsigned int offset,
			      unsigned int size, uint32_t value)
{
	assert_int_equal(offset, 4);	/* the command register only */
	memcpy(cfg + offset, &value, size);
	return 0;
}

int tessera_irq_ack(unsigned int port)
{
	assert_int_equal(port, IRQ_PORT);
	acked++;
	return 0;
}

static void cap(unsigned int at, unsigned int next, uint8_t type, uint8_t b,
		uint32_t offset, uint32_t length)
{
	cfg[at] = 0x09;
	cfg[at + 1] = (uint8_t)next;
	cfg[at + 3] = type;
	cfg[at + 4] = b;
	memcpy(cfg + at + 8, &offset, 4);
	memcpy(cfg + at + 12, &length, 4);
}

static int setup(void **state)
{
	uint32_t mult = MULT;

	if (!si) {
		si = mmap((void *)TESSERA_START_INFO_ADDR, TESSERA_PAGE_SIZE,
			  PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
		assert_ptr_equal(si, (void *)TESSERA_START_INFO_ADDR);
	}
	memset(si, 0, TESSERA_PAGE_SIZE);
	memset(cfg, 0, sizeof(cfg));
	memset(bar, 0, sizeof(bar));
	si->mem_base = (uintptr_t)&mem;
	si->mem_size = sizeof(mem);
	si->dma_base = DMA_BASE;
	si->nr_devices = 1;
	si->devices[0] = (struct tessera_device_info){
		.name = "disk@4", .nr_mmio = 1, .nr_irqs = 1,
		.flags = TESSERA_DEVICE_PCI,
		.mmio = { { (uintptr_t)bar, BAR_SIZE } },
		.irqs = { { 20, IRQ_PORT, TESSERA_IRQ_LEVEL } },
		.mmio_bar = { 4, TESSERA_NO_BAR, TESSERA_NO_BAR, TESSERA_NO_BAR },
	};
	cfg[0] = 0xf4, cfg[1] = 0x1a, cfg[2] = 0x42, cfg[3] = 0x10;
	cfg[4] = 0x02;				/* the monitor's decoding */
	cfg[6] = 0x10;				/* a capability list */
	cfg[0x34] = 0x98;
	cfg[0x98] = 0x11, cfg[0x99] = 0x84;	/* MSI-X, not virtio's */
	cap(0x84, 0x70, 5, 0, 0, 0);		/* PCI config access: unused */
	cap(0x70, 0x60, 2, 4, NOTIFY, 0x1000);
	memcpy(cfg + 0x70 + 16, &mult, 4);
	cap(0x60, 0x50, 4, 4, DEVICE, 0x1000);
	cap(0x50, 0x40, 3, 4, ISR, 0x1000);
	cap(0x40, 0x00, 1, 4, COMMON, 0x1000);
	bar[COMMON + 20] = 0x55;		/* status before the reset */
	bar[COMMON + 24] = 64;			/* queue 0 holds 64 entries */
	acked = 0;
	return 0;
}

static void test_find(void **state)
{
	assert_int_equal(tessera_virtio_find(TESSERA_VIRTIO_ID_BLOCK, 0), 0);
	assert_int_equal(tessera_virtio_find(TESSERA_VIRTIO_ID_NET, 0), -ENODEV);
	assert_int_equal(tessera_virtio_find(TESSERA_VIRTIO_ID_BLOCK, 1), -ENODEV);
	si->devices[0].flags = 0;	/* not PCI: no config space to ask */
	assert_int_equal(tessera_virtio_find(TESSERA_VIRTIO_ID_BLOCK, 0), -ENODEV);
}

static void test_open(void **state)
{
	assert_int_equal(tessera_virtio_open(&dev, 0), 0);
	assert_ptr_equal(dev.common, bar + COMMON);
	assert_ptr_equal(dev.isr, bar + ISR);
	assert_ptr_equal(dev.config, bar + DEVICE);
	assert_ptr_equal(dev.notify, bar + NOTIFY);
	assert_int_equal(dev.notify_mult, MULT);
	assert_int_equal(dev.irq_port, IRQ_PORT);
	/* bus mastering on, memory space still on, INTx not disabled */
	assert_int_equal(cfg[4] & 0x06, 0x06);
	assert_int_equal(cfg[5] & 0x04, 0);
	assert_int_equal(bar[COMMON + 20], TESSERA_VIRTIO_S_ACKNOWLEDGE |
					   TESSERA_VIRTIO_S_DRIVER);
}

/* Without the monitor's memory decoding the BAR reads nothing: refused. */
static void test_open_without_decoding(void **state)
{
	cfg[4] = 0;
	assert_int_equal(tessera_virtio_open(&dev, 0), -ENODEV);
	assert_int_equal(cfg[4] & 0x04, 0);	/* no bus mastering either */
	assert_int_equal(bar[COMMON + 20], 0x55);	/* never touched */
}

static void test_negotiate(void **state)
{
	/* the pretend window shows the same word for both halves: bit 0
	 * there is VERSION_1 (32), bit 5 a device feature (5 and 37) */
	uint32_t offered = 0x21;

	assert_int_equal(tessera_virtio_open(&dev, 0), 0);
	memcpy(bar + COMMON + 4, &offered, 4);
	assert_int_equal(tessera_virtio_negotiate(&dev, 1ULL << 5), 0);
	assert_int_equal(dev.features, (1ULL << 5) | TESSERA_VIRTIO_F_VERSION_1);
	assert_true(bar[COMMON + 20] & TESSERA_VIRTIO_S_FEATURES_OK);
}

static void test_negotiate_without_version_1(void **state)
{
	uint32_t offered = 0x20;

	assert_int_equal(tessera_virtio_open(&dev, 0), 0);
	memcpy(bar + COMMON + 4, &offered, 4);
	assert_int_equal(tessera_virtio_negotiate(&dev, 1ULL << 5), -ENODEV);
	assert_true(bar[COMMON + 20] & TESSERA_VIRTIO_S_FAILED);
	assert_false(bar[COMMON + 20] & TESSERA_VIRTIO_S_FEATURES_OK);
}

static void test_config(void **state)
{
	uint64_t capacity = 0x123456789aULL, got = 0;

	assert_int_equal(tessera_virtio_open(&dev, 0), 0);
	memcpy(bar + DEVICE, &capacity, 8);
	assert_int_equal(tessera_virtio_config(&dev, 0, &got, 8), 0);
	assert_int_equal(got, capacity);
	assert_int_equal(tessera_virtio_config(&dev, 0x1000 - 4, &got, 8), -EINVAL);
	assert_int_equal(tessera_virtio_config(&dev, 0xffffffffu, &got, 8), -EINVAL);
}

static uint64_t reg64(unsigned int off)
{
	uint64_t v;

	memcpy(&v, bar + COMMON + off, 8);
	return v;
}

static void test_queue(void **state)
{
	uint16_t noff = 3;

	assert_int_equal(tessera_virtio_open(&dev, 0), 0);
	memcpy(bar + COMMON + 30, &noff, 2);
	/* asked 100, the device holds 64: the largest power of two of both */
	assert_int_equal(tessera_virtio_queue(&dev, &mem.q, 0, 100), 0);
	assert_int_equal(mem.q.size, 64);
	assert_int_equal(bar[COMMON + 24], 64);
	assert_int_equal(reg64(32), DMA_BASE + offsetof(struct tessera_virtq, desc));
	assert_int_equal(reg64(40), DMA_BASE + offsetof(struct tessera_virtq, avail));
	assert_int_equal(reg64(48), DMA_BASE + offsetof(struct tessera_virtq, used));
	assert_int_equal(bar[COMMON + 28], 1);	/* enabled */
	assert_ptr_equal(mem.q.doorbell, bar + NOTIFY + 3 * MULT);
	tessera_virtio_ready(&dev);
	assert_true(bar[COMMON + 20] & TESSERA_VIRTIO_S_DRIVER_OK);
}

static void test_queue_lies(void **state)
{
	uint16_t noff = 0x1000 / MULT;	/* the doorbell just past the window */

	assert_int_equal(tessera_virtio_open(&dev, 0), 0);
	memcpy(bar + COMMON + 30, &noff, 2);
	assert_int_equal(tessera_virtio_queue(&dev, &mem.q, 0, 16), -ENODEV);
	bar[COMMON + 24] = 0;		/* no such queue */
	assert_int_equal(tessera_virtio_queue(&dev, &mem.q, 1, 16), -EINVAL);
}

static void test_irq(void **state)
{
	assert_int_equal(tessera_virtio_open(&dev, 0), 0);
	bar[ISR] = TESSERA_VIRTIO_ISR_QUEUE;
	assert_int_equal(tessera_virtio_irq(&dev), TESSERA_VIRTIO_ISR_QUEUE);
	assert_int_equal(acked, 1);
}

static void test_cap_outside_its_bar(void **state)
{
	cap(0x60, 0x50, 4, 4, 0x3800, 0x1000);	/* device config past the end */
	cap(0x50, 0x40, 3, 4, 0xffffffffu, 1);	/* ISR where offset wraps */
	assert_int_equal(tessera_virtio_open(&dev, 0), -ENODEV);
	assert_null(dev.isr);
	assert_null(dev.config);
}

static void test_cap_in_a_bar_not_given(void **state)
{
	cap(0x40, 0x00, 1, 2, COMMON, 0x1000);	/* BAR 2: not the partition's */
	assert_int_equal(tessera_virtio_open(&dev, 0), -ENODEV);
	assert_null(dev.common);
}

static void test_cap_list_loops(void **state)
{
	cfg[0x51] = 0x60;	/* ISR -> device config -> ISR ... */
	cap(0x40, 0x00, 1, 4, COMMON, 0x1000);
	assert_int_equal(tessera_virtio_open(&dev, 0), -ENODEV);
	assert_null(dev.common);
}

static void test_cap_list_into_header(void **state)
{
	cfg[0x34] = 0x3c;	/* below 0x40: the header, not a capability */
	assert_int_equal(tessera_virtio_open(&dev, 0), -ENODEV);
	cfg[0x34] = 0x98;
	cfg[6] = 0;		/* no capability list at all */
	assert_int_equal(tessera_virtio_open(&dev, 0), -ENODEV);
}

static void test_short_common(void **state)
{
	cap(0x40, 0x00, 1, 4, COMMON, 55);	/* one byte short of the queue regs */
	assert_int_equal(tessera_virtio_open(&dev, 0), -ENODEV);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_find, setup),
		cmocka_unit_test_setup(test_open, setup),
		cmocka_unit_test_setup(test_open_without_decoding, setup),
		cmocka_unit_test_setup(test_negotiate, setup),
		cmocka_unit_test_setup(test_negotiate_without_version_1, setup),
		cmocka_unit_test_setup(test_config, setup),
		cmocka_unit_test_setup(test_queue, setup),
		cmocka_unit_test_setup(test_queue_lies, setup),
		cmocka_unit_test_setup(test_irq, setup),
		cmocka_unit_test_setup(test_cap_outside_its_bar, setup),
		cmocka_unit_test_setup(test_cap_in_a_bar_not_given, setup),
		cmocka_unit_test_setup(test_cap_list_loops, setup),
		cmocka_unit_test_setup(test_cap_list_into_header, setup),
		cmocka_unit_test_setup(test_short_common, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
