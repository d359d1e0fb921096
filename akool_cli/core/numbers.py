"""Numbers written as a script reads them back: whole ones without a decimal point, others in
full, never in exponent form."""

from __future__ import annotations

from decimal import Decimal


def plain_number(value: float) -> str:
    """A number as a script reads it: whole ones without a decimal point, others in full, never
    in exponent form (`:g` printed a balance of 1234567.5 as 1.23457e+06: break17f F13, and an
    MCP limit of 1000000000 as 1e+09: N6)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return format(Decimal(repr(float(value))), "f").removesuffix(".0")
