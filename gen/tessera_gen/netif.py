# SPDX-License-Identifier: MIT
"""What a vif's strings mean (public/io/netif.h): IPv4 addresses, subnets
and firewall rules. Each parser returns its value or raises NetError
saying what is wrong with the text; the checks quote it."""

from dataclasses import dataclass

# Firewall words -> the public header's names of their values.
ACTIONS = {"allow": "TESSERA_FW_ALLOW", "deny": "TESSERA_FW_DENY"}
DIRECTIONS = {"in": "TESSERA_FW_IN", "out": "TESSERA_FW_OUT"}
PROTOCOLS = {"any": "TESSERA_FW_ANY", "icmp": "TESSERA_FW_ICMP",
             "tcp": "TESSERA_FW_TCP", "udp": "TESSERA_FW_UDP"}
_PORTED = ("tcp", "udp")
PORT_MAX = 0xffff
PREFIX_MIN, PREFIX_MAX = 1, 30     # a subnet with room for a host and a router
MAC_BYTES = 6

GRAMMAR = "allow|deny in|out any|icmp|tcp|udp [port | port-port]"


class NetError(ValueError):
    pass


@dataclass(frozen=True)
class Subnet:
    address: int           # the interface's, as a 32-bit number
    prefix_len: int

    @property
    def mask(self):
        return (0xffffffff << (32 - self.prefix_len)) & 0xffffffff

    @property
    def network(self):
        return self.address & self.mask

    @property
    def broadcast(self):
        return self.network | ~self.mask & 0xffffffff

    def __contains__(self, address):
        return address & self.mask == self.network

    def __str__(self):
        return f"{ipv4_text(self.network)}/{self.prefix_len}"


@dataclass(frozen=True)
class Rule:
    action: str
    direction: str
    protocol: str
    port_min: int
    port_max: int


def ipv4(text):
    parts = text.split(".")
    if len(parts) != 4 or not all(p.isdigit() and len(p) <= 3 and int(p) <= 255
                                  for p in parts):
        raise NetError("is not an IPv4 address (a.b.c.d, each 0 to 255)")
    value = 0
    for p in parts:
        value = value << 8 | int(p)
    return value


def ipv4_text(value):
    return dotted(ipv4_bytes(value))


def dotted(octets):
    """IPv4 bytes in network order as a.b.c.d."""
    return ".".join(map(str, octets))


def ipv4_bytes(value):
    """In network order, as struct tessera_net_params holds it."""
    return tuple(value.to_bytes(4, "big"))


def subnet(text):
    address, slash, prefix = text.partition("/")
    if not slash or not prefix.isdigit() or len(prefix) > 2:
        raise NetError("is not an IPv4 address with a prefix length (a.b.c.d/n)")
    value = ipv4(address)
    if not PREFIX_MIN <= int(prefix) <= PREFIX_MAX:
        raise NetError(f"has prefix length {int(prefix)}, not {PREFIX_MIN} to {PREFIX_MAX}")
    return Subnet(value, int(prefix))


def mac_text(data):
    return ":".join(f"{b:02x}" for b in data)


def _port(text):
    if not text.isdigit() or len(text) > 5 or int(text) > PORT_MAX:
        raise NetError(f'port "{text}" is not a number from 0 to {PORT_MAX}')
    return int(text)


def _ports(protocol, text):
    if text is None:
        return 0, PORT_MAX
    if protocol not in _PORTED:
        raise NetError(f"{protocol} has no ports: only tcp and udp rules take one")
    low, dash, high = text.partition("-")
    first, last = _port(low), _port(high) if dash else _port(low)
    if first > last:
        raise NetError(f"port range {first}-{last} runs backwards")
    return first, last


def _word(word, choices, what):
    if word not in choices:
        names = list(choices)
        raise NetError(f'"{word}" is not {", ".join(names[:-1])} or {names[-1]} ({what})')
    return word


def rule(text):
    words = text.split()
    if len(words) not in (3, 4):
        raise NetError(f"has {len(words)} words; a rule is {GRAMMAR}")
    action = _word(words[0], ACTIONS, "the action")
    direction = _word(words[1], DIRECTIONS, "the direction")
    protocol = _word(words[2], PROTOCOLS, "the protocol")
    first, last = _ports(protocol, words[3] if len(words) == 4 else None)
    return Rule(action, direction, protocol, first, last)
