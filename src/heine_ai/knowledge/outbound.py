"""Which addresses knowledge ingestion may fetch from: public ones, and the networks the operator allows.

Every URL of a fetch, and every redirect it follows, is resolved here first, and the request then goes to the
address that was checked (the host name stays in the ``Host`` header and the TLS handshake), so a name that
resolves to a public address for the check and to ``127.0.0.1`` for the connection gets nowhere. Loopback, private,
link-local, shared, multicast and reserved addresses are refused, however the URL writes them (``2130706433``,
``0x7f.1``, ``[::ffff:127.0.0.1]``): they are the service's own metrics, databases and the cloud's metadata endpoint.
A brand may narrow it further to its own sites (``knowledge_domains``): then every URL and every redirect must
name one of them, or a subdomain of one.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Sequence
from dataclasses import dataclass

from heine_ai.errors import KnowledgeError

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address

UNREACHABLE = "unreachable"  # one text for refused, closed and silent: no port scan through the error messages


@dataclass(frozen=True, slots=True)
class Target:
    """A checked address to connect to for ``host``."""

    host: str
    address: Address


def parse_networks(values: Sequence[str]) -> tuple[Network, ...]:
    """``ALLOWED`` networks as the settings name them ("10.20.0.0/16", "192.168.1.7")."""
    return tuple(ipaddress.ip_network(value.strip(), strict=False) for value in values if value.strip())


def is_public(address: Address) -> bool:
    mapped = address.ipv4_mapped if isinstance(address, ipaddress.IPv6Address) else None
    if mapped is not None:
        return is_public(mapped)
    return address.is_global and not address.is_multicast


def allowed(address: Address, networks: Sequence[Network]) -> bool:
    return is_public(address) or any(address.version == net.version and address in net for net in networks)


def in_domains(host: str, domains: Sequence[str]) -> bool:
    """Whether ``host`` is one of ``domains`` or a subdomain of one (any host when there are none)."""
    name = host.lower().rstrip(".")
    return not domains or any(name == domain or name.endswith("." + domain) for domain in domains)


async def resolve(host: str, port: int, networks: Sequence[Network], domains: Sequence[str] = ()) -> Target:
    """The first address of ``host`` if it is among ``domains`` (when the brand names any) and every address it
    resolves to may be fetched from; a name with one private address among public ones is refused as a whole
    (the client might pick any of them)."""
    if not in_domains(host, domains):
        raise KnowledgeError("the host is not among the brand's knowledge_domains")
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise KnowledgeError(f"{UNREACHABLE}: the host name does not resolve") from exc
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]
    if not addresses or not all(allowed(address, networks) for address in addresses):
        raise KnowledgeError(f"{UNREACHABLE}: the address is not public")
    return Target(host=host, address=addresses[0])
