# SPDX-License-Identifier: MIT
"""The network driver partition (partitions/netdrv, docs/drivers.md
"Network"): netdrv owns the board's virtio-net function and serves
virtual interfaces to partitions running tests/programs/netraw, which
sends and receives raw Ethernet frames. QEMU's user network is the wire:
its gateway 10.0.2.2 answers ARP and ICMP echo.

- ARP for the gateway and ICMP echoes get their replies: frames cross
  netdrv and virtio-net both ways;
- frames with another's source MAC, source address or ARP sender are
  refused with -EPERM, counted, and none of them reaches the wire;
- `deny out icmp` refuses the echo with -EACCES while ARP still works;
- two vifs ping each other through netdrv alone: nothing reaches the
  wire, not even the ARP request;
- a frontend that breaks its rings beside a good one is reported, its
  rings reset, and the good one keeps every echo reply;
- from the host, through QEMU's forwarded ports: a SYN to a port the
  firewall denies is dropped and counted, never reaching the frontend;
  one to a port it allows reaches it.

netdrv runs with exit=goodbye, so the run ends once each netraw said
goodbye, with netdrv's counters as its last lines.
"""
import re
import socket
import threading

from harness import HALT_OK

GATEWAY_ARP = "arp 10.0.2.2: 52:55:0a:00:02:02"   # slirp's MAC
EPERM, EACCES = 1, 13
STATS = re.compile(r"stats (vif \S+|wire): (.*)")


def vif(name, frontend, host, rules):
    """A vif of netdrv for `frontend` at 10.0.2.<host>/24."""
    return ("\t\t%s {\n\t\t\tcompatible = \"tessera,vif\";\n"
            "\t\t\tfrontend = <&{/partitions/%s}>;\n"
            "\t\t\tbackend = <&{/partitions/net}>;\n"
            "\t\t\tslots = <16>;\n\t\t\tslot-size = <2048>;\n"
            "\t\t\tlocal-mac-address = [02 00 00 00 00 %02x];\n"
            "\t\t\tipv4-address = \"10.0.2.%d/24\";\n"
            "\t\t\tipv4-gateway = \"10.0.2.2\";\n%s\t\t};\n"
            % (name, frontend, host, host,
               "\t\t\tfirewall = %s;\n" % ", ".join('"%s"' % r for r in rules)
               if rules else ""))


def partition(name, program, bootargs, cpu, extra=""):
    return ("\t\t%s {\n\t\t\tcompatible = \"tessera,partition\";\n"
            "\t\t\tprogram = \"%s\";\n\t\t\tbootargs = \"%s\";\n"
            "\t\t\tmemory-size = <0x0 0x00200000>;\n"
            "\t\t\tcpus = <&cpu%d>;\n\t\t\ton-fault = \"halt\";\n%s\t\t};\n"
            % (name, program, bootargs, cpu, extra))


def net_dts(raws):
    """netdrv on cpu1 with nic0, and a netraw partition for each of
    `raws`: (name, netraw bootargs after the channel, cpu, host, rules),
    each with the vif <name>-net at 10.0.2.<host>."""
    parts = [partition("net", "netdrv", "netdrv exit=goodbye", 1,
                       "\t\t\tdevices = <&nic0>;\n")]
    vifs = []
    for name, args, cpu, host, rules in raws:
        parts.append(partition(name, "netraw",
                               "netraw %s-net %s" % (name, args), cpu))
        vifs.append(vif("%s-net" % name, name, host, rules))
    return ('/dts-v1/;\n\n#include "qemu-pc.dtsi"\n\n/ {\n'
            "\tpartitions {\n%s\t};\n\tchannels {\n%s\t};\n};\n"
            % ("".join(parts), "".join(vifs)))


def counters(run):
    """netdrv's last counters: {"vif <name>" or "wire": {key: value}}."""
    found = {}
    for line in run.partition_lines("net"):
        m = STATS.fullmatch(line)
        if m:
            found[m[1]] = {k: int(v) for k, v in
                           (kv.split("=") for kv in m[2].split())}
    return found


def boot(system, raws, **kwargs):
    run = system.boot(system.build(dts=net_dts(raws)), **kwargs)
    assert run.status == HALT_OK, run
    for name in ["net"] + [r[0] for r in raws]:
        run.expect("[tessera] %s: exited with status 0" % name)
    return run


def test_arp_and_echo_cross_netdrv_both_ways(system):
    run = boot(system, [("raw", "ping count=3", 2, 16,
                         ["allow in icmp", "allow in tcp 80"])])
    assert run.partition_lines("net")[:2] == [
        "vif raw-net: 02:00:00:00:00:10 10.0.2.16/24 via 10.0.2.2, 2 rules",
        "nic ethernet@3: virtio-net, 64 receive buffers"], run
    assert run.partition_lines("raw") == [
        GATEWAY_ARP, "3/3 echo replies", "goodbye"], run
    c = counters(run)
    assert c["vif raw-net"]["out"] >= 4 and c["vif raw-net"]["in"] >= 4, run
    assert c["wire"]["tx"] == c["vif raw-net"]["out"], run
    for key in ("denied-out", "denied-in", "spoofed", "malformed",
                "no-room", "no-buffer"):
        assert c["vif raw-net"][key] == 0, (key, run)


