# SPDX-License-Identifier: MIT
"""Upcalls (issue 6, item 1; public/hypercall.h TESSERA_HC_SET_UPCALL):
tests/programs/upcall registers a handler that counts the events of its
channel's port, and `ringcheck notify` on the other end of the channel
notifies it once after 100 ms. A partition spinning without a hypercall
enters its handler, across CPUs (the monitor interrupts it) and on one
shared CPU (at its next window); masked upcalls wait until the program
unmasks, which delivers them before it returns; tessera_wait_event()
still returns, after the upcall; a stack that cannot take the frame
faults that partition only; a handler outside the text is -EFAULT."""
import pytest

from harness import HALT_OK, HALT_PARTITION_FAILED, Partition, system_dts
from test_rings import rings_dts

CHANNEL = ("link", "notifier", "spinner", 16, 256)
EFAULT = 14
STACK_FAULT = 12        # #SS


def notified(args, cpus=(1, 2)):
    """`upcall <args>` on cpus[0], notified through `link` from cpus[1]."""
    return rings_dts(
        [Partition("notifier", "ringcheck", "ringcheck notify 100 0",
                   cpu=cpus[1]),
         Partition("spinner", "upcall", "upcall " + args, cpu=cpus[0])],
        [CHANNEL])


def assert_notified(run):
    assert run.partition_lines("notifier") == ["notify 0: 0"], run
    run.expect("[tessera] notifier: exited with status 0")


@pytest.mark.parametrize("cpus", [(1, 2), (1, 1)], ids=["two-cpus", "one-cpu"])
def test_spinning_partition_enters_its_handler(system, cpus):
    run = system.boot(system.build(dts=notified("spin link", cpus)))
    assert run.status == HALT_OK, run
    assert run.partition_lines("spinner") == ["upcall 1 seen by the loop"], run
    assert_notified(run)


def test_masked_upcall_comes_on_unmask(system):
    run = system.boot(system.build(dts=notified("masked link")))
    assert run.status == HALT_OK, run
    assert run.partition_lines("spinner") == [
        "pending while masked, 0 upcalls", "unmasked: 1 upcall"], run
    assert_notified(run)


def test_wait_event_returns_after_the_upcall(system):
    run = system.boot(system.build(dts=notified("wait link")))
    assert run.status == HALT_OK, run
    assert run.partition_lines("spinner") == ["woke with 1 upcall"], run
    assert_notified(run)


@pytest.mark.parametrize("rsp, addr", [("8", 8), ("text", None),
                                       ("0xffffffff80100000", 0)],
                         ids=["null", "text", "monitor"])
def test_bad_stack_faults_that_partition_only(system, rsp, addr):
    """#SS with the stack pointer as addr; an rsp in the upper half is
    refused before any upcall, by the way back to ring 3 (addr 0)."""
    run = system.boot(system.build(dts=notified("badstack link " + rsp)))
    assert run.status == HALT_PARTITION_FAILED, run
    fault, = run.faults("spinner")
    assert fault.name == "#SS" and fault.vector == STACK_FAULT, run
    assert fault.action == "halted", run
    assert addr is None or fault.addr == addr, run
    assert_notified(run)


def test_handler_outside_the_text_refused(system):
    where = ["text", "data", "rodata", "0", "0x1000", "0x180000000000",
             "0xffffffff80100000"]
    dts = system_dts([Partition("setter", "upcall",
                                "upcall handler %s" % " ".join(where))])
    run = system.boot(system.build(dts=dts))
    assert run.status == HALT_OK, run
    assert run.partition_lines("setter") == [
        "handler %s: %d" % (w, 0 if w in ("text", "0") else -EFAULT)
        for w in where], run
