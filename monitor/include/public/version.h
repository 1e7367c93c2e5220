/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_PUBLIC_VERSION_H
#define TESSERA_PUBLIC_VERSION_H

/*
 * The version of the partition ABI: everything under public/.
 *
 * The major number changes when a program built against the old headers
 * could misbehave on the new monitor: a call removed or changed, a field
 * moved or resized. The minor number changes when something is added that
 * old programs do not see: a hypercall number, a field in what was
 * reserved space, a feature bit. A partition reads the monitor's version
 * in its start-info page (abi_version) or with TESSERA_HC_VERSION; the
 * guest library refuses to start under another major.
 *
 * Whoever changes a public header bumps one of these in the same commit
 * and updates docs/abi.md with it.
 */

#define TESSERA_ABI_MAJOR	1
#define TESSERA_ABI_MINOR	4	/* 1.4: devices, vif and vbd channels, upcalls */
#define TESSERA_ABI_VERSION	((TESSERA_ABI_MAJOR << 16) | TESSERA_ABI_MINOR)

#define TESSERA_ABI_VERSION_MAJOR(v)	(((v) >> 16) & 0xffff)
#define TESSERA_ABI_VERSION_MINOR(v)	((v) & 0xffff)

/*
 * Feature bits: what this monitor provides beyond the calls every 1.x
 * monitor has (start_info.features, TESSERA_HC_VERSION with
 * TESSERA_VERSION_FEATURES). A bit is set only when the whole feature
 * works on this machine; the calls of a feature that is absent return
 * -ENOSYS. Bit 63 is never used, so that the hypercall's result is never
 * mistaken for an error.
 */
#define TESSERA_FEATURE_EVENTS	(1ULL << 0)	/* event ports: block 0x10, notify 0x20 */
#define TESSERA_FEATURE_TIME	(1ULL << 1)	/* shared_info.time kept current */
#define TESSERA_FEATURE_TIMER	(1ULL << 2)	/* sleep, 0x10-0x1f */
#define TESSERA_FEATURE_ACCOUNTING (1ULL << 3)	/* shared_info.vcpu[] CPU time */
#define TESSERA_FEATURE_RINGS	(1ULL << 4)	/* channels mapped, see layout.h */
#define TESSERA_FEATURE_DEVICES	(1ULL << 5)	/* ports, MMIO, IRQs, 0x30-0x3f */
#define TESSERA_FEATURE_IOMMU	(1ULL << 6)	/* device DMA confined to memory */
#define TESSERA_FEATURE_UPCALLS	(1ULL << 7)	/* events as upcalls, 0x21-0x22 */

#endif
