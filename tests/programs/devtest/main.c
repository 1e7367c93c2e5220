// SPDX-License-Identifier: MIT
/*
 * devtest <mode> [args] [-- <mode> [args]]: a driver partition's view of
 * its devices (uart, pci), a partition without them (nodev), and the
 * probes that must fault (in, outl, mmio); the mode after "--" runs when
 * the first passed. See devtest.h.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <tessera.h>
#include "devtest.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

unsigned int devtest_failures;

void devtest_check(const char *what, long got, long want)
{
	if (got == want) {
		printf("%s: %ld ok\n", what, got);
		return;
	}
	printf("%s: %ld, expected %ld FAILED\n", what, got, want);
	devtest_failures++;
}

long devtest_hc(uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2,
		uint64_t a3)
{
	register uint64_t r10 __asm__("r10") = a3;
	long ret;

	__asm__ __volatile__("syscall"
			     : "=a"(ret)
			     : "a"(nr), "D"(a0), "S"(a1), "d"(a2), "r"(r10)
			     : "rcx", "r11", "cc", "memory");
	return ret;
}

int devtest_device(const char *name)
{
	const struct tessera_start_info *si = tessera_start_info();

	for (uint32_t i = 0; i < si->nr_devices; i++)
		if (strcmp(si->devices[i].name, name) == 0)
			return (int)i;
	return -1;
}

uint16_t devtest_port(const char *arg)
{
	return (uint16_t)strtoul(arg, NULL, 0);
}

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
} devtest_modes[] = {
	{ "uart", devtest_uart },
	{ "pci", devtest_pci },
	{ "nodev", devtest_nodev },
	{ "in", devtest_in },
	{ "outl", devtest_outl },
	{ "mmio", devtest_mmio },
};

static int devtest_run(int argc, char **argv)
{
	for (size_t i = 0; argc > 0 && i < ARRAY_SIZE(devtest_modes); i++)
		if (strcmp(argv[0], devtest_modes[i].name) == 0)
			return devtest_modes[i].run(argc, argv);
	printf("usage: devtest uart|pci|nodev|in <port>|outl <port>|mmio "
	       "[-- <mode>]\n");
	return 2;
}

int main(int argc, char **argv)
{
	int first = 1, status;

	while (first < argc && strcmp(argv[first], "--") != 0)
		first++;
	status = devtest_run(first - 1, argv + 1);
	if (status || first + 1 >= argc)
		return status;
	return devtest_run(argc - first - 1, argv + first + 1);
}
