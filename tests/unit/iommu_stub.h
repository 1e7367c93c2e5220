/* SPDX-License-Identifier: MIT */
#ifndef TESSERA_TEST_IOMMU_STUB_H
#define TESSERA_TEST_IOMMU_STUB_H

#include <stdbool.h>
#include <tessera/iommu.h>

/* Whether the stub's IOMMU translates (tests/unit/iommu_stub.c). */
extern bool iommu_stub_translating;

#endif
