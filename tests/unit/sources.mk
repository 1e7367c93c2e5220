# The sources each host unit test is linked with (see unit.mk).

test_format_SRCS := monitor/lib/format.c monitor/lib/string.c
test_string_SRCS := monitor/lib/string.c

# printk and the console, with the console captured in memory
CONSOLE_SRCS := monitor/core/printk.c monitor/core/console.c \
	monitor/lib/format.c monitor/lib/string.c tests/unit/console_capture.c

test_console_SRCS := $(CONSOLE_SRCS)
test_machine_SRCS := monitor/core/machine.c $(CONSOLE_SRCS)
test_tables_SRCS := monitor/core/tables.c $(CONSOLE_SRCS)
test_acpi_SRCS := monitor/drivers/acpi.c monitor/lib/string.c

# the guest library (partitions/lib/): tests include its headers by path
test_guest_argv_SRCS := partitions/lib/argv.c
test_guest_stdlib_SRCS := partitions/lib/stdlib.c
test_guest_stdout_SRCS := partitions/lib/stdout.c monitor/lib/format.c \
	monitor/lib/string.c

# the monitor's x86_64 logic that needs no hardware
test_pagetable_SRCS := monitor/arch/x86_64/pagetable.c
test_multiboot_SRCS := monitor/arch/x86_64/multiboot.c
test_backtrace_SRCS := monitor/arch/x86_64/backtrace.c
test_memrange_SRCS := monitor/arch/x86_64/memrange.c
test_muldiv_SRCS :=
test_bug_SRCS := tests/unit/bug_noassert.c
test_elf_SRCS := monitor/core/elf.c

# partitions: hypercall ranges, console streams, address spaces
test_uaccess_SRCS := monitor/core/uaccess.c
test_console_stream_SRCS := monitor/core/console_stream.c $(CONSOLE_SRCS)
test_vspace_SRCS := monitor/arch/x86_64/vspace.c monitor/arch/x86_64/pagetable.c
test_start_info_SRCS := monitor/core/start_info.c monitor/core/channel.c \
	monitor/core/device_map.c monitor/lib/string.c tests/unit/iommu_stub.c
test_hypercall_SRCS := monitor/core/hypercall.c monitor/core/uaccess.c \
	monitor/core/console_stream.c tests/unit/device_call_stub.c \
	$(CONSOLE_SRCS)
test_fault_SRCS := monitor/core/fault.c monitor/core/console_stream.c \
	$(CONSOLE_SRCS)
test_fault_CFLAGS := -DCONFIG_MAX_RESTARTS=3
test_sched_pick_SRCS := monitor/core/sched_pick.c

# the guest library's rings, with every load from the ring seen by the test
test_ring_SRCS := partitions/lib/ring.c
test_ring_CFLAGS := -idirafter $(srctree)/partitions/lib/include \
	-include $(srctree)/tests/unit/ring_seam.h

# time and the CPU schedules
test_time_scale_SRCS := monitor/lib/time_scale.c
test_sched_table_SRCS := monitor/core/sched_table.c
test_guest_sleep_SRCS := partitions/lib/sleep.c
SCHED_SRCS := monitor/core/sched.c monitor/core/sched_pick.c \
	monitor/core/sched_table.c monitor/core/event.c monitor/core/channel.c
test_sched_SRCS := $(SCHED_SRCS)
test_sched_CFLAGS := -DCONFIG_MAX_CPUS=4
test_sched_slack_SRCS := $(SCHED_SRCS)
test_sched_slack_CFLAGS := -DCONFIG_MAX_CPUS=4 -DCONFIG_SCHED_SLACK=1

# event ports: the monitor's checks and bits, the library's bit operations
test_event_SRCS := monitor/core/event.c monitor/core/channel.c
# the frame of an upcall on a partition's stack, checked and written
test_upcall_SRCS := monitor/arch/x86_64/upcall_frame.c monitor/core/uaccess.c \
	monitor/lib/string.c
test_guest_event_SRCS := partitions/lib/event.c

# the VT-d IOMMU's tables: context entries and second-level page tables
test_vtd_tables_SRCS := monitor/drivers/vtd_tables.c \
	monitor/arch/x86_64/pagetable.c
test_vtd_check_SRCS := monitor/drivers/vtd_check.c monitor/lib/format.c \
	monitor/lib/string.c

# the network: the guest library's netfront against a backend played by the test
test_netfront_SRCS := partitions/lib/netfront.c partitions/lib/ring.c \
	partitions/lib/channel.c
test_netfront_CFLAGS := -idirafter $(srctree)/partitions/lib/include

# virtio: split virtqueues with the test as the device
test_virtq_SRCS := partitions/lib/virtq.c
test_virtq_CFLAGS := -idirafter $(srctree)/partitions/lib/include

# netdrv: frame parsing, the firewall-router's rules, anti-spoofing and
# switching, the vifs against a frontend played by the test, the switch
test_net_frame_SRCS := partitions/netdrv/frame.c partitions/lib/netframes.c
test_net_frame_CFLAGS := -idirafter $(srctree)/partitions/lib/include
test_net_vfr_SRCS := partitions/netdrv/vfr.c partitions/netdrv/frame.c \
	partitions/lib/netframes.c
test_net_vfr_CFLAGS := -idirafter $(srctree)/partitions/lib/include
test_net_vif_SRCS := partitions/netdrv/vif.c partitions/lib/ring.c
test_net_vif_CFLAGS := -idirafter $(srctree)/partitions/lib/include
test_net_route_SRCS := partitions/netdrv/route.c partitions/netdrv/vfr.c \
	partitions/netdrv/frame.c partitions/lib/netframes.c
test_net_route_CFLAGS := -idirafter $(srctree)/partitions/lib/include

# the servers' logic apart from the network (partitions/httpd, kvstore, lwip)
test_kv_SRCS := partitions/kvstore/kv.c
test_tar_SRCS := partitions/httpd/tar.c
test_http_SRCS := partitions/httpd/http.c
test_siphash_SRCS := partitions/lwip/siphash.c
test_guest_option_SRCS := partitions/lib/option.c

# probe: the first header of its vbd's archive
test_probe_ustar_SRCS := partitions/probe/ustar.c

# blkdrv: the check of every block request
test_blk_check_SRCS := partitions/blkdrv/check.c

# devices: which a partition has and where, the PCI config filter, the
# I/O bitmap, the MMIO windows' page tables
test_device_map_SRCS := monitor/core/device_map.c monitor/core/channel.c
test_pci_filter_SRCS := monitor/core/pci_filter.c
test_iobitmap_SRCS := monitor/arch/x86_64/iobitmap.c

# blkfront against a backend played by the test
test_blkfront_SRCS := partitions/lib/blkfront.c partitions/lib/ring.c \
	partitions/lib/channel.c
test_blkfront_CFLAGS := -idirafter $(srctree)/partitions/lib/include

# the virtio PCI transport on a pretend function
test_virtio_SRCS := partitions/lib/virtio.c partitions/lib/virtq.c
test_virtio_CFLAGS := -idirafter $(srctree)/partitions/lib/include
