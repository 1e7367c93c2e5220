/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_LWIP_LWIPOPTS_H
#define TESSERA_LWIP_LWIPOPTS_H

/*
 * lwIP as a partition runs it: one vCPU, one event loop, no threads
 * (NO_SYS, the raw callback API), IPv4 over one Ethernet interface (the
 * partition's vif), TCP, UDP and ICMP echo. Memory comes from lwIP's own
 * static pools in .bss, so what a partition can be made to allocate is
 * bounded at build time; the sizes below fit a few dozen connections in
 * a partition of a few MiB.
 */

#define NO_SYS				1
#define SYS_LIGHTWEIGHT_PROT		0
#define LWIP_SOCKET			0
#define LWIP_NETCONN			0
#define LWIP_IPV4			1
#define LWIP_IPV6			0
#define LWIP_ARP			1
#define LWIP_ETHERNET			1
#define LWIP_ICMP			1
#define LWIP_RAW			0
#define LWIP_UDP			1
#define LWIP_TCP			1
#define LWIP_DHCP			0
#define LWIP_AUTOIP			0
#define LWIP_IGMP			0
#define LWIP_DNS			0
#define LWIP_STATS			0
#define LWIP_NETIF_LOOPBACK		0
#define IP_FORWARD			0
#define IP_REASSEMBLY			0
#define IP_FRAG				0

/* lwIP's own heap and pools, never libc's malloc (there is none) */
#define MEM_LIBC_MALLOC			0
#define MEMP_MEM_MALLOC			0
#define MEM_ALIGNMENT			8
#define MEM_SIZE			(256 * 1024)
#define MEMP_NUM_PBUF			64
#define MEMP_NUM_TCP_PCB		32
#define MEMP_NUM_TCP_PCB_LISTEN		4
#define MEMP_NUM_TCP_SEG		256
#define MEMP_NUM_UDP_PCB		4
#define PBUF_POOL_SIZE			128

/* one vif frame: 14 bytes of Ethernet header and an MTU of 1500 */
#define PBUF_POOL_BUFSIZE		1536
#define TCP_MSS				1460
#define TCP_WND				(16 * TCP_MSS)
#define TCP_SND_BUF			(16 * TCP_MSS)
#define TCP_SND_QUEUELEN		(4 * TCP_SND_BUF / TCP_MSS)
#define TCP_LISTEN_BACKLOG		1
#define LWIP_TCP_KEEPALIVE		1

/*
 * Initial sequence numbers as RFC 6528 asks (sys_arch.c); lwIP's own
 * are a counter anyone can predict. Local ports start at random.
 */
#define LWIP_HOOK_FILENAME		"tessera_lwip_hooks.h"
#define LWIP_RANDOMIZE_INITIAL_LOCAL_PORTS 1

/* checksums are made and checked in software: frames come from outside */
#define LWIP_NETIF_STATUS_CALLBACK	0
#define LWIP_NETIF_LINK_CALLBACK	0
#define LWIP_SINGLE_NETIF		1

#define LWIP_DEBUG			0

#endif
