"""Where a webhook may point. In AWS: https only, and never to a private, loopback, link-local or
otherwise non-public address (no server-side request forgery into the VPC or the metadata service).
On the local stack: also plain http, but only to 127.0.0.1."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from urllib.parse import urlsplit


class UnsafeUrl(ValueError):
    pass


def resolve_host(host: str) -> list[str]:
    """Every address the host resolves to (the system resolver, as the HTTP client will use)."""
    try:
        return sorted({str(info[4][0]) for info in socket.getaddrinfo(host, 443, proto=socket.IPPROTO_TCP)})
    except (socket.gaierror, UnicodeError) as exc:
        raise UnsafeUrl(f"host {host!r} does not resolve") from exc


def check_webhook_url(
    url: str, *, local: bool, resolve: Callable[[str], list[str]] | None = None
) -> str | None:
    """Raise UnsafeUrl unless a delivery may go to `url`; else return the address the delivery must
    connect to: one the check saw, so a DNS answer that changes afterwards (rebinding) cannot send
    it elsewhere. None only for https on the local stack, which connects wherever the name resolves."""
    if len(url) > 2048:
        raise UnsafeUrl("at most 2048 characters")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise UnsafeUrl("not a URL") from exc
    host = parts.hostname or ""
    if not host:
        raise UnsafeUrl("needs a host")
    if parts.username or parts.password:
        raise UnsafeUrl("must not carry credentials")
    if parts.scheme == "http":
        if local and host == "127.0.0.1":
            return host
        raise UnsafeUrl("must be https (plain http only to 127.0.0.1 on the local stack)")
    if parts.scheme != "https":
        raise UnsafeUrl("must be https")
    if local:
        return None
    if port is not None and port not in (443, 8443):
        raise UnsafeUrl("https on port 443 or 8443 only")
    addresses = [host] if _is_ip(host) else (resolve or resolve_host)(host)
    if not addresses:
        raise UnsafeUrl(f"host {host!r} does not resolve")
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:  # ::ffff:127.0.0.1 is loopback
            ip = ip.ipv4_mapped
        if not ip.is_global:
            raise UnsafeUrl(f"{host} resolves to a non-public address ({address})")
    return addresses[0].split("%")[0]


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True
