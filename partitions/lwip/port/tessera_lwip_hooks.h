/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_LWIP_HOOKS_H
#define TESSERA_LWIP_HOOKS_H

/* lwIP's hooks (lwipopts.h's LWIP_HOOK_FILENAME), defined in sys_arch.c */

#include "lwip/ip_addr.h"

u32_t tessera_lwip_isn(const ip_addr_t *local_ip, u16_t local_port,
		       const ip_addr_t *remote_ip, u16_t remote_port);
#define LWIP_HOOK_TCP_ISN	tessera_lwip_isn

#endif
