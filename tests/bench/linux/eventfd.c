// SPDX-License-Identifier: MIT
/*
 * The Linux side of the ring round trip over shared memory
 * (docs/benchmarks.md): a 64-byte request copied into a shared page, an
 * eventfd written to wake the child, which copies it into the response
 * and wakes the parent through a second eventfd. Parent and child are
 * pinned on CPUs 0 and 1 when Linux has two (under -icount it starts
 * one, maxcpus=1: then both share CPU 0, and "eventfd: on 1 CPU" says
 * so). Set against ring_rtt, as pipe.c is. Then eventfd_mbps: 2 KiB
 * messages through shared slots, 16 at a time with one eventfd write
 * each way per 16, as the ring's whole slots go with its suppression
 * (ring_mbps).
 */

#define _GNU_SOURCE
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static uint64_t bench_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

#include "bench.h"

#define EV_SIZE		64
#define EV_SLOT		2048	/* the ring's slots in tests/bench/ring.dts */
#define EV_INFLIGHT	16	/* and their number */

struct ev_shared {
	volatile int done;
	volatile int batch;	/* slots to echo; 0: a round trip of req */
	char req[EV_SIZE];
	char rsp[EV_SIZE];
	char slots[EV_INFLIGHT][EV_SLOT];
};

static struct ev_shared *shm;
static int to_child, to_parent;
static char msg[EV_SIZE];
static char slot[EV_SLOT];	/* a process's own copy of a message */

static void pin(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set)) {
		perror("eventfd: sched_setaffinity");
		exit(1);
	}
}

static void kick(int fd)
{
	uint64_t one = 1;

	if (write(fd, &one, sizeof(one)) != sizeof(one)) {
		perror("eventfd: write");
		exit(1);
	}
}

static void await(int fd)
{
	uint64_t v;

	if (read(fd, &v, sizeof(v)) != sizeof(v)) {
		perror("eventfd: read");
		exit(1);
	}
}

static void trips(uint64_t n)
{
	for (uint64_t i = 0; i < n; i++) {
		memcpy(shm->req, msg, EV_SIZE);
		kick(to_child);
		await(to_parent);
		memcpy(msg, shm->rsp, EV_SIZE);
	}
}

/*
 * n messages of EV_SLOT bytes, EV_INFLIGHT at a time: each copied into a
 * shared slot, one eventfd write for the batch, each copied out of its
 * slot once the child has echoed them all (echo_batch).
 */
static void stream(uint64_t n)
{
	for (uint64_t i = 0; i < n; i += EV_INFLIGHT) {
		int batch = n - i < EV_INFLIGHT ? (int)(n - i) : EV_INFLIGHT;

		for (int k = 0; k < batch; k++)
			memcpy(shm->slots[k], slot, EV_SLOT);
		shm->batch = batch;
		kick(to_child);
		await(to_parent);
		for (int k = 0; k < batch; k++)
			memcpy(slot, shm->slots[k], EV_SLOT);
	}
	shm->batch = 0;
}

/* The child's side of stream(): each slot copied out and back, as echo does. */
static void echo_batch(int batch)
{
	for (int k = 0; k < batch; k++) {
		memcpy(slot, shm->slots[k], EV_SLOT);
		memcpy(shm->slots[k], slot, EV_SLOT);
	}
}

int main(void)
{
	cpu_set_t set;
	int cpus, status;
	pid_t child;

	if (sched_getaffinity(0, sizeof(set), &set)) {
		perror("eventfd: sched_getaffinity");
		return 1;
	}
	cpus = CPU_COUNT(&set) >= 2 ? 2 : 1;
	printf("eventfd: on %d CPU%s\n", cpus, cpus == 2 ? "s" : "");
	fflush(stdout);
	shm = mmap(NULL, sizeof(*shm), PROT_READ | PROT_WRITE,
		   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	to_child = eventfd(0, 0);
	to_parent = eventfd(0, 0);
	if (shm == MAP_FAILED || to_child < 0 || to_parent < 0) {
		perror("eventfd: setup");
		return 1;
	}
	child = fork();
	if (child < 0) {
		perror("eventfd: fork");
		return 1;
	}
	if (!child) {
		pin(cpus - 1);
		for (;;) {
			await(to_child);
			if (shm->done)
				_exit(0);
			if (shm->batch)
				echo_batch(shm->batch);
			else
				memcpy(shm->rsp, shm->req, EV_SIZE);
			kick(to_parent);
		}
	}
	pin(0);
	memset(msg, 0x5a, sizeof(msg));
	bench_per_call("eventfd_rtt", trips);
	{
		uint64_t n;
		struct bench_run r = bench_measure(stream, &n);

		bench_report_milli("eventfd_mbps", "",
				   n * EV_SLOT * 1000000ull / r.ns, "MB/s");
	}
	shm->done = 1;
	kick(to_child);
	if (waitpid(child, &status, 0) != child || !WIFEXITED(status) ||
	    WEXITSTATUS(status))
		return 1;
	return 0;
}
