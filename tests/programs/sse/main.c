// SPDX-License-Identifier: MIT
/*
 * sse: run as two or more partitions on one CPU. Each fills xmm0-xmm15,
 * MXCSR and the x87 control word with values of its own (from its
 * partition id), spins long enough for the timer to preempt it, yields
 * to the others, and reads the registers back, all in one asm statement
 * so that no compiled code touches them in between; then checks that
 * they are what it left. Returns 0 and says so when every switch kept
 * them, else names the first register that changed.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <tessera.h>

#define SSE_SWITCHES	200
#define SSE_SPIN	200000	/* loop turns between filling and yielding */

struct sse_state {
	uint64_t xmm[16][2];
	uint32_t mxcsr;
	uint16_t fcw;
};

static void sse_fill(struct sse_state *s, uint32_t id)
{
	/* the x87 precision controls: extended, double, single */
	static const uint16_t fcws[] = { 0x037f, 0x027f, 0x007f };

	for (uint64_t i = 0; i < 16; i++) {
		s->xmm[i][0] = 0x5353000000000000ull | (uint64_t)id << 16 | i;
		s->xmm[i][1] = ~s->xmm[i][0];
	}
	/* every exception masked, a rounding mode of its own */
	s->mxcsr = 0x1f80 | (id % 4) << 13;
	s->fcw = fcws[id % 3];
}

#define SSE_LOAD(n)	"movdqu " #n "*16(%[want]), %%xmm" #n "\n\t"
#define SSE_STORE(n)	"movdqu %%xmm" #n ", " #n "*16(%[got])\n\t"
#define SSE_ALL(op)	op(0) op(1) op(2) op(3) op(4) op(5) op(6) op(7) \
			op(8) op(9) op(10) op(11) op(12) op(13) op(14) op(15)

static void sse_switch(const struct sse_state *want, struct sse_state *got)
{
	__asm__ __volatile__(
		"ldmxcsr %c[mxcsr](%[want])\n\t"
		"fldcw %c[fcw](%[want])\n\t"
		SSE_ALL(SSE_LOAD)
		"mov %[spin], %%ecx\n"
		"1:\tdec %%ecx\n\t"
		"jnz 1b\n\t"
		"mov %[yield], %%eax\n\t"
		"syscall\n\t"
		SSE_ALL(SSE_STORE)
		"stmxcsr %c[mxcsr](%[got])\n\t"
		"fnstcw %c[fcw](%[got])"
		:
		: [want] "r"(want), [got] "r"(got), [spin] "i"(SSE_SPIN),
		  [yield] "i"(TESSERA_HC_YIELD),
		  [mxcsr] "i"(offsetof(struct sse_state, mxcsr)),
		  [fcw] "i"(offsetof(struct sse_state, fcw))
		: "rax", "rcx", "r11", "cc", "memory", "xmm0", "xmm1", "xmm2",
		  "xmm3", "xmm4", "xmm5", "xmm6", "xmm7", "xmm8", "xmm9",
		  "xmm10", "xmm11", "xmm12", "xmm13", "xmm14", "xmm15");
}

/* Names the first register of `got` that differs from `want`, if any. */
static int sse_check(const struct sse_state *want, const struct sse_state *got,
		     int yield)
{
	for (int i = 0; i < 16; i++)
		if (got->xmm[i][0] != want->xmm[i][0] ||
		    got->xmm[i][1] != want->xmm[i][1]) {
			printf("sse: xmm%d is 0x%016lx%016lx after yield %d, not "
			       "0x%016lx%016lx\n", i, got->xmm[i][1], got->xmm[i][0],
			       yield, want->xmm[i][1], want->xmm[i][0]);
			return 1;
		}
	if (got->mxcsr != want->mxcsr || got->fcw != want->fcw) {
		printf("sse: mxcsr 0x%04x fcw 0x%04x after yield %d, not 0x%04x "
		       "0x%04x\n", got->mxcsr, got->fcw, yield, want->mxcsr,
		       want->fcw);
		return 1;
	}
	return 0;
}

int main(void)
{
	struct sse_state want, got;

	sse_fill(&want, tessera_start_info()->partition_id);
	for (int yield = 0; yield < SSE_SWITCHES; yield++) {
		sse_switch(&want, &got);
		if (sse_check(&want, &got, yield))
			return 1;
	}
	printf("sse: xmm0-xmm15, mxcsr 0x%04x and fcw 0x%04x intact over %d "
	       "yields\n", want.mxcsr, want.fcw, SSE_SWITCHES);
	return 0;
}
