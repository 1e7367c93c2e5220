/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_START_INFO_H
#define TESSERA_START_INFO_H

#include <public/start_info.h>
#include <tessera/tables.h>

/*
 * Writes partition `id`'s start-info page (public/start_info.h) from the
 * domain tables, every byte of it: what the tables do not fill is zero.
 * The tables were checked (tables_check), so their indices are in range.
 */
void start_info_fill(struct tessera_start_info *si,
		     const struct tessera_tables *t, unsigned int id);

#endif
