# SPDX-License-Identifier: MIT
"""The emitted C as the monitor's build uses it: tables.c compiles with the
monitor's warnings as errors, its data says what the DTS says (read back by
a host program, tables_dump.c), and tables.h goes through the linker
script's preprocessor as plain numbers."""

import subprocess

from gen_harness import FIXTURES, INCLUDES, SRCTREE, WARNINGS, dump_tables


def test_tables_c_compiles_freestanding_without_warnings(default_build, tmp_path):
    subprocess.run(["gcc", *WARNINGS, "-O2", "-ffreestanding", "-nostdinc",
                    "-isystem", subprocess.run(["gcc", "-print-file-name=include"],
                                               capture_output=True, text=True,
                                               check=True).stdout.strip(),
                    *INCLUDES, "-I", str(default_build.out), "-c", "-o",
                    str(tmp_path / "tables.o"), str(default_build.out / "tables.c")],
                   check=True)


DEFAULT_TABLES = """\
magic 0x5345424154534554 version 3 size ok
board qemu-pc system configs/qemu_pc.dts model QEMU PC (q35)
monitor 0x100000 0x1f00000
console 0 debug_exit 3
ram 0 0x9f000
ram 0x100000 0x3fedc000
reserved 0 0x100000
reserved 0x100000 0x1f00000
cpu 0 apic 0 dedicated_to 0xffff vcpus 2 ppm 800000
  hyperperiod 10000 windows 0+2
cpu 1 apic 1 dedicated_to 0 vcpus 1 ppm 1000000
cpu 2 apic 2 dedicated_to 0xffff vcpus 2 ppm 700000
  hyperperiod 10000 windows 2+2
cpu 3 apic 3 dedicated_to 0x3 vcpus 1 ppm 1000000
window 0 start 0 length 4000 vcpu 4
window 1 start 4000 length 4000 vcpu 5
window 2 start 0 length 4000 vcpu 1
window 3 start 4000 length 3000 vcpu 2
vcpu 0 partition 0 index 0 cpu 1 budget 0 period 0
vcpu 1 partition 1 index 0 cpu 2 budget 4000 period 10000
vcpu 2 partition 2 index 0 cpu 2 budget 3000 period 10000
vcpu 3 partition 3 index 0 cpu 3 budget 0 period 0
vcpu 4 partition 4 index 0 cpu 0 budget 4000 period 10000
vcpu 5 partition 5 index 0 cpu 0 budget 4000 period 10000
partition 0 [alpha] [ping] [ping count=100 size=64] vcpus 0+1 on_fault 0 fixed 0
  mem 0x2000000 0x400000
partition 1 [beta] [echo] [echo] vcpus 1+1 on_fault 1 fixed 0
  mem 0x2400000 0x200000
partition 2 [gamma] [hello] [gamma] vcpus 2+1 on_fault 0 fixed 1
  mem 0x8000000 0x200000
partition 3 [net] [netdrv] [netdrv exit=goodbye] vcpus 3+1 on_fault 2 fixed 0
  mem 0x2600000 0x400000
partition 4 [disk] [blkdrv] [blkdrv exit=goodbye] vcpus 4+1 on_fault 2 fixed 0
  mem 0x2a00000 0x200000
partition 5 [probe] [probe] [probe disk=probe-disk vif=probe-net count=3] vcpus 5+1 on_fault 0 fixed 0
  mem 0x2c00000 0x200000
channel 0 [alpha-beta] 0:0 -> 1:0 slots 16 x 256 kind 0
  mem 0x2e00000 0x3000
channel 1 [probe-net] 5:0 -> 3:0 slots 8 x 2048 kind 1
  mem 0x2e03000 0xc000
  mac 02:00:00:00:00:0f ip 10.0.2.15/24 gateway 10.0.2.2
  rule action 1 direction 0 protocol 1 ports 0-65535
channel 2 [probe-disk] 5:1 -> 4:0 slots 4 x 4112 kind 2
  mem 0x2e0f000 0x6000
  sectors 0x800+0x800 read_only 1
device 0 [serial@3f8] [ns16550a] owner 0xfffe port 0x3f8+8 irq 4 flags 0
device 1 [serial@2f8] [ns16550a] owner 0xffff port 0x2f8+8 irq 3 flags 0
device 2 [timer@40] [intel,8254] owner 0xfffe port 0x40+4 irq 0 flags 0
device 3 [debug-exit@f4] [qemu,isa-debug-exit] owner 0xfffe port 0xf4+4
device 4 [pci@cf8] [tessera,pci-host-cam] owner 0xfffe port 0xcf8+8
device 5 [ethernet@3] [pci1af4,1041] owner 0x3 flags 0x1 bdf 0x18 mmio 0xe0000000+0x4000 bar 0x4 irq 23 flags 0x1
device 6 [disk@4] [pci1af4,1042] owner 0x4 flags 0x1 bdf 0x20 mmio 0xe0004000+0x4000 bar 0x4 irq 20 flags 0x1
device 7 [interrupt-controller@fec00000] [intel,ioapic] owner 0xfffe mmio 0xfec00000+0x1000 bar 0xff
device 8 [timer@fed00000] [intel,hpet] owner 0xfffe mmio 0xfed00000+0x400 bar 0xff
device 9 [iommu@fed90000] [intel,vtd] owner 0xfffe mmio 0xfed90000+0x1000 bar 0xff
device 10 [interrupt-controller@fee00000] [intel,lapic] owner 0xfffe mmio 0xfee00000+0x1000 bar 0xff
"""