def test_spoofed_frames_are_refused_and_never_reach_the_wire(system):
    run = boot(system, [("raw", "spoof", 2, 16, ["allow in icmp"])])
    assert run.partition_lines("raw") == [
        GATEWAY_ARP,
        "spoof source mac: status -%d" % EPERM,
        "spoof source ip: status -%d" % EPERM,
        "spoof arp sender ip: status -%d" % EPERM,
        "spoof arp sender mac: status -%d" % EPERM,
        "echo 1: reply", "spoofed echo replies: 0", "goodbye"], run
    c = counters(run)
    assert c["vif raw-net"]["spoofed"] == 4, run
    # every frame on the wire is one the vif sent and netdrv passed
    assert c["wire"]["tx"] == c["vif raw-net"]["out"], run


def test_deny_out_icmp_refuses_the_echo_not_arp(system):
    run = boot(system, [("raw", "ping count=1", 2, 16,
                         ["deny out icmp", "allow in icmp"])])
    assert run.partition_lines("raw") == [
        GATEWAY_ARP, "echo 1: status -%d" % EACCES, "0/1 echo replies",
        "goodbye"], run
    c = counters(run)
    assert c["vif raw-net"]["denied-out"] == 1, run
    assert c["wire"]["tx"] == c["vif raw-net"]["out"], run


def test_vifs_reach_each_other_without_the_wire(system):
    run = boot(system, [
        ("alpha", "ping count=3 to=10.0.2.17", 2, 16, ["allow in icmp"]),
        ("beta", "answer 3", 3, 17, ["allow in icmp"])])
    assert run.partition_lines("alpha") == [
        "arp 10.0.2.17: 02:00:00:00:00:11", "3/3 echo replies",
        "goodbye"], run
    assert run.partition_lines("beta") == [
        "3 echo requests answered", "goodbye"], run
    c = counters(run)
    assert c["vif alpha-net"]["out"] == c["vif beta-net"]["in"] == 4, run
    assert c["vif beta-net"]["out"] == c["vif alpha-net"]["in"] == 4, run
    assert c["wire"]["tx"] == 0, run


def test_a_hostile_frontend_leaves_the_good_one_served(system):
    rounds = 20
    run = boot(system, [
        ("good", "ping count=%d" % rounds, 2, 16, ["allow in icmp"]),
        ("evil", "hostile", 3, 17, ["allow in icmp"])])
    assert run.partition_lines("good") == [
        GATEWAY_ARP, "%d/%d echo replies" % (rounds, rounds), "goodbye"], run
    # its own netfront may find the rings it broke in any state: it says
    # so ("protocol error: ..."), resets them and goes on
    assert [l for l in run.partition_lines("evil")
            if not l.startswith("protocol error: ")] == [
        "req_prod far ahead: backend reset",
        "len beyond the slot: backend reset",
        "event storm: 1000 notifications", "goodbye"], run
    net = run.partition_lines("net")
    assert "evil-net: protocol error: req_prod out of range" in net, run
    assert "evil-net: protocol error: length larger than the slot size" \
        in net, run
    assert not any(l.startswith("good-net: protocol error") for l in net), run


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Connector(threading.Thread):
    """Connects to each host port in turn, from before QEMU listens (a
    refused attempt is tried again) until the boot is over; QEMU accepts
    at once and then sends its SYN to the guest."""

    def __init__(self, ports):
        super().__init__(daemon=True)
        self.ports, self.done, self.socks = ports, threading.Event(), []

    def run(self):
        for port in self.ports:
            while not self.done.is_set():
                try:
                    self.socks.append(socket.create_connection(
                        ("127.0.0.1", port), timeout=1))
                    break
                except OSError:
                    self.done.wait(0.05)

    def close(self):
        self.done.set()
        self.join()
        for s in self.socks:
            s.close()


def test_inbound_syns_pass_only_where_the_firewall_allows(system):
    """A SYN to 10.0.2.16:8080 (denied) and one to :80 (allowed); netraw
    waits for the second SYN to 80, QEMU's retransmission, which comes
    seconds after the SYN to 8080, sent first."""
    denied, allowed = free_port(), free_port()
    hostfwd = "".join(",hostfwd=tcp:127.0.0.1:%d-10.0.2.16:%d" % fwd
                      for fwd in ((denied, 8080), (allowed, 80)))
    connector = Connector([denied, allowed])
    connector.start()
    try:
        run = boot(system, [("raw", "listen 80", 2, 16, ["allow in tcp 80"])],
                   hostfwd=hostfwd)
    finally:
        connector.close()
    raw = run.partition_lines("raw")
    assert raw.count("tcp syn to port 80") >= 2, run
    assert not any("8080" in l for l in raw), run
    assert raw[-2] == "tcp frames to port 80: %d, to other ports: 0" \
        % raw.count("tcp syn to port 80"), run
    assert counters(run)["vif raw-net"]["denied-in"] >= 1, run
