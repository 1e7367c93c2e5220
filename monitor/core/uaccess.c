// SPDX-License-Identifier: MIT
/* Partition ranges checked and mapped (see tessera/uaccess.h). */

#include <public/layout.h>
#include <tessera/errno.h>
#include <tessera/uaccess.h>

int uaccess_check(uint64_t mem_size, uint64_t va, uint64_t len,
		  uint64_t *offset)
{
	/* subtractions only, each on values already known in order: no sum
	 * of two hostile numbers can wrap around */
	if (va < TESSERA_MEM_BASE || len > mem_size ||
	    va - TESSERA_MEM_BASE > mem_size - len)
		return -EFAULT;
	*offset = va - TESSERA_MEM_BASE;
	return 0;
}

void *uaccess_map(void *mem, uint64_t mem_size, uint64_t va, uint64_t len)
{
	uint64_t offset;

	if (uaccess_check(mem_size, va, len, &offset))
		return NULL;
	return (uint8_t *)mem + offset;
}