def test_default_tables_read_back(default_build, tmp_path):
    assert dump_tables(default_build, tmp_path) == DEFAULT_TABLES


def test_ports_devices_and_strings_read_back(build, tmp_path):
    """Each partition numbers its ports from 0 in DTS order of its channels;
    a device given to a partition is its; strings survive C escaping."""
    dts = tmp_path / "system.dts"
    dts.write_text(f'''#include "{FIXTURES / 'base.dtsi'}"
&alpha {{
	bootargs = "q\\"uote\\" back\\\\slash ??= tab\\t 7\\x018";
	devices = <&uart1>;
}};

&beta {{
	on-fault = "halt-system";
}};

/ {{
	channels {{
		beta-alpha {{
			compatible = "tessera,io-ring";
			frontend = <&beta>;
			backend = <&alpha>;
			slots = <64>;
			slot-size = <2048>;
		}};
	}};
}};
''')
    build.compile(dts)
    assert build.gen("system.dts") == (0, [])
    lines = dump_tables(build, tmp_path).splitlines()
    assert ('partition 0 [alpha] [hello] [q"uote" back\\slash ??= tab\t 7\x018] '
            "vcpus 0+1 on_fault 0 fixed 0") in lines
    assert "partition 1 [beta] [hello] [] vcpus 1+1 on_fault 2 fixed 0" in lines
    channels = lines.index("channel 0 [alpha-beta] 0:0 -> 1:0 slots 16 x 256 kind 0")
    assert lines[channels:channels + 4] == [
        "channel 0 [alpha-beta] 0:0 -> 1:0 slots 16 x 256 kind 0", "  mem 0x2600000 0x3000",
        "channel 1 [beta-alpha] 1:1 -> 0:1 slots 64 x 2048 kind 0", "  mem 0x2603000 0x22000"]
    assert "device 1 [serial@2f8] [ns16550a] owner 0 port 0x2f8+8 irq 3 flags 0" in lines
    # alpha and beta each see both rings, each followed by a guard page
    assert "#define TESSERA_MAX_PARTITION_RING_SPAN 0x27000" in \
        (build.out / "tables.h").read_text().splitlines()


IO_CHANNELS = """\
channel 0 [alpha-beta] 0:0 -> 1:0 slots 16 x 256 kind 0
  mem 0x2a00000 0x3000
channel 1 [alpha-net] 0:1 -> 2:0 slots 32 x 2048 kind 1
  mem 0x2a03000 0x24000
  mac 02:00:00:00:00:10 ip 10.0.2.16/24 gateway 10.0.2.2
  rule action 1 direction 0 protocol 6 ports 80-80
  rule action 1 direction 0 protocol 1 ports 0-65535
  rule action 0 direction 1 protocol 17 ports 1-1023
channel 2 [beta-net] 1:1 -> 2:1 slots 16 x 1520 kind 1
  mem 0x2a27000 0xe000
  mac 02:00:00:00:00:11 ip 10.0.2.17/24 gateway 0.0.0.0
channel 3 [alpha-disk] 0:2 -> 3:0 slots 8 x 4096 kind 2
  mem 0x2a35000 0xa000
  sectors 0x800+0x2000 read_only 1
channel 4 [beta-disk] 1:2 -> 3:1 slots 8 x 528 kind 2
  mem 0x2a3f000 0x3000
  sectors 0x2800+0x800 read_only 0
"""


def test_vif_and_vbd_read_back(build, tmp_path):
    """A vif's memory is two rings (TESSERA_NETIF_BYTES: 32 slots of 16 +
    2048 bytes and the index page, 0x12000 each), a vbd's one; the
    parameters are as netif.h and blkif.h define them, addresses in
    network order, rules in DTS order, ports 0-65535 where none is given."""
    build.compile(FIXTURES / "io.dtsi")
    assert build.gen("io.dtsi") == (0, [])
    lines = dump_tables(build, tmp_path).splitlines(keepends=True)
    first = lines.index("channel 0 [alpha-beta] 0:0 -> 1:0 slots 16 x 256 kind 0\n")
    assert "".join(lines[first:first + IO_CHANNELS.count("\n")]) == IO_CHANNELS
    assert "device 5 [ethernet@3] [pci1af4,1041] owner 0x2 flags 0x1 bdf 0x18 " \
        "mmio 0xe0000000+0x4000 bar 0x4 irq 23 flags 0x1\n" in lines


def test_tables_h_is_plain_numbers_for_the_linker_script(default_build, tmp_path):
    script = tmp_path / "probe.ld.S"
    script.write_text('#include "tables.h"\n'
                      "BASE = TESSERA_MONITOR_BASE; SIZE = TESSERA_MONITOR_SIZE;\n")
    result = subprocess.run(["cpp", "-P", "-undef", "-D__ASSEMBLY__", "-I",
                             str(default_build.out), str(script)],
                            check=True, capture_output=True, text=True)
    assert result.stdout.strip() == "BASE = 0x100000; SIZE = 0x1f00000;"


def test_a_board_without_partitions_gives_empty_tables(build, tmp_path):
    dts = tmp_path / "board.dts"
    dts.write_text('/dts-v1/;\n#include "qemu-pc.dtsi"\n')
    build.compile(dts)
    assert build.gen("board.dts") == (0, [])
    lines = dump_tables(build, tmp_path).splitlines()
    assert not [line for line in lines if line.startswith(("vcpu", "partition", "channel"))]
    assert "#define TESSERA_NR_PARTITIONS 0\n" in (build.out / "tables.h").read_text()
    assert (build.out / "programs.mk").read_text().endswith("TESSERA_PROGRAMS := \n")
