// SPDX-License-Identifier: MIT
/*
 * `attack hypercalls`: every hypercall with the arguments a hostile
 * partition would pass, each answer held to public/hypercall.h. Prints
 * "hypercall <what>: <result> ok" (or "..., expected <e> FAILED") per
 * check and exits with the number of failures, through an exit call with
 * junk above the 32 bits of its status, which the monitor must ignore.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <tessera.h>
#include "attack.h"

/* what every argument a call does not take holds: a monitor address */
#define JUNK		ATTACK_MONITOR_TEXT
#define PATTERN		0xa5a5a5a5a5a5a500ull

static unsigned int hc_checks, hc_failures;

/* A hypercall with every argument register set, the unused ones to JUNK. */
static long hc(uint64_t nr, uint64_t arg0, uint64_t arg1)
{
	register uint64_t r10 __asm__("r10") = JUNK;
	register uint64_t r8 __asm__("r8") = JUNK;
	register uint64_t r9 __asm__("r9") = JUNK;
	long ret;

	__asm__ __volatile__("syscall"
			     : "=a"(ret)
			     : "a"(nr), "D"(arg0), "S"(arg1), "d"(JUNK),
			       "r"(r10), "r"(r8), "r"(r9)
			     : "rcx", "r11", "cc", "memory");
	return ret;
}

/*
 * hc_clobbers(nr, pattern): hypercall nr with every register the ABI
 * preserves set from pattern (rdi, rsi, rdx, r10, r8 and r9 are its
 * arguments too); returns the bits the call changed in any of them, 0
 * when the monitor kept them all.
 */
uint64_t hc_clobbers(uint64_t nr, uint64_t pattern);
#define HC_SET(n, reg)	"lea " #n "(%rsi), %" #reg "\n\t"
#define HC_DIFF(n, reg)	"lea " #n "(%rcx), %r11\n\txor %r11, %" #reg "\n\t" \
			"or %" #reg ", %rsi\n\t"
__asm__(".pushsection .text.hc_clobbers, \"ax\", @progbits\n"
	".type hc_clobbers, @function\n"
	"hc_clobbers:\n\t"
	"push %rbx\n\tpush %rbp\n\tpush %r12\n\t"
	"push %r13\n\tpush %r14\n\tpush %r15\n\t"
	"push %rsi\n\t"			/* the pattern, also rsi's value */
	"mov %rdi, %rax\n\t"
	HC_SET(1, rbx) HC_SET(2, rbp) HC_SET(3, rdi) HC_SET(4, rdx)
	HC_SET(5, r8) HC_SET(6, r9) HC_SET(7, r10) HC_SET(8, r12)
	HC_SET(9, r13) HC_SET(10, r14) HC_SET(11, r15)
	"syscall\n\t"
	"mov (%rsp), %rcx\n\t"		/* rcx and r11 are the call's */
	"xor %rcx, %rsi\n\t"
	HC_DIFF(1, rbx) HC_DIFF(2, rbp) HC_DIFF(3, rdi) HC_DIFF(4, rdx)
	HC_DIFF(5, r8) HC_DIFF(6, r9) HC_DIFF(7, r10) HC_DIFF(8, r12)
	HC_DIFF(9, r13) HC_DIFF(10, r14) HC_DIFF(11, r15)
	"mov %rsi, %rax\n\t"
	"add $8, %rsp\n\t"
	"pop %r15\n\tpop %r14\n\tpop %r13\n\t"
	"pop %r12\n\tpop %rbp\n\tpop %rbx\n\t"
	"ret\n"
	".size hc_clobbers, . - hc_clobbers\n"
	".popsection");

static void hc_expect(const char *what, long got, long want)
{
	hc_checks++;
	if (got == want) {
		printf("hypercall %s: %ld ok\n", what, got);
		return;
	}
	hc_failures++;
	printf("hypercall %s: %ld, expected %ld FAILED\n", what, got, want);
}

static void hc_version(void)
{
	const struct tessera_start_info *si = tessera_start_info();

	hc_expect("version abi", hc(TESSERA_HC_VERSION, TESSERA_VERSION_ABI, JUNK),
		  TESSERA_ABI_VERSION);
	hc_expect("version features",
		  hc(TESSERA_HC_VERSION, TESSERA_VERSION_FEATURES, JUNK),
		  (long)si->features);
	hc_expect("version query 2", hc(TESSERA_HC_VERSION, 2, JUNK), -EINVAL);
	/* 64 bits: a monitor that looks at edi alone sees query 0 */
	hc_expect("version query 1<<32", hc(TESSERA_HC_VERSION, 1ull << 32, JUNK),
		  -EINVAL);
}

