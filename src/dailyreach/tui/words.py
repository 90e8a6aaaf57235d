"""How the app shows a stored day to a person, in the interface's language (the file keeps
``2026-11-27``), and the app's own layout of words: padding in cells, figures in bold."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from string import Formatter

from rich.text import Text

from dailyreach.core.records.dates import day_text

# A day as the longest the language writes it (12月30日(土)), to size a column of days.
LONGEST_DAY = date(2000, 12, 30)


def iso_day_text(day: str, today: date | None = None) -> str:
    """A day stored as 2026-11-27, as the language writes it (11月27日(金), with its year when not in
    ``today``'s); anything else as it is."""
    try:
        return day_text(date.fromisoformat(day), today)
    except ValueError:
        return day


def emphasised(template: str, bold: Mapping[str, object], plain: Mapping[str, object] | None = None) -> Text:
    """``template`` (translated) filled in, the ``bold`` values in bold: a figure stands out wherever a
    language puts it in the sentence."""
    text = Text(end="")
    plain = plain or {}
    for literal, name, spec, _conversion in Formatter().parse(template):
        text.append(literal)
        if name is None:
            continue
        if name in bold:
            text.append(format(bold[name], spec or ""), style="bold")
        else:
            text.append(format(plain[name], spec or ""))
    return text
