/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_PUBLIC_START_INFO_H
#define TESSERA_PUBLIC_START_INFO_H

/*
 * The start-info page: what a partition is and has, one 4 KiB page mapped
 * read-only at TESSERA_START_INFO_ADDR (public/layout.h). The monitor
 * writes it from the domain tables before the partition first runs and
 * never changes it afterwards; a restarted partition gets it afresh.
 *
 * Strings are NUL-terminated inside their arrays. Arrays have fixed
 * maxima so that the page has one layout; the nr_* fields say how many
 * entries are in use, the rest are zero. gen refuses a system device tree
 * that exceeds a maximum, naming the partition and the numbers.
 *
 * Offsets are fixed by the _Static_asserts below; the TESSERA_SI_OFF_*
 * constants are the ones assembly needs (partitions/lib/crt0.S).
 */

#include <public/shared_info.h>	/* TESSERA_MAX_VCPUS, TESSERA_MAX_PORTS */

#define TESSERA_START_INFO_MAGIC 0x4f464e4953534554	/* "TESSINFO" */

#define TESSERA_NAME_MAX	32	/* names, with the NUL */
#define TESSERA_BOOTARGS_MAX	256	/* bootargs, with the NUL */
#define TESSERA_MAX_CHANNELS	16	/* channels of one partition */
#define TESSERA_MAX_DEVICES	8	/* devices of one driver partition */
#define TESSERA_DEVICE_RES_MAX	4	/* port ranges, MMIO windows, IRQs */

#define TESSERA_ROLE_FRONTEND	0	/* makes requests, takes responses */
#define TESSERA_ROLE_BACKEND	1	/* takes requests, makes responses */

/*
 * What a channel carries (struct tessera_channel's kind, ABI 1.4), from
 * the channel node's first compatible string. A plain ring is one ring
 * whose payload is the programs' business; the others are the device
 * classes of the driver partitions, with their own slot formats and
 * their parameters in start_info.params[] at the channel's index.
 */
#define TESSERA_CHANNEL_RING	0	/* "tessera,io-ring": one ring */
#define TESSERA_CHANNEL_NET	1	/* "tessera,vif": public/io/netif.h */
#define TESSERA_CHANNEL_BLOCK	2	/* "tessera,vbd": public/io/blkif.h */

/* struct tessera_device_info's flags */
#define TESSERA_DEVICE_PCI	0x01	/* pci_bdf is valid */

/* struct tessera_irq_info's flags */
#define TESSERA_IRQ_LEVEL	0x01	/* level-triggered: masked until acked */

/* A PCI function's bus/device/function, as config mechanism #1 packs it */
#define TESSERA_PCI_BDF(bus, dev, fn) \
	((uint16_t)(((bus) << 8) | ((dev) << 3) | (fn)))
#define TESSERA_NO_BAR		0xff	/* an MMIO window that is not a BAR */

#define TESSERA_SI_OFF_MEM_BASE	0x60
#define TESSERA_SI_OFF_MEM_SIZE	0x68

#ifndef __ASSEMBLY__

#include <stddef.h>
#include <stdint.h>
#include <public/io/blkif.h>	/* struct tessera_blk_params */
#include <public/io/netif.h>	/* struct tessera_net_params */

/*
 * One end of a channel (an I/O ring between two partitions), mapped
 * read-write in the ring window (TESSERA_FEATURE_RINGS), in this
 * partition and the other end only: an index page (req_prod, req_event,
 * rsp_prod, rsp_event) followed by `slots` slots that requests and
 * responses share, each a header and `slot_size` bytes of payload
 * (public/io/ring.h). tessera_channel() in the guest library returns
 * these entries.
 */
struct tessera_channel {
	char name[TESSERA_NAME_MAX];	/* the channel's node name */
	uint64_t ring;			/* virtual address of the index page */
	uint64_t ring_bytes;		/* index page and slots, whole pages */
	uint32_t slots;			/* a power of two */
	uint32_t slot_size;		/* payload bytes per slot, a multiple of 8 */
	uint16_t port;			/* this end's event port */
	uint8_t role;			/* TESSERA_ROLE_* */
	uint8_t kind;			/* TESSERA_CHANNEL_* (ABI 1.4) */
	uint8_t reserved[4];
};

struct tessera_ioport_range {
	uint16_t base;			/* first I/O port */
	uint16_t count;			/* ports, open in the TSS I/O bitmap */
};

struct tessera_mmio_range {
	uint64_t addr;			/* virtual, in the MMIO window */
	uint64_t size;			/* bytes, whole pages */
};

/*
 * A device interrupt, delivered as an event on `port`. The line is masked
 * when it fires and stays masked until the partition acknowledges it with
 * TESSERA_HC_IRQ_ACK(port), after it has quietened the device: so a
 * level-triggered line cannot storm the CPU it is routed to.
 */
struct tessera_irq_info {
	uint32_t irq;			/* the interrupt's ISA IRQ or GSI */
	uint16_t port;			/* the event port it arrives on */
	uint16_t flags;			/* TESSERA_IRQ_* (ABI 1.4) */
};

