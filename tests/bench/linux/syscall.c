// SPDX-License-Identifier: MIT
/*
 * The Linux side of the hypercall and CPU-share benchmarks: a system call
 * round trip (getppid, which does next to nothing in the kernel, so the
 * figure is the cost of entering and leaving it) and the spin loop's rate
 * on a whole CPU.
 */

#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static uint64_t bench_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

#include "bench.h"

/* syscall() rather than getppid(): the C library must not answer it. */
static void getppid_loop(uint64_t n)
{
	for (uint64_t i = 0; i < n; i++)
		syscall(SYS_getppid);
}

int main(void)
{
	bench_per_call("syscall", getppid_loop);
	bench_rate("spin", bench_spin, "iter/ms");
	return 0;
}
