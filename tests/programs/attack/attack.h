/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_TEST_ATTACK_H
#define TESSERA_TEST_ATTACK_H

/*
 * The modes of the attack program. Each returns the program's exit
 * status; a fault attack returns only when its fault did not happen.
 */

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* The monitor's first page of code (docs/boot.md), mapped supervisor-only. */
#define ATTACK_MONITOR_TEXT	0xffffffff80100000ull

/* faults.c: the attacks that must fault, by name; NULL if none is `name`. */
struct fault_attack;
const struct fault_attack *fault_attack_find(const char *name);
int fault_attack_run(const struct fault_attack *attack);

int attack_hypercalls(void);	/* hypercalls.c */
int attack_console(void);	/* console.c */
int attack_restart(void);	/* restart.c */
int attack_flood(void);		/* flood.c */

#endif
