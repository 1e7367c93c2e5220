# SPDX-License-Identifier: MIT
"""Virtual network interfaces (tessera,vif): MAC and IPv4 addresses, the
firewall rules, and slots that hold a whole frame (public/io/netif.h)."""

from .. import netif
from .common import exceeds, repeats
from .registry import check


def _vifs(ctx):
    return [c for c in ctx.system.channels if c.is_vif]


def _subnet(channel):
    """The vif's subnet, or None when its address cannot be read (which
    check_vif_address reports)."""
    try:
        return netif.subnet(channel.ipv4_address)
    except netif.NetError:
        return None


@check
def check_vif_slot_size(ctx):
    frame = ctx.contract.netif_frame_max
    for c in _vifs(ctx):
        if c.slot_size < frame:
            yield c.path, (f"slot-size {c.slot_size} is less than a whole frame "
                           f"(TESSERA_NETIF_FRAME_MAX {frame})")


@check
def check_vif_mac(ctx):
    for c in _vifs(ctx):
        if len(c.mac) != netif.MAC_BYTES:
            yield c.path, (f"local-mac-address has {len(c.mac)} bytes, "
                           f"not {netif.MAC_BYTES}")
        elif not any(c.mac):
            yield c.path, "local-mac-address 00:00:00:00:00:00 is all zero"
        elif c.mac[0] & 1:
            yield c.path, (f"local-mac-address {netif.mac_text(c.mac)} is multicast "
                           "(the low bit of its first byte is set)")


@check
def check_vif_mac_unique(ctx):
    for mac, c, first in repeats((c.mac, c) for c in _vifs(ctx)):
        yield c.path, (f"local-mac-address {netif.mac_text(mac)} is also "
                       f"that of {first.path}")


@check
def check_vif_address(ctx):
    for c in _vifs(ctx):
        try:
            subnet = netif.subnet(c.ipv4_address)
        except netif.NetError as e:
            yield c.path, f'ipv4-address "{c.ipv4_address}" {e}'
            continue
        for what, value in (("network", subnet.network), ("broadcast", subnet.broadcast)):
            if subnet.address == value:
                yield c.path, (f'ipv4-address "{c.ipv4_address}" is the {what} '
                               f"address of {subnet}")


@check
def check_vif_gateway(ctx):
    for c in _vifs(ctx):
        if c.ipv4_gateway is None:
            continue
        try:
            gateway = netif.ipv4(c.ipv4_gateway)
        except netif.NetError as e:
            yield c.path, f'ipv4-gateway "{c.ipv4_gateway}" {e}'
            continue
        subnet = _subnet(c)
        if subnet and gateway not in subnet:
            yield c.path, f'ipv4-gateway "{c.ipv4_gateway}" is outside {subnet}'
        elif subnet and gateway == subnet.address:
            yield c.path, f'ipv4-gateway "{c.ipv4_gateway}" is the interface\'s own address'


@check
def check_vif_address_unique(ctx):
    """The backend switches frames by address among its vifs."""
    def by_backend():
        for c in _vifs(ctx):
            subnet, backend = _subnet(c), ctx.system.partition(c.backend)
            if subnet is not None and backend is not None:
                yield (backend.path, subnet.address), c

    for (backend, address), c, first in repeats(by_backend()):
        yield c.path, (f"ipv4-address {netif.ipv4_text(address)} is also "
                       f"that of {first.path}, on the same backend {backend}")


@check
def check_vif_rule_count(ctx):
    limit = ctx.contract.netif_rules_max
    for c in _vifs(ctx):
        message = exceeds(len(c.firewall), "firewall rule", limit,
                          "TESSERA_NETIF_RULES_MAX")
        if message:
            yield c.path, message


@check
def check_vif_rules(ctx):
    for c in _vifs(ctx):
        for i, text in enumerate(c.firewall):
            try:
                netif.rule(text)
            except netif.NetError as e:
                yield c.path, f'firewall rule {i + 1} "{text}": {e}'
