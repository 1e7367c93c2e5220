// SPDX-License-Identifier: MIT
/*
 * yield: the Tessera side of the hypercall and spin benchmarks of
 * `make bench` (tests/bench/yield.dts, docs/benchmarks.md). On a
 * dedicated CPU the monitor finds nothing else to run, so a yield is the
 * bare cost of entering and leaving it, set against Linux's getppid
 * round trip (tests/bench/linux/syscall.c); the spin rate is the whole
 * CPU a partition gets, set against a Linux process's.
 */
#include <stdint.h>
#include <stdio.h>
#include <tessera.h>

static uint64_t bench_now_ns(void)
{
	return tessera_now_ns();
}

#include "../../bench/include/bench.h"

static void yield_loop(uint64_t n)
{
	for (uint64_t i = 0; i < n; i++)
		tessera_yield();
}

int main(void)
{
	bench_per_call("yield", yield_loop);
	bench_rate("spin", bench_spin, "iter/ms");
	return 0;
}
