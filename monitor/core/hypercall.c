// SPDX-License-Identifier: MIT
/*
 * Hypercall dispatch (public/hypercall.h). Every argument is the
 * partition's and hostile: the number is bounded before it indexes the
 * table, each pointer goes through uaccess_map, and the bytes behind it
 * are read once, into the monitor's own buffer, before they are used.
 */

#include <public/hypercall.h>
#include <public/version.h>
#include <tessera/compiler.h>
#include <tessera/device.h>
#include <tessera/errno.h>
#include <tessera/event.h>
#include <tessera/hypercall.h>
#include <tessera/partition.h>
#include <tessera/sched.h>
#include <tessera/uaccess.h>
#include <tessera/upcall.h>

typedef int64_t (*hypercall_fn)(struct vcpu *v, const uint64_t *args);

static int64_t hypercall_version(struct vcpu *v, const uint64_t *args)
{
	switch (args[0]) {
	case TESSERA_VERSION_ABI:
		return TESSERA_ABI_VERSION;
	case TESSERA_VERSION_FEATURES:
		return (int64_t)v->partition->start_info->si.features;
	}
	return -EINVAL;
}

static int64_t hypercall_console_write(struct vcpu *v, const uint64_t *args)
{
	struct partition *p = v->partition;
	uint64_t len = args[1];
	const char *buf;

	if (len > TESSERA_CONSOLE_WRITE_MAX)
		return -E2BIG;
	buf = uaccess_map(p->mem, p->tt->mem.size, args[0], len);
	if (!buf)
		return -EFAULT;
	console_stream_write(&p->console, buf, len);
	return (int64_t)len;
}

static int64_t hypercall_yield(struct vcpu *v, const uint64_t *args)
{
	sched_yield();
	return 0;
}

static int64_t hypercall_sleep_until(struct vcpu *v, const uint64_t *args)
{
	sched_sleep_until(args[0]);
	return 0;	/* what the vCPU reads once it wakes */
}

static int64_t hypercall_block(struct vcpu *v, const uint64_t *args)
{
	sched_block(args[0]);
	return 0;	/* what the vCPU reads once an event woke it */
}

static int64_t hypercall_notify(struct vcpu *v, const uint64_t *args)
{
	return event_notify(v->partition->id, args[0]);
}

static int64_t hypercall_exit(struct vcpu *v, const uint64_t *args)
{
	partition_end(v->partition, PARTITION_EXITED, (int)(uint32_t)args[0]);
	return 0;	/* nobody reads it: the vCPU is stopped */
}

static const hypercall_fn hypercalls[TESSERA_HC_MAX] = {
	[TESSERA_HC_VERSION] = hypercall_version,
	[TESSERA_HC_CONSOLE_WRITE] = hypercall_console_write,
	[TESSERA_HC_YIELD] = hypercall_yield,
	[TESSERA_HC_EXIT] = hypercall_exit,
	[TESSERA_HC_BLOCK] = hypercall_block,
	[TESSERA_HC_SLEEP_UNTIL] = hypercall_sleep_until,
	[TESSERA_HC_NOTIFY] = hypercall_notify,
	[TESSERA_HC_SET_UPCALL] = upcall_call_set,
	[TESSERA_HC_UPCALL_RETURN] = upcall_call_return,
	[TESSERA_HC_IRQ_ACK] = device_call_irq_ack,
	[TESSERA_HC_PCI_CONFIG_READ] = device_call_pci_read,
	[TESSERA_HC_PCI_CONFIG_WRITE] = device_call_pci_write,
};

/*
 * nr when it is below size, else 0, without a branch: a CPU that
 * speculates past the bounds check still reads the table in bounds
 * (Spectre v1, as Linux's array_index_nospec). The empty asm hides nr's
 * known range from the compiler, which would otherwise fold the mask away.
 */
static uint64_t hypercall_nospec(uint64_t nr, uint64_t size)
{
	__asm__("" : "+r"(nr));
	return nr & (uint64_t)(~(int64_t)(nr | (size - 1 - nr)) >> 63);
}

int64_t hypercall_dispatch(struct vcpu *v, uint64_t nr,
			   const uint64_t args[HYPERCALL_NR_ARGS])
{
	hypercall_fn fn;

	if (nr >= ARRAY_SIZE(hypercalls))
		return -ENOSYS;
	fn = hypercalls[hypercall_nospec(nr, ARRAY_SIZE(hypercalls))];
	return fn ? fn(v, args) : -ENOSYS;
}
