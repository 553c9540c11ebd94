"""Canned Discord error responses a test arms for the next N matching REST requests."""

from __future__ import annotations

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
