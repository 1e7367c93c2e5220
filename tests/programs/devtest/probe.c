// SPDX-License-Identifier: MIT
/*
 * A partition without devices (nodev: the device calls refuse it), and
 * the probes that must fault, each printing where before it runs:
 *	devtest in <port>: rip 0x<rip>
 *	devtest outl <port>: rip 0x<rip>
 *	devtest mmio: rip 0x<rip> addr 0x<address>
 */
#include <stdio.h>
#include <tessera.h>
#include "devtest.h"

/*
 * name(arg): arg in rdx, `setup`, then `insn` at the label name_at, alone,
 * so that its address can be printed.
 */
#define PROBE(name, setup, insn)					\
	void name(uint64_t arg);					\
	extern const char name##_at[];					\
	__asm__(".pushsection .text." #name ", \"ax\", @progbits\n"	\
		".type " #name ", @function\n"				\
		#name ":\n\t"						\
		"mov %rdi, %rdx\n\t" setup "\n"			\
		#name "_at:\n\t" insn "\n\t"				\
		"ret\n"							\
		".size " #name ", . - " #name "\n"			\
		".popsection")

PROBE(probe_in, "", "inb %dx, %al");
PROBE(probe_outl, "mov $0x80000000, %eax", "outl %eax, %dx");
PROBE(probe_load, "", "mov (%rdx), %rax");

int devtest_nodev(int argc, char **argv)
{
	CHECK("nodev irq ack 0", tessera_irq_ack(0), -EINVAL);
	CHECK("nodev pci read 0", tessera_pci_config_read(0, 0, 4), -EINVAL);
	CHECK("nodev pci write 0", tessera_pci_config_write(0, 4, 2, 6), -EINVAL);
	CHECK("nodev features", !!(tessera_start_info()->features &
				   TESSERA_FEATURE_DEVICES), 1);
	return (int)devtest_failures;
}

int devtest_in(int argc, char **argv)
{
	uint16_t port = devtest_port(argc > 1 ? argv[1] : "0");

	printf("devtest in 0x%x: rip 0x%lx\n", port, (unsigned long)probe_in_at);
	probe_in(port);
	printf("devtest in 0x%x: no fault\n", port);
	return 1;
}

int devtest_outl(int argc, char **argv)
{
	uint16_t port = devtest_port(argc > 1 ? argv[1] : "0");

	printf("devtest outl 0x%x: rip 0x%lx\n", port,
	       (unsigned long)probe_outl_at);
	probe_outl(port);
	printf("devtest outl 0x%x: no fault\n", port);
	return 1;
}

/* The first address of the MMIO window, where a driver's device would be. */
int devtest_mmio(int argc, char **argv)
{
	printf("devtest mmio: rip 0x%lx addr 0x%lx\n",
	       (unsigned long)probe_load_at, (unsigned long)TESSERA_MMIO_BASE);
	probe_load(TESSERA_MMIO_BASE);
	printf("devtest mmio: no fault\n");
	return 1;
}
