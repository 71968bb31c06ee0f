"""Limit sign-in attempts so that guessing is slow and no stranger can lock the manager out.

Two kinds of count, both kept where every worker and machine sees them (Redis, or the store):

- per address (an IPv6 address counts by its /64, which one client usually holds whole):
  SIGN_IN_ADDRESS_LIMIT attempts, whatever the usernames. A guesser locks out only the
  address he guesses from.
- per address and username: SIGN_IN_PAIR_LIMIT, stepped windows (by default 3 a minute, 6 in
  15 minutes, 12 a day), so the wait grows with every failure, but only for that pair. A
  stranger's failures for the manager's username never delay the manager's own address.

There is deliberately no count per username alone: that count is the one a stranger can fill
to lock the manager out. What bounds a guesser with many addresses is the per-address limits
times his addresses, the scrypt hash (tens of ms per guess) and the 10-character minimum.

Every attempt is counted before its password is checked (an atomic increment), so 40
concurrent attempts from one address get at most the limit's number of password checks. A
successful sign-in clears its pair's counts.
"""

from __future__ import annotations

import ipaddress
import logging
import time
from dataclasses import dataclass

from limits import RateLimitItem, parse_many
from limits.storage import storage_from_string
from limits.strategies import FixedWindowRateLimiter

log = logging.getLogger(__name__)
PREFIX = "signin"


@dataclass(frozen=True)
class Refusal:
    """An attempt that was not checked: wait this many seconds (None: the counter store is unreachable)."""

    wait_seconds: int | None


def address_key(address: str | None) -> str:
    """Return the address an attempt is counted under: IPv4 as it is, IPv6 by its /64."""
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return "unknown"
    if ip.version == 6:
        if ip.ipv4_mapped:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


class SignInThrottle:
    """Count sign-in attempts per address and per address and username; see the module docstring."""

    def __init__(
        self, storage_uri: str, address_limits: str, pair_limits: str, *, key_prefix: str = "", storage_options=None
    ):
        self.storage = storage_from_string(storage_uri, **(storage_options or {}))
        self.limiter = FixedWindowRateLimiter(self.storage)
        self.address_limits = parse_many(address_limits)
        self.pair_limits = parse_many(pair_limits)
        self.prefix = f"{key_prefix}{PREFIX}"

    def _counts(self, address: str, username: str) -> list[tuple[RateLimitItem, tuple[str, ...]]]:
        addr = address_key(address)
        name = (username or "").strip().lower()[:80]
        return [(item, (self.prefix, "addr", addr)) for item in self.address_limits] + [
            (item, (self.prefix, "pair", addr, name)) for item in self.pair_limits
        ]

    def _wait(self, item: RateLimitItem, ids: tuple[str, ...]) -> Refusal:
        reset = self.limiter.get_window_stats(item, *ids).reset_time
        return Refusal(max(1, int(reset - time.time() + 0.999)))

    def admit(self, address: str, username: str) -> Refusal | None:
        """Count an attempt before its password is checked; return a Refusal if it may not be checked."""
        try:
            counts = self._counts(address, username)
            for item, ids in counts:  # a refused attempt adds nothing: waiting out the window is enough
                if not self.limiter.test(item, *ids):
                    return self._wait(item, ids)
            for item, ids in counts:  # atomic: concurrent attempts cannot all pass
                if not self.limiter.hit(item, *ids):
                    return self._wait(item, ids)
        except Exception:  # no count, no check: an unreachable counter store must not open the door
            log.exception("sign-in attempt counts cannot be read")
            return Refusal(None)
        return None

    def succeeded(self, address: str, username: str) -> None:
        """Clear the pair's counts after a successful sign-in (the address's counts stay)."""
        for item, ids in self._counts(address, username):
            if ids[1] == "pair":
                try:
                    self.limiter.clear(item, *ids)
                except Exception:  # the count then simply runs out with its window
                    log.warning("could not clear sign-in counts", exc_info=True)

    def reset(self) -> None:
        """Forget every count (tests)."""
        self.storage.reset()
