/* SPDX-License-Identifier: MIT */
#ifndef ARCH_I8259_H
#define ARCH_I8259_H

void i8259_mask_all(void);

#endif
