"""Multi-line text on one line of the screen: a note's line breaks shown as ⏎, not sent to the terminal.

A line break sent raw to the terminal moves its cursor to the next row, where the rest of the line is
drawn over whatever is there (a pane's border, cut). Shown one sign for one character, the text keeps
its places: a cursor, a selection or a click lands where it does in the text itself, so the text can be
edited as it is shown and is saved exactly as it was given.
"""

from __future__ import annotations

import re

from rich.cells import cell_len, get_character_cell_size
from rich.text import Text
from textual import events

from dailyreach.tui.translated import TextInput

LINE_BREAK_SIGN = "⏎"
TAB_SIGN = "⇥"
# str.splitlines's line boundaries: what a terminal's paste (CR for a line break in xterm, VTE and tmux),
# a copy from Windows (CRLF) or from a web page (U+2028) ends its lines with. The note holds each as the
# line break the core keeps, "\n" (it saves the others as spaces).
LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_ANY_LINE_BREAK = re.compile(f"\r\n|[{LINE_BREAKS}]")
# The line breaks, the tab, and every other control character (which the core drops on saving; shown
# here so that nothing unseen is in the field).
_SIGNS = {code: "\N{REPLACEMENT CHARACTER}" for code in (*range(0x20), 0x7F, *range(0x80, 0xA0))}
_SIGNS.update({ord(c): LINE_BREAK_SIGN for c in LINE_BREAKS})
_SIGNS[ord("\t")] = TAB_SIGN
ONE_LINE = str.maketrans(_SIGNS)


def plain_line_breaks(text: str) -> str:
    """``text`` with each line break, whichever its characters (CRLF, CR, U+2028...), as "\\n"."""
    return _ANY_LINE_BREAK.sub("\n", text)


def one_line(text: str) -> str:
    """``text`` on one line, each line break shown as ⏎ and each tab as ⇥: as long as ``text``, one
    character for one."""
    return text.translate(ONE_LINE)


class NoteInput(TextInput):
    """A one-line text box that holds multi-line text: it shows line breaks as ⏎, moves over them as
    over any character, and keeps them when text is pasted (Textual's Input keeps a paste's first line).
    Every line break it holds is a "\\n": each one drawn as ⏎ is saved as a line break."""

    def _validate_value(self, value: str) -> str:
        # However the text came in (a paste, a prefilled value), so that what is drawn is what is saved.
        return plain_line_breaks(value)

    @property
    def _value(self) -> Text:
        return Text(one_line(self.value), no_wrap=True, overflow="ignore", end="")

    def _position_to_cell(self, position: int) -> int:
        return cell_len(one_line(self.value[:position]))

    def _cell_offset_to_index(self, offset: int) -> int:
        offset += self.scroll_offset.x
        cell = 0
        for index, character in enumerate(one_line(self.value)):
            width = get_character_cell_size(character)
            if cell <= offset < cell + width:
                return index
            cell += width
        return max(0, min(offset, len(self.value)))

    def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()  # Input's own handler would keep the first line only
        if event.text:
            # Made plain first: the cursor lands after the text as it is held (a CRLF is one character).
            self.replace(plain_line_breaks(event.text), *sorted(self.selection))