/*
 * A device given to this partition by the DTS `devices` property. For a
 * PCI function (flags & TESSERA_DEVICE_PCI), mmio[j] is the BAR
 * mmio_bar[j] (0 to 5) as the DTS `assigned-addresses` placed it, and
 * its configuration space is reached with TESSERA_HC_PCI_CONFIG_READ and
 * _WRITE on this entry's index (ABI 1.4).
 */
struct tessera_device_info {
	char name[TESSERA_NAME_MAX];	/* node name, e.g. "serial@i2f8" */
	char compatible[TESSERA_NAME_MAX]; /* its first compatible string */
	uint8_t nr_ports;
	uint8_t nr_mmio;
	uint8_t nr_irqs;
	uint8_t flags;			/* TESSERA_DEVICE_* (ABI 1.4) */
	uint16_t pci_bdf;		/* TESSERA_PCI_BDF(), if PCI */
	uint16_t reserved0;
	struct tessera_ioport_range ports[TESSERA_DEVICE_RES_MAX];
	struct tessera_mmio_range mmio[TESSERA_DEVICE_RES_MAX];
	struct tessera_irq_info irqs[TESSERA_DEVICE_RES_MAX];
	uint8_t mmio_bar[TESSERA_DEVICE_RES_MAX]; /* or TESSERA_NO_BAR */
	uint8_t reserved1[4];
};

/*
 * What the DTS says of a channel beyond its ring, by its kind (ABI 1.4):
 * a virtual interface's addresses and firewall rules, a virtual block
 * device's extent. Both ends see the same values; zero for a plain ring.
 */
union tessera_channel_params {
	struct tessera_net_params net;	/* TESSERA_CHANNEL_NET */
	struct tessera_blk_params blk;	/* TESSERA_CHANNEL_BLOCK */
	uint8_t bytes[64];
};

struct tessera_start_info {
	uint64_t magic;			/* TESSERA_START_INFO_MAGIC */
	uint32_t abi_version;		/* TESSERA_ABI_VERSION of the monitor */
	uint32_t size;			/* sizeof(struct tessera_start_info) */
	uint64_t features;		/* TESSERA_FEATURE_* */
	uint32_t partition_id;		/* index in the system DTS, from 0 */
	uint32_t nr_vcpus;		/* 1 to TESSERA_MAX_VCPUS */
	char name[TESSERA_NAME_MAX];	/* the partition's node name */
	char program[TESSERA_NAME_MAX];	/* the program it runs */
	uint64_t mem_base;		/* TESSERA_MEM_BASE, virtual */
	uint64_t mem_size;		/* bytes, a multiple of 4 KiB */
	/*
	 * The bus address at which devices see mem_base: its physical
	 * address, or mem_base itself when an IOMMU translates. Zero in a
	 * partition without devices, which has no use for it.
	 */
	uint64_t dma_base;
	uint32_t bootargs_len;		/* strlen(bootargs) */
	uint32_t nr_channels;		/* 0 to TESSERA_MAX_CHANNELS */
	uint32_t nr_devices;		/* 0 to TESSERA_MAX_DEVICES */
	uint8_t reserved[124];		/* zero; room for minor versions */
	char bootargs[TESSERA_BOOTARGS_MAX]; /* the DTS bootargs, or "" */
	struct tessera_channel channels[TESSERA_MAX_CHANNELS];
	struct tessera_device_info devices[TESSERA_MAX_DEVICES];
	/* ABI 1.4: channels[i]'s parameters are params[i] */
	union tessera_channel_params params[TESSERA_MAX_CHANNELS];
};

_Static_assert(sizeof(struct tessera_channel) == 64, "channel size");
_Static_assert(sizeof(struct tessera_device_info) == 192, "device size");
_Static_assert(offsetof(struct tessera_device_info, ports) == 0x48, "ports");
_Static_assert(offsetof(struct tessera_device_info, mmio) == 0x58, "mmio");
_Static_assert(offsetof(struct tessera_start_info, mem_base) ==
	       TESSERA_SI_OFF_MEM_BASE, "mem_base");
_Static_assert(offsetof(struct tessera_start_info, mem_size) ==
	       TESSERA_SI_OFF_MEM_SIZE, "mem_size");
_Static_assert(offsetof(struct tessera_start_info, bootargs) == 0x100,
	       "bootargs");
_Static_assert(offsetof(struct tessera_start_info, channels) == 0x200,
	       "channels");
_Static_assert(offsetof(struct tessera_start_info, devices) == 0x600,
	       "devices");
_Static_assert(offsetof(struct tessera_start_info, params) == 0xc00,
	       "params");
_Static_assert(sizeof(union tessera_channel_params) == 64, "params size");
_Static_assert(sizeof(struct tessera_start_info) == 0x1000, "start info size");
_Static_assert(sizeof(struct tessera_start_info) <= 4096, "one page");
/* the timer's port, a port per channel and per device IRQ all fit */
_Static_assert(1 + TESSERA_MAX_CHANNELS +
	       TESSERA_MAX_DEVICES * TESSERA_DEVICE_RES_MAX <= TESSERA_MAX_PORTS,
	       "event ports");

#endif /* __ASSEMBLY__ */
#endif
