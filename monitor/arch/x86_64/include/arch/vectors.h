/* SPDX-License-Identifier: MIT */
#ifndef ARCH_VECTORS_H
#define ARCH_VECTORS_H

/* Interrupt vectors: the architecture's exceptions and the monitor's own. */

#define VECTOR_DE	0	/* divide error */
#define VECTOR_DB	1
#define VECTOR_NMI	2
#define VECTOR_BP	3
#define VECTOR_OF	4
#define VECTOR_BR	5
#define VECTOR_UD	6
#define VECTOR_NM	7
#define VECTOR_DF	8
#define VECTOR_TS	10
#define VECTOR_NP	11
#define VECTOR_SS	12
#define VECTOR_GP	13
#define VECTOR_PF	14
#define VECTOR_MF	16
#define VECTOR_AC	17
#define VECTOR_MC	18
#define VECTOR_XM	19
#define VECTOR_VE	20
#define VECTOR_CP	21
#define VECTOR_HV	28
#define VECTOR_VC	29
#define VECTOR_SX	30
#define NR_EXCEPTIONS	32

/*
 * Device interrupts of driver partitions, a vector each, from the IOAPIC
 * (monitor/core/device_irq.c): every vector between the exceptions' and
 * the monitor's own but the first class, which legacy PICs and firmware
 * use.
 */
#define VECTOR_DEVICE_FIRST	0x30
#define VECTOR_DEVICE_COUNT	(VECTOR_TIMER - VECTOR_DEVICE_FIRST)

/*
 * The monitor's interrupts, above every vector an IOAPIC pin will get, in
 * the highest priority class. The spurious vector's low four bits are set,
 * as older local APICs hard-wire them.
 */
#define VECTOR_TIMER	0xf0	/* local APIC timer */
#define VECTOR_CALL	0xf1	/* cross-CPU call (smp_call) */
#define VECTOR_KICK	0xf2	/* look at the vCPUs again (arch_cpu_kick) */
#define VECTOR_SPURIOUS	0xff

#endif
