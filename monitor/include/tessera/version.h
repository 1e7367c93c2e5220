/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_VERSION_H
#define TESSERA_VERSION_H

/* The monitor's version, printed first at boot: major.minor.patch. */
#define TESSERA_VERSION	"0.1.0"

#endif
