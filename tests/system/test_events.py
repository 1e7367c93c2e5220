# SPDX-License-Identifier: MIT
"""Events (issue 6, items 1 and 5): partitions/ping against partitions/echo
over a channel, both blocking in tessera_wait_event() between round trips
and notifying each other through their ports, with the two ends on two CPUs
and sharing one; a partition that is not an end of a channel cannot notify
with its port (-EINVAL, and no other value either); an event sent to a
partition that has been halted is dropped, counted in the summary, and is
no error for the sender; echo reports a frontend that breaks the protocol,
resets its ring and serves its other frontend in full, and an event storm
on one channel leaves the other served."""
import re

import pytest

from harness import HALT_OK, HALT_PARTITION_FAILED, Partition
from test_rings import rings_dts

ROUND_TRIPS = 200
CHANNEL = ("link", "ping", "echo", 16, 256, 0x3000)
EINVAL = 22
DROPPED = re.compile(r"\[tessera\] summary: (\S+) .*, (\d+) events dropped;")


def ping_echo(ping_cpu, echo_cpu, size=64):
    return rings_dts(
        [Partition("ping", "ping", "ping count=%d size=%d" % (ROUND_TRIPS, size),
                   cpu=ping_cpu),
         Partition("echo", "echo", "echo", cpu=echo_cpu)], [CHANNEL])


def assert_ping_echo(run):
    assert run.status == HALT_OK, run
    ping = run.partition_lines("ping")
    assert ping[-1] == "%d/%d round trips ok" % (ROUND_TRIPS, ROUND_TRIPS), run
    assert any(re.fullmatch(r"link: latency min \d+ median \d+ max \d+ ns", l)
               for l in ping), run
    assert run.partition_lines("echo") == [
        "serving 1 channel", "every frontend said goodbye"], run
    run.expect("[tessera] ping: exited with status 0")
    run.expect("[tessera] echo: exited with status 0")


def dropped(run, partition):
    for m in (DROPPED.match(l) for l in run.lines):
        if m and m[1] == partition:
            return int(m[2])
    raise AssertionError("no summary of %s in the run:%r" % (partition, run))


@pytest.mark.parametrize("cpus", [(1, 2), (1, 1)], ids=["two-cpus", "one-cpu"])
def test_ping_echo(system, cpus):
    run = system.boot(system.build(dts=ping_echo(*cpus)))
    assert_ping_echo(run)
    assert dropped(run, "ping") == 0 and dropped(run, "echo") == 0, run


def test_payload_of_a_whole_slot(system):
    assert_ping_echo(system.boot(system.build(dts=ping_echo(1, 2, size=256))))


def assert_liar_run(run, error):
    """echo reported liar's ring with `error` only, between its first and
    last lines; ping and liar's goodbye were all served."""
    assert run.status == HALT_OK, run
    echo = run.partition_lines("echo")
    assert echo[0] == "serving 2 channels", run
    assert echo[-1] == "every frontend said goodbye", run
    assert len(echo) > 2 and set(echo[1:-1]) == {error}, run
    assert run.partition_lines("ping")[-1] == \
        "%d/%d round trips ok" % (ROUND_TRIPS, ROUND_TRIPS), run
    assert run.partition_lines("liar")[-1] == "goodbye answered", run


def test_echo_resets_a_broken_ring_and_serves_the_others(system):
    """`liar` publishes a producer index far ahead, then resets its end and
    says goodbye; ping on echo's other channel gets every round trip. Echo
    looks once more after each reset (a restarted frontend may have
    published already), and looks whenever ping's events wake it: the lie
    is reported at each look until liar resets, then liar is served."""
    dts = rings_dts(
        [Partition("ping", "ping", "ping count=%d" % ROUND_TRIPS, cpu=1),
         Partition("liar", "ringcheck", "ringcheck liar evil", cpu=2),
         Partition("echo", "echo", "echo", cpu=3)],
        [CHANNEL[:1] + ("ping", "echo") + CHANNEL[3:],
         ("evil", "liar", "echo", 16, 256)])
    run = system.boot(system.build(dts=dts))
    assert_liar_run(run, "evil: protocol error: req_prod out of range")


