# SPDX-License-Identifier: MIT
"""Placement on its own: partitions with memory-size, then rings, first fit
in DTS order into RAM that nothing fixed holds, 2 MiB aligned when the size
allows and 4 KiB otherwise. Above the monitor (which ends at 32 MiB) the
qemu-pc board's RAM is free up to 0x3ffe0000."""

from gen_harness import FIXTURES, SRCTREE
from tessera_gen import contract, fdt, model, place
from tessera_gen.regions import Range


def _layout(build, tmp_path, body):
    """{node path: placed range} of partitions and rings of base.dtsi
    changed by `body`."""
    dts = tmp_path / "system.dts"
    dts.write_text(f'#include "{FIXTURES / "base.dtsi"}"\n{body}\n')
    system = model.load(fdt.load(build.compile(dts).dtb))
    layout = place.place(system, contract.load(str(SRCTREE)))
    return {item.path: r for item, r in
            list(layout.partitions.items()) + list(layout.rings.items())}


def test_first_fit_in_dts_order(build, tmp_path):
    assert _layout(build, tmp_path, "") == {
        "/partitions/alpha": Range(0x2000000, 0x400000),
        "/partitions/beta": Range(0x2400000, 0x200000),
        "/channels/alpha-beta": Range(0x2600000, 0x3000),
    }


def test_2mib_alignment_only_for_multiples_of_2mib(build, tmp_path):
    assert _layout(build, tmp_path, """
&alpha {
	memory-size = <0x0 0x3000>;
};
/ {
	partitions {
		gamma {
			compatible = "tessera,partition";
			program = "hello";
			memory-size = <0x0 0x1000>;
			cpus = <&cpu3>;
		};
	};
};""") == {
        "/partitions/alpha": Range(0x2000000, 0x3000),
        "/partitions/beta": Range(0x2200000, 0x200000),
        "/partitions/gamma": Range(0x2003000, 0x1000),
        "/channels/alpha-beta": Range(0x2004000, 0x3000),
    }


def test_fixed_partitions_and_mmio_are_avoided(build, tmp_path):
    assert _layout(build, tmp_path, """
/ {
	partitions {
		gamma {
			compatible = "tessera,partition";
			program = "hello";
			reg = <0x0 0x02000000 0x0 0x00200000>;
			cpus = <&cpu3>;
		};
	};
	timer@2600000 {
		compatible = "intel,hpet";
		reg = <0x0 0x02600000 0x0 0x400>;
	};
};""") == {
        "/partitions/alpha": Range(0x2200000, 0x400000),
        "/partitions/beta": Range(0x2800000, 0x200000),
        "/partitions/gamma": Range(0x2000000, 0x200000),
        "/channels/alpha-beta": Range(0x2601000, 0x3000),
    }


def test_rings_follow_partitions_in_whole_pages(build, tmp_path):
    assert _layout(build, tmp_path, """
/ {
	channels {
		beta-alpha {
			compatible = "tessera,io-ring";
			frontend = <&beta>;
			backend = <&alpha>;
			slots = <1>;
			slot-size = <8>;
		};
		big {
			compatible = "tessera,io-ring";
			frontend = <&beta>;
			backend = <&alpha>;
			slots = <64>;
			slot-size = <2048>;
		};
	};
};""") == {
        "/partitions/alpha": Range(0x2000000, 0x400000),
        "/partitions/beta": Range(0x2400000, 0x200000),
        "/channels/alpha-beta": Range(0x2600000, 0x3000),
        "/channels/beta-alpha": Range(0x2603000, 0x2000),
        "/channels/big": Range(0x2605000, 0x22000),
    }
