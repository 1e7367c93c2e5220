/* SPDX-License-Identifier: MIT */
#ifndef BLKCHECK_H
#define BLKCHECK_H

#include <stdint.h>

/*
 * The hostile frontend (hostile.c): n attacks on the channel, then a read
 * on the clean one; 0.
 */
int blkcheck_hostile(const char *channel, uint32_t n, const char *clean_channel);

#endif
