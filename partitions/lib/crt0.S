/* SPDX-License-Identifier: MIT */
/*
 * The partition's entry point. The monitor starts vCPU 0 here with every
 * register zero (public/layout.h); the stack goes at the top of the
 * partition's memory, as the start-info page gives it, and the frame
 * pointer stays zero so that a backtrace ends here.
 */

#include <public/layout.h>
#include <public/start_info.h>

	.section .text.start, "ax"
	.globl _start
	.type _start, @function
_start:
	.cfi_startproc
	.cfi_undefined rip
	mov	$TESSERA_START_INFO_ADDR, %eax
	mov	TESSERA_SI_OFF_MEM_BASE(%rax), %rsp
	add	TESSERA_SI_OFF_MEM_SIZE(%rax), %rsp
	and	$-16, %rsp		/* the C ABI's alignment at a call */
	xor	%ebp, %ebp
	call	tessera_start
	ud2				/* tessera_start does not return */
	.cfi_endproc
	.size _start, . - _start

	.section .note.GNU-stack, "", @progbits
