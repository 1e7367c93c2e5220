/* SPDX-License-Identifier: MIT */
#ifndef DRIVERS_UART16550_H
#define DRIVERS_UART16550_H

/*
 * The 16550 UART that the board's chosen/stdout-path names
 * (tessera_tables.console), as the monitor's console: polled, no
 * interrupts, 8N1 at CONFIG_CONSOLE_BAUD.
 */

#include <tessera/console.h>
#include <tessera/tables.h>

/* Sets it up; returns its writer for console_init, or NULL without one. */
console_write_fn uart16550_init(const struct tessera_tables *t);

#endif
