// SPDX-License-Identifier: MIT
/*
 * The Linux side of the ring round trip (docs/benchmarks.md): a 64-byte
 * message sent through one pipe to a child process, which writes it back
 * through another; parent and child pinned on CPUs 0 and 1 when Linux has
 * two (under -icount it starts one, maxcpus=1: then both share CPU 0, and
 * the line "pipe: on 1 CPU" says so). Set against ring_rtt. Then
 * pipe_mbps: 2 KiB messages streamed, 16 in flight, echoed back as the
 * ring's whole slots are (ring_mbps).
 */

#define _GNU_SOURCE
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
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

#define PIPE_SIZE	64
#define PIPE_SLOT	2048	/* the ring's slots in tests/bench/ring.dts */
#define PIPE_INFLIGHT	16	/* its slots: 32 KiB each way, below a pipe's 64 */

static int to_child[2], to_parent[2];
static char buf[PIPE_SLOT];

static void pin(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set)) {
		perror("pipe: sched_setaffinity");
		exit(1);
	}
}

/* Reads exactly `size` bytes: 1, or 0 at the end of the pipe. */
static int get_n(int fd, size_t size)
{
	size_t got = 0;

	while (got < size) {
		ssize_t r = read(fd, buf + got, size - got);

		if (r <= 0)
			return 0;
		got += (size_t)r;
	}
	return 1;
}

static int get(int fd)
{
	return get_n(fd, PIPE_SIZE);
}

/*
 * n messages of PIPE_SLOT bytes streamed, PIPE_INFLIGHT in flight as in
 * the ring's throughput figure, each echoed back by the child.
 */
static void stream(uint64_t n)
{
	for (uint64_t i = 0; i < n + PIPE_INFLIGHT; i++) {
		if (i >= PIPE_INFLIGHT && !get_n(to_parent[0], PIPE_SLOT)) {
			perror("pipe: stream");
			exit(1);
		}
		if (i < n &&
		    write(to_child[1], buf, PIPE_SLOT) != PIPE_SLOT) {
			perror("pipe: stream");
			exit(1);
		}
	}
}

static void trips(uint64_t n)
{
	for (uint64_t i = 0; i < n; i++) {
		if (write(to_child[1], buf, PIPE_SIZE) != PIPE_SIZE ||
		    !get(to_parent[0])) {
			perror("pipe: round trip");
			exit(1);
		}
	}
}

int main(void)
{
	cpu_set_t set;
	int cpus, status;
	pid_t child;

	if (sched_getaffinity(0, sizeof(set), &set)) {
		perror("pipe: sched_getaffinity");
		return 1;
	}
	cpus = CPU_COUNT(&set) >= 2 ? 2 : 1;
	printf("pipe: on %d CPU%s\n", cpus, cpus == 2 ? "s" : "");
	fflush(stdout);
	if (pipe(to_child) || pipe(to_parent)) {
		perror("pipe: pipe");
		return 1;
	}
	child = fork();
	if (child < 0) {
		perror("pipe: fork");
		return 1;
	}
	if (!child) {
		pin(cpus - 1);
		close(to_child[1]);
		close(to_parent[0]);
		/* whatever came, sent back as it came */
		for (;;) {
			ssize_t r = read(to_child[0], buf, sizeof(buf));

			if (r <= 0)
				_exit(r ? 1 : 0);
			if (write(to_parent[1], buf, (size_t)r) != r)
				_exit(1);
		}
	}
	pin(0);
	close(to_child[0]);
	close(to_parent[1]);
	bench_per_call("pipe_rtt", trips);
	{
		uint64_t n;
		struct bench_run r = bench_measure(stream, &n);

		bench_report_milli("pipe_mbps", "",
				   n * PIPE_SLOT * 1000000ull / r.ns, "MB/s");
	}
	close(to_child[1]);
	if (waitpid(child, &status, 0) != child || !WIFEXITED(status) ||
	    WEXITSTATUS(status))
		return 1;
	return 0;
}
