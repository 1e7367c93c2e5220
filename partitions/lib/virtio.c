// SPDX-License-Identifier: MIT
/*
 * The virtio 1.0 modern PCI transport of <tessera/virtio.h> (section
 * 4.1): the vendor capabilities found through the monitor's filtered
 * configuration-space calls, each mapped through the device's BAR windows
 * (start_info mmio[j] is BAR mmio_bar[j]), and the common configuration
 * driven as section 3.1 orders it. A capability the device describes is
 * used only when it lies wholly inside its BAR's window: the device is
 * trusted less than the monitor.
 */

#include <string.h>
#include <tessera.h>
#include <tessera/virtio.h>

/* PCI configuration space */
#define PCI_VENDOR		0x00
#define PCI_DEVICE		0x02
#define PCI_COMMAND		0x04
#define PCI_STATUS		0x06
#define PCI_CAP_PTR		0x34
#define PCI_COMMAND_MEMORY	0x0002
#define PCI_COMMAND_MASTER	0x0004
#define PCI_COMMAND_INTX_OFF	0x0400
#define PCI_STATUS_CAPS		0x0010
#define PCI_CAP_VENDOR		0x09
#define PCI_CAPS_MAX		48	/* 192 bytes of capabilities at most */

/* struct virtio_pci_cap (section 4.1.4) */
#define VIRTIO_CAP_TYPE		3
#define VIRTIO_CAP_BAR		4
#define VIRTIO_CAP_OFFSET	8
#define VIRTIO_CAP_LENGTH	12
#define VIRTIO_CAP_NOTIFY_MULT	16
#define VIRTIO_CAP_COMMON	1
#define VIRTIO_CAP_NOTIFY	2
#define VIRTIO_CAP_ISR		3
#define VIRTIO_CAP_DEVICE	4

/* struct virtio_pci_common_cfg (section 4.1.4.3) */
#define COMMON_DFSELECT		0
#define COMMON_DF		4
#define COMMON_GFSELECT		8
#define COMMON_GF		12
#define COMMON_STATUS		20
#define COMMON_GENERATION	21
#define COMMON_Q_SELECT		22
#define COMMON_Q_SIZE		24
#define COMMON_Q_ENABLE		28
#define COMMON_Q_NOFF		30
#define COMMON_Q_DESC		32
#define COMMON_Q_AVAIL		40
#define COMMON_Q_USED		48
#define COMMON_LEN		56

#define VIRTIO_RESET_TRIES	1000000	/* reads of the status after reset */
#define VIRTIO_CONFIG_TRIES	100	/* reads of a changing configuration */

static uint8_t rd8(volatile uint8_t *p, uint32_t off)
{
	return *(volatile uint8_t *)(p + off);
}

static uint16_t rd16(volatile uint8_t *p, uint32_t off)
{
	return *(volatile uint16_t *)(p + off);
}

static uint32_t rd32(volatile uint8_t *p, uint32_t off)
{
	return *(volatile uint32_t *)(p + off);
}

static void wr8(volatile uint8_t *p, uint32_t off, uint8_t v)
{
	*(volatile uint8_t *)(p + off) = v;
}

static void wr16(volatile uint8_t *p, uint32_t off, uint16_t v)
{
	*(volatile uint16_t *)(p + off) = v;
}

static void wr32(volatile uint8_t *p, uint32_t off, uint32_t v)
{
	*(volatile uint32_t *)(p + off) = v;
}

/* 64-bit fields as two 32-bit halves, low first, as section 4.1.3.1 allows */
static void wr64(volatile uint8_t *p, uint32_t off, uint64_t v)
{
	wr32(p, off, (uint32_t)v);
	wr32(p, off + 4, (uint32_t)(v >> 32));
}

static const struct tessera_device_info *virtio_info(unsigned int device)
{
	const struct tessera_start_info *si = tessera_start_info();

	if (device >= si->nr_devices || device >= TESSERA_MAX_DEVICES ||
	    !(si->devices[device].flags & TESSERA_DEVICE_PCI))
		return NULL;
	return &si->devices[device];
}

int tessera_virtio_find(uint16_t id, unsigned int from)
{
	for (unsigned int i = from; i < TESSERA_MAX_DEVICES; i++) {
		if (!virtio_info(i))
			continue;
		if (tessera_pci_config_read(i, PCI_VENDOR, 2) == TESSERA_VIRTIO_VENDOR &&
		    tessera_pci_config_read(i, PCI_DEVICE, 2) ==
			    TESSERA_VIRTIO_PCI_ID_BASE + id)
			return (int)i;
	}
	return -ENODEV;
}

/*
 * The window of BAR `bar` from `offset` for `len` bytes, or NULL when the
 * device has no such window or the range leaves it.
 */