STORM = "evil: protocol error: event storm: 8 events without work"


@pytest.mark.parametrize("liar_cpu", [2, 3], ids=["echo-cpu", "another-cpu"])
def test_an_event_storm_leaves_the_other_frontend_served(system, liar_cpu):
    """`liar` notifies echo 100000 times on an empty ring, from echo's CPU
    or another (kicks); echo reports the storm once 8 events in a row came
    without a request (<tessera/ring.h>), resets the ring, masks the port
    for a back-off and reports each storm that follows; ping's round trips
    all come back, and so does liar's goodbye after its storm."""
    dts = rings_dts(
        [Partition("ping", "ping", "ping count=%d" % ROUND_TRIPS, cpu=1),
         Partition("liar", "ringcheck", "ringcheck liar evil 100000",
                   cpu=liar_cpu),
         Partition("echo", "echo", "echo", cpu=2)],
        [CHANNEL[:1] + ("ping", "echo") + CHANNEL[3:],
         ("evil", "liar", "echo", 16, 256)])
    run = system.boot(system.build(dts=dts))
    assert_liar_run(run, STORM)


def test_a_storming_backend_is_a_protocol_error_for_ping(system):
    """A backend that takes ping's request and only notifies: ping counts
    the events that bring no response and gives up on the 8th in a row
    with the storm as its reason, instead of waking forever."""
    dts = rings_dts(
        [Partition("ping", "ping", "ping count=1", cpu=1),
         Partition("storm", "ringcheck", "ringcheck storm ping-storm 100000",
                   cpu=2)],
        [("ping-storm", "ping", "storm", 16, 256)])
    run = system.boot(system.build(dts=dts))
    assert run.status == HALT_PARTITION_FAILED, run
    assert "ping-storm: request 0: event storm: 8 events without work" \
        in run.partition_lines("ping"), run
    assert run.partition_lines("ping")[-1] == "0/1 round trips ok", run
    assert run.partition_lines("storm")[-1] == \
        "100000 events sent, no response", run


def test_not_an_end_cannot_notify(system):
    """The outsider has no channel: no port of its own, 0 (the ends' port
    here) included. The ends still finish: nothing reached them."""
    ports = [0, 1, 62, 63, 64, 0xffff, 0xffffffff]
    dts = rings_dts(
        [Partition("ping", "ping", "ping count=%d" % ROUND_TRIPS, cpu=1),
         Partition("echo", "echo", "echo", cpu=2),
         Partition("outsider", "ringcheck", "ringcheck notify 0 %s"
                   % " ".join(map(str, ports)), cpu=3)], [CHANNEL])
    run = system.boot(system.build(dts=dts))
    assert run.partition_lines("outsider") == [
        "notify %d: %d" % (p, -EINVAL) for p in ports], run
    assert_ping_echo(run)


def test_event_to_halted_partition_dropped(system):
    """The backend faults at once (on-fault halt); 100 ms later the frontend
    notifies it 5 times: each call returns 0, each event is counted."""
    dts = rings_dts(
        [Partition("sender", "ringcheck", "ringcheck notify 100 0 0 0 0 0", cpu=1),
         Partition("echo", "ringcheck", "ringcheck scribble link", cpu=2)],
        [CHANNEL[:1] + ("sender", "echo") + CHANNEL[3:]])
    run = system.boot(system.build(dts=dts))
    assert run.status == HALT_PARTITION_FAILED, run
    assert run.partition_lines("sender")[-5:] == ["notify 0: 0"] * 5, run
    run.expect("[tessera] sender: exited with status 0")
    assert dropped(run, "echo") == 5, run
    assert dropped(run, "sender") == 0, run
