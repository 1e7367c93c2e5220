// SPDX-License-Identifier: MIT
/*
 * httpd for the Linux baseline of the HTTP benchmark (docs/benchmarks.md):
 * partitions/httpd's own sources, unchanged, over shim.c's Linux version
 * of the guest API they use, as one file since scripts/linux-baseline
 * builds a program from one. Run as
 *
 *	httpd disk=/dev/vda:<start sector>:<sectors> port=80
 */
#pragma GCC diagnostic ignored "-Wunused-parameter"	/* as partitions.mk */
#include "shim.c"
#include "../../../partitions/lib/option.c"
#include "../../../partitions/httpd/http.c"
#include "../../../partitions/httpd/tar.c"
#include "../../../partitions/httpd/main.c"
