"""Worked example projects, built by pure-Python builders with stable ids."""

from __future__ import annotations

from . import food_delivery, hotel, restaurant
from .base import Example

EXAMPLES: dict[str, Example] = {
    e.id: e for e in (hotel.EXAMPLE, restaurant.EXAMPLE, food_delivery.EXAMPLE)
}

__all__ = ["EXAMPLES", "Example"]
