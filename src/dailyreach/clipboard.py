"""The system clipboard through the platform's own tool (pbcopy, clip, wl-copy, xclip, xsel, termux), run
without a shell. The app also copies through the terminal (OSC 52), which works over SSH and in tmux."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from dailyreach.i18n import N_, _

TIMEOUT_SECONDS = 5
# Without brackets of its own: the messages that give the reason may put it in theirs.
NO_TOOL = N_("no clipboard tool found among pbcopy, clip, wl-copy, xclip, xsel and termux-clipboard-set")
# What the app says when text went through the terminal (OSC 52) only: the draft screen and a link alike.
NOT_ON_SYSTEM_CLIPBOARD = N_(
    "Not on the system clipboard: {problem}. Sent through the terminal instead (OSC 52): copy it from here "
    "if pasting fails."
)


def _commands() -> list[list[str]]:
    """The copy commands to try, most likely first."""
    if sys.platform == "darwin":
        return [["pbcopy"]]
    if sys.platform == "win32":
        return [["clip"]]
    found = []
    if os.environ.get("WAYLAND_DISPLAY"):
        found.append(["wl-copy"])
    if os.environ.get("DISPLAY"):
        found += [["xclip", "-selection", "clipboard"], ["xsel", "--clipboard", "--input"]]
    found.append(["termux-clipboard-set"])
    return found


def copy_to_system_clipboard(text: str) -> str | None:
    """Put ``text`` on the system clipboard; None when done, else why not (in words for the user)."""
    problem = _(NO_TOOL)
    for command in _commands():
        program = shutil.which(command[0])
        if program is None:
            continue
        # clip.exe reads the console's code page unless given UTF-16.
        payload = text.encode("utf-16-le" if sys.platform == "win32" else "utf-8")
        try:
            subprocess.run(
                [program, *command[1:]],
                input=payload,
                check=True,
                timeout=TIMEOUT_SECONDS,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except (OSError, subprocess.SubprocessError) as error:
            problem = _("{tool} failed ({error})").format(tool=command[0], error=type(error).__name__)
            continue
        return None
    return problem
