// SPDX-License-Identifier: MIT
/*
 * The Linux side of the ring round trip (docs/benchmarks.md): a 64-byte
 * message sent through one pipe to a child process, which writes it back
 * through another; parent and child pinned on CPUs 0 and 1 when Linux has
 * two (under -icount it starts one, maxcpus=1: then both share CPU 0, and
 * the line "pipe: on 1 CPU" says so). Set against ring_rtt.
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

static int to_child[2], to_parent[2];
static char buf[PIPE_SIZE];

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

/* Reads exactly PIPE_SIZE bytes: 1, or 0 at the end of the pipe. */
static int get(int fd)
{
	size_t got = 0;

	while (got < PIPE_SIZE) {
		ssize_t r = read(fd, buf + got, PIPE_SIZE - got);

		if (r <= 0)
			return 0;
		got += (size_t)r;
	}
	return 1;
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
		while (get(to_child[0]))
			if (write(to_parent[1], buf, PIPE_SIZE) != PIPE_SIZE)
				_exit(1);
		_exit(0);
	}
	pin(0);
	close(to_child[0]);
	close(to_parent[1]);
	bench_per_call("pipe_rtt", trips);
	close(to_child[1]);
	if (waitpid(child, &status, 0) != child || !WIFEXITED(status) ||
	    WEXITSTATUS(status))
		return 1;
	return 0;
}
