// SPDX-License-Identifier: MIT
/*
 * devtest uart: the driver of COM2 (serial@2f8). Its scratch register
 * keeps what it is given; its transmitter-empty interrupt arrives as an
 * event on the IRQ's port, once, and again after the acknowledgement and
 * a new edge. Its config-space calls are refused: it is no PCI function.
 */
#include <stdio.h>
#include <tessera.h>
#include "devtest.h"

#define UART_IER	1	/* interrupt enable */
#define UART_IIR	2	/* interrupt identification, read */
#define UART_LCR	3
#define UART_MCR	4
#define UART_SCR	7	/* scratch */
#define UART_IER_THRI	0x02	/* transmitter holding register empty */
#define UART_LCR_8N1	0x03
#define UART_MCR_OUT2	0x08	/* gates the IRQ on a PC */

static void outb(uint16_t port, uint8_t v)
{
	__asm__ __volatile__("outb %0, %1" :: "a"(v), "Nd"(port));
}

static uint8_t inb(uint16_t port)
{
	uint8_t v;

	__asm__ __volatile__("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static void uart_scratch(uint16_t base)
{
	static const uint8_t values[] = { 0x5a, 0xa5 };

	for (unsigned int i = 0; i < sizeof(values); i++) {
		outb(base + UART_SCR, values[i]);
		CHECK("uart scratch", inb(base + UART_SCR), values[i]);
	}
}

/* Waits for the port's event; the interrupt it stands for, from IIR. */
static void uart_event(uint16_t base, unsigned int port, const char *what)
{
	while (tessera_event_clear(port) != 1)
		tessera_wait_event();
	/* reading IIR takes the transmitter-empty interrupt: the line drops */
	CHECK(what, inb(base + UART_IIR), UART_IER_THRI);
}

int devtest_uart(int argc, char **argv)
{
	int d = devtest_device("serial@2f8");
	const struct tessera_device_info *di;
	uint16_t base;
	unsigned int port;

	if (d < 0) {
		printf("no serial@2f8 among the devices FAILED\n");
		return 1;
	}
	di = &tessera_start_info()->devices[d];
	base = di->ports[0].base;
	port = di->irqs[0].port;
	printf("uart at 0x%x, irq %u on port %u\n", base, di->irqs[0].irq, port);
	uart_scratch(base);

	outb(base + UART_LCR, UART_LCR_8N1);
	outb(base + UART_MCR, UART_MCR_OUT2);
	outb(base + UART_IER, UART_IER_THRI);
	uart_event(base, port, "uart event 1: iir");
	CHECK("uart ack", tessera_irq_ack(port), 0);
	/* a new edge: the interrupt enabled again while the THR is empty */
	outb(base + UART_IER, 0);
	outb(base + UART_IER, UART_IER_THRI);
	uart_event(base, port, "uart event 2: iir");
	CHECK("uart ack", tessera_irq_ack(port), 0);
	CHECK("uart ack of an open line", tessera_irq_ack(port), 0);
	outb(base + UART_IER, 0);

	CHECK("uart pci read", tessera_pci_config_read((unsigned int)d, 0, 4),
	      -ENODEV);
	CHECK("uart pci write", tessera_pci_config_write((unsigned int)d, 4, 2, 0),
	      -ENODEV);
	CHECK("uart irq ack of port + 1", tessera_irq_ack(port + 1), -EINVAL);
	CHECK("uart irq ack of the timer port", tessera_irq_ack(TESSERA_PORT_TIMER),
	      -EINVAL);
	CHECK("uart irq ack of port + 2^32",
	      devtest_hc(TESSERA_HC_IRQ_ACK, (1ULL << 32) | port, 0, 0, 0),
	      -EINVAL);
	CHECK("uart irq ack of -1", devtest_hc(TESSERA_HC_IRQ_ACK, ~0ULL, 0, 0, 0),
	      -EINVAL);
	return (int)devtest_failures;
}
