// SPDX-License-Identifier: MIT
/*
 * The Linux side of the ring round trip over shared memory
 * (docs/benchmarks.md): a 64-byte request copied into a shared page, an
 * eventfd written to wake the child, which copies it into the response
 * and wakes the parent through a second eventfd. Parent and child are
 * pinned on CPUs 0 and 1 when Linux has two (under -icount it starts
 * one, maxcpus=1: then both share CPU 0, and "eventfd: on 1 CPU" says
 * so). Set against ring_rtt, as pipe.c is.
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

#define EV_SIZE	64

struct ev_shared {
	volatile int done;
	char req[EV_SIZE];
	char rsp[EV_SIZE];
};

static struct ev_shared *shm;
static int to_child, to_parent;
static char msg[EV_SIZE];

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
			memcpy(shm->rsp, shm->req, EV_SIZE);
			kick(to_parent);
		}
	}
	pin(0);
	memset(msg, 0x5a, sizeof(msg));
	bench_per_call("eventfd_rtt", trips);
	shm->done = 1;
	kick(to_child);
	if (waitpid(child, &status, 0) != child || !WIFEXITED(status) ||
	    WEXITSTATUS(status))
		return 1;
	return 0;
}