static volatile uint8_t *virtio_map(const struct tessera_device_info *info,
				    uint8_t bar, uint32_t offset, uint32_t len)
{
	for (unsigned int j = 0; j < info->nr_mmio && j < TESSERA_DEVICE_RES_MAX; j++) {
		const struct tessera_mmio_range *m = &info->mmio[j];

		if (info->mmio_bar[j] != bar)
			continue;
		if (offset >= m->size || len > m->size - offset)
			return NULL;
		return (volatile uint8_t *)(uintptr_t)(m->addr + offset);
	}
	return NULL;
}

/* Takes the capability at `cap` if it is a usable virtio one not yet had. */
static void virtio_take_cap(struct tessera_virtio *v,
			    const struct tessera_device_info *info, unsigned int cap)
{
	long type = tessera_pci_config_read(v->device, cap + VIRTIO_CAP_TYPE, 1);
	long bar = tessera_pci_config_read(v->device, cap + VIRTIO_CAP_BAR, 1);
	long off = tessera_pci_config_read(v->device, cap + VIRTIO_CAP_OFFSET, 4);
	long len = tessera_pci_config_read(v->device, cap + VIRTIO_CAP_LENGTH, 4);
	volatile uint8_t *p;

	if (type < 0 || bar < 0 || off < 0 || len <= 0)
		return;
	p = virtio_map(info, (uint8_t)bar, (uint32_t)off, (uint32_t)len);
	if (!p)
		return;
	if (type == VIRTIO_CAP_COMMON && !v->common && len >= COMMON_LEN) {
		v->common = p;
		v->common_len = (uint32_t)len;
	} else if (type == VIRTIO_CAP_NOTIFY && !v->notify) {
		long mult = tessera_pci_config_read(v->device,
						    cap + VIRTIO_CAP_NOTIFY_MULT, 4);
		if (mult < 0)
			return;
		v->notify = p;
		v->notify_len = (uint32_t)len;
		v->notify_mult = (uint32_t)mult;
	} else if (type == VIRTIO_CAP_ISR && !v->isr) {
		v->isr = p;
	} else if (type == VIRTIO_CAP_DEVICE && !v->config) {
		v->config = p;
		v->config_len = (uint32_t)len;
	}
}

/* Walks the capability list, bounded: a list that loops ends too. */
static int virtio_find_caps(struct tessera_virtio *v,
			    const struct tessera_device_info *info)
{
	long status = tessera_pci_config_read(v->device, PCI_STATUS, 2);
	long cap;

	if (status < 0 || !(status & PCI_STATUS_CAPS))
		return -ENODEV;
	cap = tessera_pci_config_read(v->device, PCI_CAP_PTR, 1);
	for (unsigned int n = 0; n < PCI_CAPS_MAX && cap >= 0x40; n++) {
		cap &= 0xfc;
		if (tessera_pci_config_read(v->device, (unsigned int)cap, 1) ==
		    PCI_CAP_VENDOR)
			virtio_take_cap(v, info, (unsigned int)cap);
		cap = tessera_pci_config_read(v->device, (unsigned int)cap + 1, 1);
	}
	return v->common && v->notify && v->isr ? 0 : -ENODEV;
}

static void virtio_set_status(struct tessera_virtio *v, uint8_t bits)
{
	wr8(v->common, COMMON_STATUS, (uint8_t)(rd8(v->common, COMMON_STATUS) | bits));
}

int tessera_virtio_reset(struct tessera_virtio *v)
{
	wr8(v->common, COMMON_STATUS, 0);
	for (unsigned int i = 0; i < VIRTIO_RESET_TRIES; i++)
		if (!rd8(v->common, COMMON_STATUS))
			return 0;
	return -ENODEV;
}

/* Bus mastering and the line on; memory decoding is the monitor's, on. */
static int virtio_enable(struct tessera_virtio *v)
{
	long cmd = tessera_pci_config_read(v->device, PCI_COMMAND, 2);

	if (cmd < 0)
		return (int)cmd;
	if (!(cmd & PCI_COMMAND_MEMORY))
		return -ENODEV;
	cmd = (cmd | PCI_COMMAND_MASTER) & ~PCI_COMMAND_INTX_OFF;
	return (int)tessera_pci_config_write(v->device, PCI_COMMAND, 2,
					     (uint32_t)cmd);
}

int tessera_virtio_open(struct tessera_virtio *v, unsigned int device)
{
	const struct tessera_device_info *info = virtio_info(device);
	int ret;

	memset(v, 0, sizeof(*v));
	v->device = device;
	if (!info || !info->nr_irqs)
		return -ENODEV;
	v->irq_port = info->irqs[0].port;
	ret = virtio_find_caps(v, info);
	if (!ret)
		ret = virtio_enable(v);
	if (!ret)
		ret = tessera_virtio_reset(v);
	if (ret)
		return ret;
	virtio_set_status(v, TESSERA_VIRTIO_S_ACKNOWLEDGE);
	virtio_set_status(v, TESSERA_VIRTIO_S_DRIVER);
	return 0;
}

