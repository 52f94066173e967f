"""Dates in contributed files: ISO ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``, and only real ones."""

from __future__ import annotations

import calendar
import re

ISO_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?\Z")
DATE_IN_NAME = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
"""A date in an article's name (``kompas-2022-01-09-festival``): its ``published`` must agree with it."""


def calendar_error(value: object) -> str | None:
    """Why an ISO date (or month, or year) is not on the calendar; None if it is, or is not ISO-shaped.

    The shape is the schema's business; this catches ``1947-13-01``, ``1947-00-05`` and ``2026-02-30``.
    """
    match = ISO_DATE.match(str(value))
    if match is None:
        return None
    year, month, day = match.groups()
    if int(year) == 0:
        return "there is no year 0000"
    if month is None:
        return None
    if not 1 <= int(month) <= 12:
        return f"there is no month {month} (months run from 01 to 12)"
    if day is None:
        return None
    days = calendar.monthrange(int(year), int(month))[1]
    if not 1 <= int(day) <= days:
        return f"{calendar.month_name[int(month)]} {year} has {days} days"
    return None


def not_real(field: str, value: object) -> str | None:
    """The message for a date field whose value is not on the calendar, or None."""
    why = None if value is None else calendar_error(value)
    return f"'{field}' is {value}, which is not a real date: {why}; correct it" if why else None


def parts(value: object) -> tuple[int, ...] | None:
    """``(year, month, day)``, ``(year, month)`` or ``(year,)`` of a real date; None otherwise."""
    match = ISO_DATE.match(str(value))
    if match is None or calendar_error(value) is not None:
        return None
    return tuple(int(part) for part in match.groups() if part is not None)
