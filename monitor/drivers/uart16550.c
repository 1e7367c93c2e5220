// SPDX-License-Identifier: MIT
/* The console UART (see drivers/uart16550.h). */

#include <stddef.h>
#include <stdint.h>
#include <arch/io.h>
#include <arch/irq.h>
#include <drivers/uart16550.h>
#include <tessera/compiler.h>

/* The PC's UART clock: 1.8432 MHz, divided by 16 per bit. */
#define UART_CLOCK	1843200
#define UART_DIVISOR	(UART_CLOCK / 16 / CONFIG_CONSOLE_BAUD)
BUILD_BUG_ON(UART_DIVISOR == 0 || UART_DIVISOR > 0xffff);

#define UART_THR	0	/* transmit holding (DLAB 0) */
#define UART_DLL	0	/* divisor latch (DLAB 1) */
#define UART_IER	1
#define UART_DLM	1
#define UART_FCR	2
#define  FCR_ENABLE_CLEAR 0x07	/* FIFOs on, both cleared */
#define UART_LCR	3
#define  LCR_8N1	0x03
#define  LCR_DLAB	0x80
#define UART_MCR	4
#define  MCR_DTR_RTS	0x03	/* OUT2 off: no interrupts reach the PIC */
#define UART_LSR	5
#define  LSR_THRE	0x20

/*
 * Polls of the line status before a byte is written anyway: at 115200
 * baud a byte leaves in 87 us, an inb takes about 1 us, so this waits
 * for the FIFO far longer than it ever needs, without hanging the
 * monitor on a UART that is not there.
 */
#define UART_THRE_POLLS	100000

static uint16_t uart_base;

static void uart16550_putc(char c)
{
	for (unsigned int i = 0; i < UART_THRE_POLLS; i++) {
		if (inb(uart_base + UART_LSR) & LSR_THRE)
			break;
		arch_cpu_relax();
	}
	outb(uart_base + UART_THR, (uint8_t)c);
}

/* A terminal wants CR LF. */
static void uart16550_write(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\n')
			uart16550_putc('\r');
		uart16550_putc(s[i]);
	}
}

console_write_fn uart16550_init(const struct tessera_tables *t)
{
	if (t->console >= t->nr_devices || !t->devices[t->console].nr_ports)
		return NULL;
	uart_base = t->devices[t->console].ports[0].base;
	outb(uart_base + UART_IER, 0);
	outb(uart_base + UART_LCR, LCR_DLAB);
	outb(uart_base + UART_DLL, UART_DIVISOR & 0xff);
	outb(uart_base + UART_DLM, UART_DIVISOR >> 8);
	outb(uart_base + UART_LCR, LCR_8N1);
	outb(uart_base + UART_FCR, FCR_ENABLE_CLEAR);
	outb(uart_base + UART_MCR, MCR_DTR_RTS);
	return uart16550_write;
}
