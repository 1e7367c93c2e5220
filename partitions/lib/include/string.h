/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_LIB_STRING_H
#define TESSERA_LIB_STRING_H

/*
 * The memory and string functions: monitor/lib/string.c, the monitor's
 * own, built into the guest library; its header says what each does.
 */

#include <tessera/string.h>

#endif
