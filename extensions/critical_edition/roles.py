"""The segment roles and their assignment from catalogue data (pure)."""

from __future__ import annotations

from collections.abc import Mapping

from .segments import parse_ranges

#: Role vocabulary, in the order the method page explains them.
ROLES = (
    "heading",
    "byline",
    "dateline",
    "body",
    "caption",
    "pull-quote",
    "comment",
    "reference",
    "placeholder",
    "furniture",
)


def assign_roles(count: int, spec: Mapping[str, str], default: str = "body") -> list[str]:
    """Return the role of segments 1..count (index 0 is segment 1).

    *spec* maps a role to a range string.  Raise ValueError naming the first
    problem: an unknown role, a segment out of range, or one given two roles.
    """
    if default not in ROLES:
        raise ValueError(f"unknown default role {default!r} (known: {', '.join(ROLES)})")
    given: dict[int, str] = {}
    for role, ranges in spec.items():
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r} (known: {', '.join(ROLES)})")
        for number in parse_ranges(ranges):
            if not 1 <= number <= count:
                raise ValueError(f"role {role!r}: segment {number} out of range 1-{count}")
            if number in given:
                raise ValueError(
                    f"segment {number} has two roles: {given[number]!r} and {role!r}"
                )
            given[number] = role
    return [given.get(n, default) for n in range(1, count + 1)]
