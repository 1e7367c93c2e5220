/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_LIB_START_H
#define TESSERA_LIB_START_H

/*
 * crt0.S calls tessera_start() on the partition's stack, which calls the
 * program's main() with bootargs as argv and exit() with what it returns.
 */
_Noreturn void tessera_start(void);

int main(int argc, char **argv);

#endif
