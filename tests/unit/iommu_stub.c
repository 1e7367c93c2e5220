// SPDX-License-Identifier: MIT
/*
 * The IOMMU as start_info.c sees it (tessera/iommu.h), for host tests:
 * absent unless a test sets iommu_stub_translating.
 */
#include <public/layout.h>
#include <public/version.h>
#include "iommu_stub.h"

bool iommu_stub_translating;

uint64_t iommu_dma_base(uint64_t mem_phys)
{
	return iommu_stub_translating ? TESSERA_MEM_BASE : mem_phys;
}

uint64_t iommu_features(void)
{
	return iommu_stub_translating ? TESSERA_FEATURE_IOMMU : 0;
}
