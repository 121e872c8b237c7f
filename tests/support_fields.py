"""The fields of a support figure as plain values, for the record tests to compare with tables."""

from __future__ import annotations


def support_fields(figure) -> dict:
    """Every scored field of a :class:`schemas.records.SupportFigure` by its value (giver by its text)."""
    return {
        "giver": figure.giver.text if figure.giver else None,
        "count": figure.beneficiaries.count.value if figure.beneficiaries.count else None,
        "who": figure.beneficiaries.who.value if figure.beneficiaries.who else None,
        "items": figure.items.value if figure.items else None,
        "amount": figure.amount.value if figure.amount else None,
        "unit_amount": figure.unit_amount.value if figure.unit_amount else None,
        "qualifier": figure.qualifier,
        "purpose": figure.purpose.value if figure.purpose else None,
        "fund": figure.fund.value if figure.fund else None,
        "period": figure.period.value if figure.period else None,
        "status": figure.status.value if figure.status else None,
        "part_of": figure.part_of,
    }
