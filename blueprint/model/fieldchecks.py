"""Checks of single field values: each raises DomainError naming the field."""

from __future__ import annotations

import re

from .errors import DomainError

MAX_TEXT = 2_000_000
MAX_NUMBER = 1e9  # far beyond any diagram coordinate or duration in minutes
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def text(name: str, value: object, *, required: bool = False, limit: int = MAX_TEXT):
    if value.__class__ is not str:
        raise DomainError(name, "must be text")
    if not value and not required:
        return
    if required and not value.strip():
        raise DomainError(name, "must not be empty")
    if len(value) > limit:
        raise DomainError(name, f"is longer than {limit:,} characters")
    if "\x00" in value:
        raise DomainError(name, "contains a NUL character")
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates cannot be saved or shown
            raise DomainError(name, "contains invalid characters") from None


def number(name: str, value: object, *, low: float | None = None) -> None:
    # exact type test: fast on the hot load path, and refuses bools
    if type(value) is not float and type(value) is not int:
        raise DomainError(name, "must be a number")
    if not -MAX_NUMBER <= value <= MAX_NUMBER:  # also false for NaN; no float overflow
        raise DomainError(name, f"must be finite and within ±{MAX_NUMBER:g}")
    if low is not None and value < low:
        raise DomainError(name, f"must be at least {low:g}")


def integer(name: str, value: object, low: int, high: int) -> None:
    if type(value) is not int:
        raise DomainError(name, "must be a whole number")
    if not low <= value <= high:
        raise DomainError(name, f"must be from {low} to {high}, not {value}")


def choice(name: str, value: object, allowed) -> None:
    try:
        known = value in allowed
    except TypeError:  # unhashable, e.g. a list where a damaged file had a name
        known = False
    if not known:
        raise DomainError(name, f"unknown value {value!r}")


def colour(name: str, value: object, *, optional: bool = True) -> None:
    if value is None and optional:
        return
    if not isinstance(value, str) or not _COLOUR.match(value):
        raise DomainError(name, f"must be a colour like #1f6feb, not {value!r}")


def flag(name: str, value: object) -> None:
    if value is not True and value is not False:
        raise DomainError(name, "must be true or false")


def identifier(name: str, value: object) -> None:
    if value.__class__ is not str or not 0 < len(value) <= 64:
        raise DomainError(name, "must be a non-empty id of at most 64 characters")


def plain_minutes(value: object) -> bool:
    """True for None and for what number() accepts as a duration in minutes."""
    return value is None or (
        value.__class__ is float and 0 <= value <= MAX_NUMBER  # type: ignore[operator]
    )