static void hc_console(void)
{
	static char too_long[TESSERA_CONSOLE_WRITE_MAX + 1];
	const struct tessera_start_info *si = tessera_start_info();
	uint64_t start = si->mem_base, end = si->mem_base + si->mem_size;

#define HC_CONSOLE(what, buf, len, want) \
	hc_expect("console " what, hc(TESSERA_HC_CONSOLE_WRITE, buf, len), want)
	HC_CONSOLE("NULL", 0, 16, -EFAULT);
	HC_CONSOLE("monitor", JUNK, 16, -EFAULT);
	HC_CONSOLE("start-info page", TESSERA_START_INFO_ADDR, 16, -EFAULT);
	HC_CONSOLE("shared-info page", TESSERA_SHARED_INFO_ADDR, 16, -EFAULT);
	HC_CONSOLE("straddling the start", start - 8, 16, -EFAULT);
	HC_CONSOLE("straddling the end", end - 8, 16, -EFAULT);
	HC_CONSOLE("past the end", end, 1, -EFAULT);
	/* buf + len wraps to 8: a check of buf + len <= end alone passes */
	HC_CONSOLE("wrapping", UINT64_MAX - 7, 16, -EFAULT);
	HC_CONSOLE("len 0", start, 0, 0);
	HC_CONSOLE("len > max", (uintptr_t)too_long, sizeof(too_long), -E2BIG);
	/* too long and wrapping at once: the length is checked first */
	HC_CONSOLE("wrapping length", start + 16, UINT64_MAX - 8, -E2BIG);
#undef HC_CONSOLE
}

/* Every number of [first, last] answers -ENOSYS: one line for them all. */
static void hc_unknown_range(uint64_t first, uint64_t last)
{
	char what[48];
	bool all = true;
	long got;

	for (uint64_t nr = first; nr <= last; nr++) {
		got = hc(nr, JUNK, JUNK);
		if (got != -ENOSYS) {
			snprintf(what, sizeof(what), "0x%lx", nr);
			hc_expect(what, got, -ENOSYS);
			all = false;
		}
	}
	if (all) {
		snprintf(what, sizeof(what), "0x%02lx-0x%02lx", first, last);
		hc_expect(what, -ENOSYS, -ENOSYS);
	}
}

static void hc_numbers(void)
{
	/* reserved groups, unless the monitor has the feature that fills them */
	static const struct {
		uint64_t first, last, feature;
	} reserved[] = {
		{ 0x04, 0x0f, 0 },
		{ 0x10, 0x1f, TESSERA_FEATURE_TIMER },
		{ 0x20, 0x2f, TESSERA_FEATURE_EVENTS },
		{ 0x30, 0x3f, TESSERA_FEATURE_DEVICES },
		{ TESSERA_HC_MAX, TESSERA_HC_MAX + 15, 0 },
	};
	uint64_t features = tessera_start_info()->features;

	for (size_t i = 0; i < ARRAY_SIZE(reserved); i++)
		if (!(features & reserved[i].feature))
			hc_unknown_range(reserved[i].first, reserved[i].last);
	hc_expect("nr 1<<63", hc(1ull << 63, JUNK, JUNK), -ENOSYS);
	hc_expect("nr -1", hc(UINT64_MAX, JUNK, JUNK), -ENOSYS);
	/* a monitor that looks at eax alone yields, or ends this with 99 */
	hc_expect("nr yield + 1<<32", hc(1ull << 32 | TESSERA_HC_YIELD, JUNK, JUNK),
		  -ENOSYS);
	hc_expect("nr exit + 1<<32", hc(1ull << 32 | TESSERA_HC_EXIT, 99, JUNK),
		  -ENOSYS);
	hc_expect("yield", hc(TESSERA_HC_YIELD, JUNK, JUNK), 0);
}

static void hc_registers(void)
{
	hc_expect("version keeps registers",
		  (long)hc_clobbers(TESSERA_HC_VERSION, PATTERN), 0);
	hc_expect("console keeps registers",
		  (long)hc_clobbers(TESSERA_HC_CONSOLE_WRITE, PATTERN), 0);
	hc_expect("unknown keeps registers",
		  (long)hc_clobbers(TESSERA_HC_MAX, PATTERN), 0);
}

int attack_hypercalls(void)
{
	hc_version();
	hc_console();
	hc_numbers();
	hc_registers();
	printf("hypercalls: %u checked, %u failed\n", hc_checks, hc_failures);
	hc(TESSERA_HC_EXIT, 0xdead000000000000ull | hc_failures, JUNK);
	printf("hypercall exit: returned\n");
	return 1;
}
