// SPDX-License-Identifier: MIT
/*
 * Partitions and vCPUs: the static objects, their setup at boot, and the
 * end of each and of the run (see tessera/partition.h).
 */

#include <stdbool.h>
#include <stdint.h>
#include <tables.h>		/* generated: TESSERA_MAX_PARTITION_SIZE */
#include <public/layout.h>
#include <tessera/channel.h>
#include <tessera/device.h>
#include <tessera/errno.h>
#include <tessera/halt.h>
#include <tessera/iommu.h>
#include <tessera/partition.h>
#include <tessera/partition_slots.h>
#include <tessera/printk.h>
#include <tessera/start_info.h>
#include <tessera/sched.h>
#include <tessera/string.h>
#include <tessera/time.h>

static struct partition partitions[PARTITION_SLOTS];
struct vcpu vcpus[VCPU_SLOTS];

/* Mapped into the partitions: nothing else may share their pages. */
static union start_info_page start_info_pages[PARTITION_SLOTS]
	__aligned(TESSERA_PAGE_SIZE);
static union shared_info_page shared_info_pages[PARTITION_SLOTS]
	__aligned(TESSERA_PAGE_SIZE);

/* Partitions that have not ended yet; whoever ends the last one halts. */
static unsigned int partitions_live;

BUILD_BUG_ON(sizeof(union start_info_page) != TESSERA_PAGE_SIZE);
BUILD_BUG_ON(sizeof(union shared_info_page) != TESSERA_PAGE_SIZE);
BUILD_BUG_ON(TESSERA_MAX_PARTITION_SIZE > TESSERA_MEM_MAX);

/* Everything but the partition's memory, which partition_start fills. */
static int partition_setup(struct partition *p, unsigned int id)
{
	const struct tessera_tables *t = &tessera_tables;
	const char *why;

	p->tt = &t->partitions[id];
	p->id = id;
	p->vcpus = &vcpus[p->tt->first_vcpu];
	p->start_info = &start_info_pages[id];
	p->shared_info = &shared_info_pages[id];
	p->mem = arch_partition_ram(p->tt->mem.base);
	console_stream_init(&p->console, p->tt->name);
	p->program = program_find(p->tt->program);
	if (!p->program) {
		printk("%s: program %s is not in this image", p->tt->name,
		       p->tt->program);
		return -ENOENT;
	}
	if (elf_parse(p->program->image, p->program->size, TESSERA_MEM_BASE,
		      TESSERA_MEM_BASE + p->tt->mem.size, &p->elf, &why)) {
		printk("%s: program %s refused: %s", p->tt->name,
		       p->tt->program, why);
		return -EINVAL;
	}
	return arch_vspace_build(p);
}

/*
 * The partition's rings start zero, at boot and at each restart, so that
 * a restarted end cannot take entries of its earlier life for new ones
 * (docs/rings.md, "Restarts and resets"). The other end may be running
 * meanwhile: whatever it writes afterwards is its input like any other.
 * At boot no partition runs before every partition is loaded.
 */
static void partition_zero_rings(const struct partition *p)
{
	struct channel_end ends[TESSERA_MAX_CHANNELS];
	unsigned int n = channel_ends(&tessera_tables, p->id, ends);

	for (unsigned int i = 0; i < n; i++)
		memset(arch_partition_ram(ends[i].c->mem.base), 0,
		       ends[i].c->mem.size);
}

/*
 * Every byte of the memory is written: the segments' file bytes, zero
 * everywhere else, so nothing of an earlier run or of the monitor shows.
 */
static void partition_load(struct partition *p)
{
	uint8_t *mem = p->mem;

	memset(mem, 0, p->tt->mem.size);
	for (unsigned int i = 0; i < p->elf.nr_segments; i++) {
		const struct elf_segment *s = &p->elf.segments[i];

		memcpy(mem + (s->vaddr - TESSERA_MEM_BASE),
		       p->program->image + s->offset, s->filesz);
	}
	partition_zero_rings(p);
	start_info_fill(&p->start_info->si, &tessera_tables, p->id);
	memset(p->shared_info, 0, sizeof(*p->shared_info));
	time_info_fill(&p->shared_info->shi.time);
}

struct partition *partition_get(unsigned int id)
{
	return &partitions[id];
}

