/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_BENCH_H
#define TESSERA_BENCH_H

/*
 * The measuring half of a benchmark program, the same whether the program
 * runs as a Tessera partition (tests/programs/) or as a process of the
 * Linux baseline (tests/bench/linux/), so that the two sides' figures come
 * from the same loops and the same arithmetic.
 *
 * The includer provides, before including this file:
 *
 *	static uint64_t bench_now_ns(void);	a monotonic clock, in ns
 *	printf()				its C library's
 *
 * Each figure is one console line (docs/benchmarks.md),
 *
 *	bench <name> <value> <unit>
 *
 * which a partition's console prefixes with "[<partition>] "; the runner
 * (tests/bench/run) reads nothing else. Values are printed in fixed point
 * with integer arithmetic: a partition's printf has no floating point.
 */

#include <stdint.h>

#define BENCH_RUNS	5		/* odd: the median is one of the runs */
#define BENCH_RUN_NS	50000000ull	/* 50 ms, many clock ticks and timer interrupts long */

/* The TSC, once every earlier instruction has completed. */
static inline uint64_t bench_rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("lfence; rdtsc" : "=a"(lo), "=d"(hi) :: "memory");
	return (uint64_t)hi << 32 | lo;
}

/*
 * The unit of work of the CPU-share benchmarks: the number of iterations
 * a spinning program completes is the CPU time it received.
 */
static inline void bench_spin(uint64_t n)
{
	for (uint64_t i = 0; i < n; i++)
		__asm__ volatile("" : "+r"(i));	/* every iteration stays */
}

/* Does the measured operation n times. */
typedef void bench_op_fn(uint64_t n);

struct bench_run {
	uint64_t ns;
	uint64_t tsc;
};

/*
 * The median of BENCH_RUNS runs of `op`, each `*n` operations long, with
 * `*n` doubled first until one run takes BENCH_RUN_NS: long enough for
 * the clock's resolution not to matter, whatever the speed of the CPU or
 * of the emulator.
 */
static inline struct bench_run bench_measure(bench_op_fn *op, uint64_t *n)
{
	struct bench_run runs[BENCH_RUNS], r;
	uint64_t t0;
	int i, j;

	for (*n = 1;; *n *= 2) {
		t0 = bench_now_ns();
		op(*n);
		if (bench_now_ns() - t0 >= BENCH_RUN_NS)
			break;
	}
	for (i = 0; i < BENCH_RUNS; i++) {
		t0 = bench_now_ns();
		r.tsc = bench_rdtsc();
		op(*n);
		r.tsc = bench_rdtsc() - r.tsc;
		r.ns = bench_now_ns() - t0;
		for (j = i; j > 0 && runs[j - 1].ns > r.ns; j--)
			runs[j] = runs[j - 1];
		runs[j] = r;
	}
	return runs[BENCH_RUNS / 2];
}

/* Prints "bench <name><suffix> <milli / 1000, three decimals> <unit>". */
static inline void bench_report_milli(const char *name, const char *suffix,
			       uint64_t milli, const char *unit)
{
	printf("bench %s%s %llu.%03llu %s\n", name, suffix,
	       (unsigned long long)(milli / 1000),
	       (unsigned long long)(milli % 1000), unit);
}

/*
 * The cost of one operation: `<name>` in ns/call and `<name>_tsc` in
 * TSC cycles per call.
 */
static inline void bench_per_call(const char *name, bench_op_fn *op)
{
	uint64_t n;
	struct bench_run r = bench_measure(op, &n);

	bench_report_milli(name, "", r.ns * 1000 / n, "ns/call");
	bench_report_milli(name, "_tsc", r.tsc * 1000 / n, "cycles/call");
}

/* The rate of an operation: `<name>`, operations per ms, in `unit`. */
static inline void bench_rate(const char *name, bench_op_fn *op,
			      const char *unit)
{
	uint64_t n;
	struct bench_run r = bench_measure(op, &n);

	bench_report_milli(name, "", n * 1000000000ull / r.ns, unit);
}

#endif
