"""Canned Discord error responses a test arms for the next N matching REST requests, and held answers."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Mapping
from dataclasses import dataclass

from .payloads import JSON


@dataclass
class Fault:
    """Answer the next `remaining` requests matching method + path regex with this error."""

    method: str | None
    path: re.Pattern[str]
    status: int
    body: JSON
    headers: dict[str, str]
    remaining: int

    def matches(self, method: str, path: str) -> bool:
        """Whether this still-armed fault applies to the request."""
        wanted_method = self.method is None or self.method == method
        return self.remaining > 0 and wanted_method and self.path.fullmatch(path) is not None


def error_fault(
    method: str | None,
    path: str,
    *,
    status: int,
    code: int = 0,
    message: str = "",
    times: int = 1,
    headers: Mapping[str, str] | None = None,
    body: JSON | None = None,
) -> Fault:
    """Any status with Discord's {"message", "code"} error body unless `body` replaces it."""
    return Fault(
        method=method,
        path=re.compile(path),
        status=status,
        body=body if body is not None else {"message": message or str(status), "code": code},
        headers=dict(headers or {}),
        remaining=times,
    )


def rate_limit_fault(
    method: str | None, path: str, *, retry_after: float, times: int, is_global: bool, via: bool
) -> Fault:
    """429 with a JSON retry_after; discord.py only retries it when a `Via` header is present."""
    headers = {"Retry-After": str(max(1, round(retry_after))), "X-RateLimit-Scope": "user"}
    if via:
        headers["Via"] = "1.1 google"
    if is_global:
        headers["X-RateLimit-Global"] = "true"
    body = {"message": "You are being rate limited.", "retry_after": retry_after, "global": is_global}
    return error_fault(method, path, status=429, times=times, headers=headers, body=body)


@dataclass
class Hold:
    """Carry out the (skip+1)-th successful request matching method + path regex, then withhold its answer
    until released: Discord accepted it, but the client does not know yet (a crash can land in between)."""

    method: str | None
    path: re.Pattern[str]
    skip: int
    reached: asyncio.Event
    released: asyncio.Event
    taken: bool = False

    def takes(self, method: str, path: str) -> bool:
        """Whether this request is the one to hold (counting the matching ones before it)."""
        if self.taken or (self.method is not None and self.method != method) or not self.path.fullmatch(path):
            return False
        if self.skip > 0:
            self.skip -= 1
            return False
        self.taken = True
        return True

    def release(self) -> None:
        """Let the held answer go (to a client that may be gone by then)."""
        self.released.set()


def hold(method: str | None, path: str, *, skip: int) -> Hold:
    """A Hold on the request after `skip` matching successful ones."""
    return Hold(method, re.compile(path), skip, asyncio.Event(), asyncio.Event())
