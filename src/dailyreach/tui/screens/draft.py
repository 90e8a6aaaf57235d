"""The draft screen behind ``c``: a message made from the template that fits, edited in place, counted
against the channel's limit, then copied and opened where it is sent. dailyreach never sends it.

Confirming copies the draft through the terminal (OSC 52, which works over SSH and in tmux) and to the
system clipboard, and opens the channel's compose page; the screen then closes onto the log bar with the
draft as the interaction's text, so Enter logs what was sent. If the clipboard or the browser cannot be
reached the user is told and the draft stays on screen to copy by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit, urlunsplit

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from dailyreach.core.planning.drafts import Draft, Prepared
from dailyreach.core.records.handles import COMPOSE_SCHEMES, openable
from dailyreach.i18n import N_, _
from dailyreach.report import clipped
from dailyreach.tui.bound_keys import bound_key
from dailyreach.tui.log_keys import KIND_TITLES
from dailyreach.tui.styles import DRAFTS_CSS
from dailyreach.tui.translated import TranslatedBindings
from dailyreach.tui.widgets.key_footer import KeyFooter
from dailyreach.tui.widgets.text_editor import TextEditor
from dailyreach.wording import channel_label, count_text, missing_text, nudges_used_text, purpose_title

if TYPE_CHECKING:
    from dailyreach.core.records.model import Contact
    from dailyreach.core.store.threads import Thread
    from dailyreach.tui.screens.base import StoreScreen

# Shown through ``_`` (they are made at import, before the language is chosen).
TITLE = N_("Draft for {name}")
NO_TEMPLATE = N_(
    "No template for a {purpose} on {channel}: ctrl+t tries the others, ctrl+p Templates adds one."
)
NO_LINK = N_("Nowhere to open on {channel}: paste it where you write to them.")
# A contact with no handle: no channel to name.
NO_HANDLE = N_("No handle to open: paste it where you write to them.")
OPENS = N_("Opens {link}")
EMPTY = N_("The draft is empty: nothing copied.")
COPIED = N_("Copied. Enter logs it ({kind}) with the draft as its text; Escape if you did not send it.")
LOGGING = N_("Enter logs it ({kind}) with the draft as its text; Escape if you did not send it.")
LOG_LATER = N_("{key} logs it once you have sent it.")
NO_BROWSER = N_("No web browser found to open {link}: the draft stays here to copy by hand.")
NO_MAIL = N_(
    "No mail program or web browser found to write to {address}: the draft stays here to copy by hand."
)
# A link is said in a notification up to this many cells.
LINK_CELLS = 60
SET_MY_NAME = N_("(your name: ctrl+p Templates, y)")
NO_DRAFT = N_("No draft")
SUBJECT = N_("subject: {subject}")
EDITED_NEXT = N_("The draft was edited: {key} again puts the next template in its place.")
EDITED_CLOSE = N_("The draft was edited: {key} again closes it, and the edit is lost.")


@dataclass(frozen=True)
class DraftSent:
    """What the draft screen hands back: the interaction to log, with the draft as its text."""

    kind: str
    channel: str
    text: str


class DraftText(TextEditor):
    """The draft being edited."""

    def on_resize(self) -> None:
        # TextArea wraps its text again for the new width but repaints only when that changes how many
        # lines it takes: otherwise the lines drawn at the old width stay, cut off at the edge.
        self.refresh()


class DraftScreen(TranslatedBindings, ModalScreen[DraftSent | None]):
    CSS_PATH = DRAFTS_CSS
    BINDINGS = [
        # Not priority: in turn with the letters typed before them in one write (a slow link, a paste),
        # which acting ahead of them lost from the message sent and logged.
        Binding("ctrl+s", "send", N_("Copy & open"), id="draft_send"),
        Binding("ctrl+t", "next_template", N_("Next template"), id="draft_next_template"),
        Binding("ctrl+l", "log_it", N_("Log it"), id="draft_log"),
        Binding("escape", "cancel", N_("Close"), id="cancel_form"),
    ]

    def __init__(self, prepared: Prepared) -> None:
        super().__init__()
        self.prepared = prepared
        self.draft: Draft | None = prepared.draft
        self.delivering = False
        # The key that was just told it would throw the edited draft away: pressed again, it does.
        self.warned: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="draft_box"):
            yield Static(id="draft_title", markup=False)
            yield DraftText(id="draft_text", soft_wrap=True, show_line_numbers=False, tab_behavior="focus")
            yield Static(id="draft_count", markup=False)
            yield Static(id="draft_link", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one(KeyFooter).release()
        self._show_draft()
        self.query_one(TextArea).focus()

    @property
    def text(self) -> str:
        return self.query_one(TextArea).text

    def _show_draft(self) -> None:
        prepared, made = self.prepared, self.draft
        title = Text(_(TITLE).format(name=prepared.contact.name), style="bold")
        if made is not None:
            title.append(
                f"  {made.template.name} · {purpose_title(made.purpose)} · {channel_label(made.channel)}",
                style="dim",
            )
        self.query_one("#draft_title", Static).update(title)
        area = self.query_one(TextArea)
        area.load_text(made.text if made is not None else "")
        area.move_cursor(area.document.end)
        self._show_count()

    def on_text_area_changed(self) -> None:
        self.warned = None
        self._show_count()

    def _may_drop_the_edit(self, key_id: str, warning: str) -> bool:
        """Whether the key ``key_id`` may put the draft away: at once when it is as it was drafted; edited,
        once the key is pressed again after ``warning`` said what it would do."""
        drafted = self.draft.text if self.draft is not None else ""
        if self.text == drafted or self.warned == key_id:
            return True
        self.warned = key_id
        self.notify(_(warning).format(key=bound_key(self.app, key_id)), severity="warning", markup=False)
        return False

    def _show_count(self) -> None:
        made, text = self.draft, self.text
        count_box = self.query_one("#draft_count", Static)
        link_box = self.query_one("#draft_link", Static)
        if made is None:
            purpose = purpose_title(self.prepared.purpose)
            channel = channel_label(self.prepared.channel)
            count_box.update(Text(_(NO_TEMPLATE).format(purpose=purpose, channel=channel)))
            link_box.update("")
            return
        count = made.count(text)
        over = made.limit is not None and count > made.limit
        line = Text(count_text(count, made.limit), style="bold red" if over else "")
        if made.subject:
            line.append(" · " + _(SUBJECT).format(subject=made.subject))
        if made.missing:
            line.append(f" · {missing_text(made.missing)}", style="yellow")
            if "my_name" in made.missing:
                line.append(" " + _(SET_MY_NAME), style="yellow")
        count_box.update(line)
        count_box.set_class(over, "over")
        link = made.link(text)
        link_box.update(
            Text(
                _(OPENS).format(link=link)
                if link
                else _(NO_HANDLE)
                if made.channel == "other"
                else _(NO_LINK).format(channel=channel_label(made.channel)),
                style="dim",
            )
        )

    def action_next_template(self) -> None:
        choices = self.prepared.choices
        if not choices:
            return
        if not self._may_drop_the_edit("draft_next_template", EDITED_NEXT):
            return
        current = self.draft.template if self.draft is not None else None
        at = choices.index(current) + 1 if current in choices else 0
        self.draft = self.prepared.with_template(choices[at % len(choices)])
        self._show_draft()

    def action_send(self) -> None:
        text = self.text
        if self.draft is None or self.delivering:
            return
        if not text.strip():
            self.notify(_(EMPTY), severity="warning")
            return
        self.delivering = True
        # Through the terminal first (it also keeps app.clipboard); the system clipboard and the browser
        # may take a while, so they are reached off the UI thread.
        self.app.copy_to_clipboard(text)
        self.run_worker(partial(self._deliver, text, self.draft.link(text)), thread=True, group="deliver")

    def _deliver(self, text: str, link: str | None) -> None:
        problems = []
        if not self.app.is_web:  # served to a browser, the terminal's clipboard is the user's
            from dailyreach.clipboard import NOT_ON_SYSTEM_CLIPBOARD, copy_to_system_clipboard

            problem = copy_to_system_clipboard(text)
            if problem is not None:
                problems.append(_(NOT_ON_SYSTEM_CLIPBOARD).format(problem=problem))
        if link is not None and openable(link, COMPOSE_SCHEMES):  # checked again at the moment of opening
            if self.app.is_web:
                self.app.call_from_thread(partial(self.app.open_url, link, new_tab=True))
            else:
                import webbrowser

                if not webbrowser.open(link):
                    problems.append(not_opened(link))
        self.app.call_from_thread(self._delivered, text, problems)

    def _delivered(self, text: str, problems: list[str]) -> None:
        self.delivering = False
        if not self.is_attached:
            return
        if problems:
            # One notice, not one a problem: at 80x24 three of them stacked up over the draft.
            self.notify(
                "\n".join([*problems, _(LOG_LATER).format(key=bound_key(self.app, "draft_log"))]),
                severity="warning",
                markup=False,
                timeout=15,
            )
            return
        self._log(text, copied=True)

    def action_log_it(self) -> None:
        if self.draft is not None and self.text.strip():
            self._log(self.text)

    def _log(self, text: str, *, copied: bool = False) -> None:
        assert self.draft is not None
        said = _(COPIED) if copied else _(LOGGING)
        # What was said of the copy that did not reach the clipboard or the browser is done with: logged,
        # the bar it opens is not to be covered by it.
        self.app.clear_notifications()
        self.notify(said.format(kind=_(KIND_TITLES[self.draft.kind])), markup=False)
        self.dismiss(DraftSent(self.draft.kind, self.draft.channel, text))

    def action_cancel(self) -> None:
        if self._may_drop_the_edit("cancel_form", EDITED_CLOSE):
            self.dismiss(None)


def not_opened(link: str) -> str:
    """Why ``link`` was not opened, said short: its query is the draft itself, which is on screen, and
    percent-encoded it filled the notification over it."""
    parts = urlsplit(link)
    if parts.scheme.lower() == "mailto":
        return _(NO_MAIL).format(address=unquote(parts.path))
    page = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
    return _(NO_BROWSER).format(link=clipped(page, LINK_CELLS))


def open_draft(screen: StoreScreen, contact: Contact, reason: str | None = None) -> None:
    """Prepare ``contact``'s draft off the UI thread (the first one adds the default templates), show it,
    and open the screen's log bar with what was sent."""
    from dailyreach.core.errors import StoreError
    from dailyreach.core.planning.drafts import prepare_draft

    def prepare() -> tuple[Prepared, Thread]:
        return prepare_draft(screen.store, contact, reason=reason), screen.store.thread(contact.id)

    def show(result: tuple[Prepared, Thread]) -> None:
        prepared, thread = result
        if prepared.nudges_used is not None:  # no nudge to draft: closing the thread is what is due
            screen.notify(
                nudges_used_text(prepared.nudges_used, "x"),
                title=_(NO_DRAFT),
                severity="warning",
                markup=False,
            )
            return
        screen.app.push_screen(DraftScreen(prepared), partial(_log_sent, screen, contact, thread))

    def work() -> Callable[[], None]:
        try:
            result = prepare()
        except (StoreError, ValueError) as error:
            return partial(screen.notify, str(error), title=_(NO_DRAFT), severity="error", markup=False)
        return partial(show, result)

    screen.saves.put(lambda: partial(_if_alive, screen, work()))


def _if_alive(screen: StoreScreen, then: Callable[[], None]) -> None:
    if screen.alive:
        then()


def _log_sent(screen: StoreScreen, contact: Contact, thread: Thread, sent: DraftSent | None) -> None:
    if sent is not None:
        # The channel as the bar shows it when it opens by itself (LinkedIn, not its key linkedin).
        shown = {"channel": channel_label(sent.channel), "text": sent.text}
        screen.log_interaction(contact, thread, sent.kind, shown)
