/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_LWIP_SIPHASH_H
#define TESSERA_LWIP_SIPHASH_H

#include <stddef.h>
#include <stdint.h>

/*
 * SipHash-2-4 (Aumasson and Bernstein, 2012) of `len` bytes under the
 * 128-bit key key[0] (its bytes 0-7, little-endian) and key[1]: the keyed
 * function F() of RFC 6528's initial sequence numbers.
 */
uint64_t siphash24(const uint64_t key[2], const void *data, size_t len);

#endif
