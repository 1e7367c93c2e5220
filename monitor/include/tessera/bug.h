/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_BUG_H
#define TESSERA_BUG_H

/*
 * BUG_ON(cond) panics when cond holds, always. ASSERT(cond) panics when
 * cond does not hold, in builds with CONFIG_ASSERTIONS; without, cond is
 * not evaluated (so it must have no side effect). Both name the file,
 * the line and the condition.
 */

#include <tessera/compiler.h>
#include <tessera/panic.h>

#define BUG_ON(cond)							\
	do {								\
		if (unlikely(cond))					\
			panic("%s:%d: BUG_ON(%s)", __FILE__, __LINE__,	\
			      #cond);					\
	} while (0)

#ifdef CONFIG_ASSERTIONS
#define ASSERT(cond)							\
	do {								\
		if (unlikely(!(cond)))					\
			panic("%s:%d: ASSERT(%s) failed", __FILE__,	\
			      __LINE__, #cond);				\
	} while (0)
#else
#define ASSERT(cond)	((void)sizeof(!(cond)))
#endif

#endif