static uint64_t virtio_features(struct tessera_virtio *v, uint32_t select,
				uint32_t window)
{
	uint64_t f = 0;

	for (uint32_t half = 0; half < 2; half++) {
		wr32(v->common, select, half);
		f |= (uint64_t)rd32(v->common, window) << (32 * half);
	}
	return f;
}

int tessera_virtio_negotiate(struct tessera_virtio *v, uint64_t wanted)
{
	uint64_t offered = virtio_features(v, COMMON_DFSELECT, COMMON_DF);
	uint64_t accept = offered & (wanted | TESSERA_VIRTIO_F_VERSION_1 |
				     TESSERA_VIRTIO_F_ACCESS_PLATFORM);

	if (!(offered & TESSERA_VIRTIO_F_VERSION_1)) {
		tessera_virtio_fail(v);
		return -ENODEV;
	}
	for (uint32_t half = 0; half < 2; half++) {
		wr32(v->common, COMMON_GFSELECT, half);
		wr32(v->common, COMMON_GF, (uint32_t)(accept >> (32 * half)));
	}
	virtio_set_status(v, TESSERA_VIRTIO_S_FEATURES_OK);
	if (!(rd8(v->common, COMMON_STATUS) & TESSERA_VIRTIO_S_FEATURES_OK)) {
		tessera_virtio_fail(v);
		return -ENODEV;
	}
	v->features = accept;
	return 0;
}

/* The widest access (4, 2, 1) that both the offset and the length allow. */
static uint32_t virtio_width(uint32_t offset, uint32_t len)
{
	return !((offset | len) & 3) ? 4 : !((offset | len) & 1) ? 2 : 1;
}

static void virtio_config_copy(struct tessera_virtio *v, uint32_t offset,
			       uint8_t *out, uint32_t len, uint32_t width)
{
	for (uint32_t i = 0; i < len; i += width) {
		uint32_t x = width == 4 ? rd32(v->config, offset + i) :
			     width == 2 ? rd16(v->config, offset + i) :
			     rd8(v->config, offset + i);

		memcpy(out + i, &x, width);	/* little-endian, as the device */
	}
}

int tessera_virtio_config(struct tessera_virtio *v, uint32_t offset,
			  void *buf, uint32_t len)
{
	uint32_t width = virtio_width(offset, len);

	if (!v->config || offset > v->config_len || len > v->config_len - offset)
		return -EINVAL;
	for (unsigned int i = 0; i < VIRTIO_CONFIG_TRIES; i++) {
		uint8_t gen = rd8(v->common, COMMON_GENERATION);

		virtio_config_copy(v, offset, buf, len, width);
		if (rd8(v->common, COMMON_GENERATION) == gen)
			return 0;
	}
	return -EIO;
}

/* The largest power of two at most n (n >= 1). */
static uint16_t virtio_pow2_floor(uint16_t n)
{
	uint16_t p = 1;

	while (p <= n / 2)
		p = (uint16_t)(p * 2);
	return p;
}

int tessera_virtio_queue(struct tessera_virtio *v, struct tessera_virtq *q,
			 uint16_t index, uint16_t size)
{
	const struct tessera_start_info *si = tessera_start_info();
	uint16_t max, noff;
	int ret;

	wr16(v->common, COMMON_Q_SELECT, index);
	max = rd16(v->common, COMMON_Q_SIZE);
	if (!max || !size)
		return -EINVAL;
	size = size < max ? size : max;
	size = virtio_pow2_floor(size < TESSERA_VIRTQ_SIZE_MAX ? size :
				 TESSERA_VIRTQ_SIZE_MAX);
	ret = tessera_virtq_init(q, size, si->mem_base, si->mem_size,
				 si->dma_base);
	if (ret)
		return ret;
	noff = rd16(v->common, COMMON_Q_NOFF);
	if ((uint64_t)noff * v->notify_mult + 2 > v->notify_len)
		return -ENODEV;
	q->index = index;
	q->doorbell = (volatile uint16_t *)(v->notify + noff * v->notify_mult);
	wr16(v->common, COMMON_Q_SIZE, q->size);
	wr64(v->common, COMMON_Q_DESC, tessera_virtq_bus(q, q->desc));
	wr64(v->common, COMMON_Q_AVAIL, tessera_virtq_bus(q, &q->avail));
	wr64(v->common, COMMON_Q_USED, tessera_virtq_bus(q, &q->used));
	wr16(v->common, COMMON_Q_ENABLE, 1);
	return 0;
}

void tessera_virtio_ready(struct tessera_virtio *v)
{
	virtio_set_status(v, TESSERA_VIRTIO_S_DRIVER_OK);
}

void tessera_virtio_fail(struct tessera_virtio *v)
{
	virtio_set_status(v, TESSERA_VIRTIO_S_FAILED);
}

unsigned int tessera_virtio_irq(struct tessera_virtio *v)
{
	unsigned int isr = rd8(v->isr, 0);	/* reading it lowers the line */

	tessera_irq_ack(v->irq_port);
	return isr;
}