void partition_start(struct partition *p)
{
	struct vcpu *v0 = &p->vcpus[0];

	device_stop(p);
	partition_load(p);
	arch_vcpu_reset(v0, p->elf.entry);
	for (unsigned int i = 0; i < p->tt->nr_vcpus; i++)
		p->vcpus[i].state = VCPU_OFFLINE;
	v0->state = VCPU_RUNNABLE;
	__atomic_store_n(&p->state, PARTITION_RUNNING, __ATOMIC_RELEASE);
}

/* "1 fault", "2 faults" */
static const char *partition_plural(unsigned int n)
{
	return n == 1 ? "" : "s";
}

/* Its vCPUs' accounting together: times added, the worst lateness. */
static struct vcpu_acct partition_acct(const struct partition *p)
{
	struct vcpu_acct sum = { 0 };

	for (unsigned int i = 0; i < p->tt->nr_vcpus; i++) {
		const struct vcpu_acct *a = &p->vcpus[i].acct;

		sum.runtime_ns += a->runtime_ns;
		sum.windows_missed += a->windows_missed;
		sum.timer_interrupts += a->timer_interrupts;
		if (a->lateness_max_ns > sum.lateness_max_ns)
			sum.lateness_max_ns = a->lateness_max_ns;
	}
	return sum;
}

static void partition_summary(const struct partition *p)
{
	struct vcpu_acct a = partition_acct(p);
	char how[48];

	if (p->state == PARTITION_EXITED)
		snprintf(how, sizeof(how), "exited with status %d",
			 p->exit_status);
	else
		snprintf(how, sizeof(how), "halted");
	printk("summary: %s %s, %u fault%s, %u restart%s, %lu events dropped; "
	       "cpu time %lu us, "
	       "%lu windows missed, lateness max %lu ns, %lu timer interrupts",
	       p->tt->name, how, p->faults, partition_plural(p->faults),
	       p->restarts, partition_plural(p->restarts),
	       __atomic_load_n(&p->events_dropped, __ATOMIC_RELAXED),
	       a.runtime_ns / 1000, a.windows_missed,
	       a.lateness_max_ns, a.timer_interrupts);
}

/* Every partition has ended: each one's line, then the verdict. */
static __noreturn void partitions_finish(void)
{
	bool ok = true;

	for (unsigned int i = 0; i < tessera_tables.nr_partitions; i++) {
		const struct partition *p = &partitions[i];

		partition_summary(p);
		ok &= p->state == PARTITION_EXITED && !p->exit_status &&
		      !p->faults;
	}
	machine_halt(ok ? HALT_OK : HALT_PARTITION_FAILED);
}

void partitions_init(void)
{
	const struct tessera_tables *t = &tessera_tables;

	for (unsigned int i = 0; i < t->nr_vcpus; i++) {
		vcpus[i].tt = &t->vcpus[i];
		vcpus[i].partition = &partitions[t->vcpus[i].partition];
		vcpus[i].cpu = t->vcpus[i].cpu;
		vcpus[i].state = VCPU_OFFLINE;
	}
	for (unsigned int i = 0; i < t->nr_partitions; i++) {
		struct partition *p = &partitions[i];

		if (partition_setup(p, i)) {
			printk("%s: not started: halted", p->tt->name);
			p->state = PARTITION_HALTED;
			continue;
		}
		partitions_live++;
		partition_start(p);
	}
	if (!partitions_live)
		partitions_finish();
}

void partition_end(struct partition *p, enum partition_state how,
		   int exit_status)
{
	/* its last stretch counted before the summary may read it */
	sched_account();
	console_stream_flush(&p->console);
	iommu_report_faults();	/* DMA its devices tried, before its end */
	if (how == PARTITION_EXITED)
		printk("%s: exited with status %d", p->tt->name, exit_status);
	for (unsigned int i = 0; i < p->tt->nr_vcpus; i++)
		p->vcpus[i].state = VCPU_STOPPED;
	p->exit_status = exit_status;
	p->state = how;
	device_stop(p);
	/* the release orders this partition's record before the last
	 * partition's CPU reads it */
	if (!__atomic_sub_fetch(&partitions_live, 1, __ATOMIC_ACQ_REL))
		partitions_finish();
}
