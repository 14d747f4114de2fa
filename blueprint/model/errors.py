"""Domain errors: every invalid value or reference raises one, naming the field."""

from __future__ import annotations


class DomainError(ValueError):
    """A value or reference the model refuses; `field` names what was wrong."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason
