/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_TEST_DEVTEST_H
#define TESSERA_TEST_DEVTEST_H

/*
 * devtest: the device-assignment partition of tests/system/test_devices.py.
 * Each mode returns the program's exit status: the number of checks that
 * failed; a probe that must fault returns only when it did not.
 */

#include <stdint.h>

/*
 * CHECK(what, got, want): prints "<what>: <got>" and " ok", or
 * ", expected <want> FAILED" counting the failure.
 */
extern unsigned int devtest_failures;
void devtest_check(const char *what, long got, long want);
#define CHECK(what, got, want)	devtest_check(what, (long)(got), (long)(want))

/* A hypercall with 64-bit arguments, as a hostile partition makes it. */
long devtest_hc(uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2,
		uint64_t a3);

/* The index of this partition's device named `name` in start info, or -1. */
int devtest_device(const char *name);

/* The port the program's main partition is told is the probe's. */
uint16_t devtest_port(const char *arg);

int devtest_uart(int argc, char **argv);	/* uart.c */
int devtest_pci(int argc, char **argv);		/* pci.c */
int devtest_nodev(int argc, char **argv);	/* probe.c */
int devtest_in(int argc, char **argv);
int devtest_outl(int argc, char **argv);
int devtest_mmio(int argc, char **argv);

#endif
