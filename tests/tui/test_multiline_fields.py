"""A contact's why and notes, and a decline's reason, may hold line breaks (an import writes two-line
notes): their form boxes show each break as ⏎ on the one line, keep every line of a paste and save
them as they were."""

from textual import events
from textual.widgets import Input

from dailyreach.core.records.model import Invitation
from dailyreach.tui.app import DailyReachApp
from tests.conftest import add_contact
from tests.tui.conftest import SIZE, settle
from tests.tui.test_contact_screen import open_contact
from tests.tui.test_log_bar_and_timeline import drawn

IMPORTED_NOTES = "CEO, Founder at Acme Inc\nLinkedIn connection since 2021-03-04"


async def test_the_edit_form_shows_imported_notes_on_one_line_and_keeps_a_pasted_line_break(store):
    ann = add_contact(store, "Ann", handles={"x": "@ann"}, notes=IMPORTED_NOTES, why="Built Acme\nSold it")
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_contact(pilot, "Ann")
        await pilot.press("E")
        await settle(pilot)
        notes, why = app.screen.query_one("#notes", Input), app.screen.query_one("#why", Input)
        assert drawn(notes).strip().startswith("CEO, Founder at Acme Inc⏎LinkedIn connection")
        assert drawn(why).strip() == "Built Acme⏎Sold it"
        notes.focus()
        notes.action_end()
        notes.post_message(events.Paste("\r\nAsked about hiring\r\nand pricing"))
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
    saved = store.contact(ann.id)
    assert saved.notes == IMPORTED_NOTES + "\nAsked about hiring\nand pricing"
    assert saved.why == "Built Acme\nSold it"


async def test_a_decline_reason_keeps_every_line_pasted_into_it(store):
    invitation = store.save_invitation(Invitation(title="Mixer", event_date="2026-12-20"))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "x")
        await settle(pilot)
        reason = app.screen.query_one("#note", Input)
        reason.post_message(events.Paste("Only pitches\rand more invitations"))
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
    declined = store.invitation(invitation.id)
    assert (declined.status, declined.note) == ("declined", "Only pitches\nand more invitations")
