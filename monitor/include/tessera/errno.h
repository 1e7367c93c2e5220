/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_ERRNO_H
#define TESSERA_ERRNO_H
/* The monitor's error codes are the public ABI's (negative when returned). */
#include <public/errno.h>
#endif
