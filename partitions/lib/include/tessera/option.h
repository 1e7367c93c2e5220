/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_LIB_OPTION_H
#define TESSERA_LIB_OPTION_H

/*
 * Options in bootargs, written key=value (partitions/lib/option.c):
 *
 *	bootargs = "httpd vif=web-net port=80";
 *	tessera_option(argc, argv, "port", "8080")	-> "80"
 */

/*
 * The value of the last word argv[1..argc) that is `key` followed by
 * '=', or `fallback` when there is none. argv[0] is the program's name
 * by convention and never an option.
 */
const char *tessera_option(int argc, char **argv, const char *key,
			   const char *fallback);

#endif
