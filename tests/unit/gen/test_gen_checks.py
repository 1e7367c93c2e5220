# SPDX-License-Identifier: MIT
"""Checks that the bindings or the board make unreachable from a DTS (a
device with more resources than the tables hold, a compatible too long
for them, a partition beyond the ABI's limits on a board with 4 CPUs), run
on the model directly, with smaller limits where needed; and sharings that
are allowed."""

from dataclasses import replace

import pytest

from gen_harness import FIXTURES, SRCTREE
from tessera_gen import checks, contract, fdt, kconfig, model, programs
from tessera_gen.errors import GenError


def _dts(tmp_path, body):
    dts = tmp_path / "system.dts"
    dts.write_text(f'#include "{FIXTURES / "base.dtsi"}"\n{body}\n')
    return dts


def _problems(build, tmp_path, body, **limits):
    """The checks' problems with base.dtsi changed by `body`, past the
    schema check, with the contract's `limits` changed."""
    system = model.load(fdt.load(build.compile(_dts(tmp_path, body)).dtb))
    context = checks.Context(system, kconfig.load(str(build.config), str(SRCTREE)),
                             replace(contract.load(str(SRCTREE)), **limits),
                             programs.find(str(SRCTREE)), str(SRCTREE))
    try:
        checks.run(context)
    except GenError as e:
        return e.problems
    return []


def test_device_resources_beyond_the_tables(build, tmp_path):
    assert _problems(build, tmp_path, """
&{/isa} {
	multi@300 {
		compatible = "ns16550a";
		reg = <1 0x300 8 1 0x308 8 1 0x310 8 1 0x318 8 1 0x320 8>;
		interrupts = <5 6 7 9 10>;
	};
};""") == [("/isa/multi@300", "5 I/O port ranges, more than TT_DEVICE_RES_MAX 4"),
           ("/isa/multi@300", "5 IRQs, more than TT_DEVICE_RES_MAX 4")]


def test_mmio_ranges_beyond_the_tables(build, tmp_path):
    assert _problems(build, tmp_path, """
/ {
	timer@fed10000 {
		compatible = "intel,hpet";
		reg = <0x0 0xfed10000 0x0 0x100 0x0 0xfed11000 0x0 0x100
		       0x0 0xfed12000 0x0 0x100 0x0 0xfed13000 0x0 0x100
		       0x0 0xfed14000 0x0 0x100>;
	};
};""") == [("/timer@fed10000", "5 MMIO ranges, more than TT_DEVICE_RES_MAX 4")]


def test_compatible_too_long_for_the_tables(build, tmp_path):
    assert _problems(build, tmp_path, """
&uart1 {
	compatible = "vendor,a-uart-compatible-far-too-long";
};""") == [("/isa/serial@2f8", 'compatible "vendor,a-uart-compatible-far-too-long" is '
            "37 bytes long; at most 31 fit (TT_NAME_MAX 32 with the NUL)")]


def test_partition_limits_of_the_abi(build, tmp_path):
    assert _problems(build, tmp_path, """
&alpha {
	cpus = <&cpu0 &cpu1>;
	devices = <&uart1 &debug_exit>;
};
/ {
	channels {
		beta-alpha {
			compatible = "tessera,io-ring";
			frontend = <&beta>;
			backend = <&alpha>;
			slots = <16>;
			slot-size = <256>;
		};
	};
};""", max_vcpus=1, max_channels=1, max_devices=1) == [
        ("/partitions/alpha", "2 vCPUs, more than TESSERA_MAX_VCPUS 1"),
        ("/partitions/alpha", "2 channels, more than TESSERA_MAX_CHANNELS 1"),
        ("/partitions/beta", "2 channels, more than TESSERA_MAX_CHANNELS 1"),
        ("/partitions/alpha", "2 devices, more than TESSERA_MAX_DEVICES 1"),
        ("/partitions/alpha", "devices: /isa/debug-exit@f4 is the monitor's "
         "(tessera,monitor-device)")]


def test_ports_and_irqs_may_be_shared_by_one_owner_or_with_nobody(build, tmp_path):
    build.compile(_dts(tmp_path, """
&{/isa} {
	com2b: serial@2fc {
		compatible = "ns16550a";
		reg = <1 0x2fc 4>;
		interrupts = <3>;
		clock-frequency = <1843200>;
	};
	com4: serial@2e8 {
		compatible = "ns16550a";
		reg = <1 0x2e8 8>;
		interrupts = <3>;
		clock-frequency = <1843200>;
	};
};

&alpha {
	devices = <&uart1 &com2b>;
};"""))
    assert build.gen("system.dts") == (0, [])


def test_assigned_addresses_not_whole_entries_stop_the_loading(build, tmp_path):
    """The binding refuses it first; the model must not guess either."""
    with pytest.raises(GenError) as error:
        _problems(build, tmp_path, """
&nic0 {
	assigned-addresses = <0x43001820 0x0 0xe0000000 0x4000>;
};""")
    assert error.value.problems == [
        ("/isa/pci@cf8/ethernet@3", "assigned-addresses has 4 cells, not a multiple "
         "of 5 (phys.hi, 2 address cells, 2 size cells)")]


def test_read_only_extents_may_overlap_and_one_function_may_share_its_gsi(build, tmp_path):
    """Two frontends may read the same sectors; a GSI shared by a
    partition's own functions, or with nobody's, is no conflict."""
    assert _problems(build, tmp_path, """
&disk0 {
	interrupts = <23>;
};

&alpha {
	devices = <&nic0 &disk0>;
};

/ {
	channels {
		alpha-ro {
			compatible = "tessera,vbd";
			frontend = <&alpha>;
			backend = <&beta>;
			slots = <8>;
			slot-size = <528>;
			start-sector = <0x0 0x0>;
			sectors = <0x0 0x100>;
			read-only;
		};
		alpha-ro-too {
			compatible = "tessera,vbd";
			frontend = <&alpha>;
			backend = <&beta>;
			slots = <8>;
			slot-size = <528>;
			start-sector = <0x0 0x80>;
			sectors = <0x0 0x100>;
			read-only;
		};
	};
};""") == []
