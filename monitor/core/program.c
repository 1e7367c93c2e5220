// SPDX-License-Identifier: MIT
/* Finding an embedded partition program by name (see tessera/program.h). */
#include <tessera/program.h>
#include <tessera/string.h>

/* from $(O)/gen/programs.S */
extern const struct program tessera_programs[];
extern const uint32_t tessera_nr_programs;

const struct program *program_find(const char *name)
{
	for (uint32_t i = 0; i < tessera_nr_programs; i++)
		if (strcmp(tessera_programs[i].name, name) == 0)
			return &tessera_programs[i];
	return NULL;
}
