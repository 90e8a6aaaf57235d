"""E on the Declined pane edits the highlighted invitation: a cost or a day typed wrong is put right rather
than left in what declining saved, and u takes the edit back."""

from textual.widgets import DataTable
from textual.widgets._footer import FooterKey

from dailyreach.core.records.model import Invitation
from dailyreach.tui.app import DailyReachApp
from tests.conftest import add_contact
from tests.tui.conftest import SIZE, cells, settle

DECIDED = "2026-11-20T10:00:00+09:00"


def declined_title(app) -> str:
    return str(app.screen.query_one("#invitations", DataTable).border_title)


async def test_E_edits_a_declined_invitation_keeping_its_reason_and_when_it_was_declined(store):
    mixer = store.save_invitation(
        Invitation(
            title="Mixer",
            kind="party",
            host="Mike",
            hours=3,
            cost=50000,
            currency="JPY",
            status="declined",
            note="only pitches",
            decided_at=DECIDED,
            event_date="2026-12-01",
        )
    )
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "E")
        await settle(pilot)
        fields = {
            field: app.screen.query_one(f"#{field}").value for field in ("title", "cost", "hours", "from")
        }
        assert fields == {"title": "Mixer", "cost": "50000", "hours": "3", "from": "Mike"}
        assert (
            app.screen.query_one("#currency").value == "JPY"
            and app.screen.query_one("#kind").value == "party"
        )
        app.screen.query_one("#cost").value = "5000"
        app.screen.query_one("#event_date").value = "2026-12-02"
        await pilot.press("enter")
        await settle(pilot)
        edited = store.invitation(mixer.id)
        assert (edited.cost, edited.event_date, edited.hours, edited.kind, edited.host) == (
            5000,
            "2026-12-02",
            3,
            "party",
            "Mike",
        )
        assert (edited.status, edited.note, edited.decided_at) == ("declined", "only pitches", DECIDED)
        assert "saved 3 h, 5,000 JPY" in declined_title(app)
        assert [str(n.message) for n in app._notifications] == ["Saved Mixer."]
        assert [invitation.id for invitation in store.invitations()] == [mixer.id]
        await pilot.press("u")
        await settle(pilot)
        assert store.invitation(mixer.id).cost == 50000
        assert "saved 3 h, 50,000 JPY" in declined_title(app)
        assert "Undone: edit of Mixer" in [str(n.message) for n in app._notifications]


async def test_E_can_decline_an_undecided_invitation_or_take_a_decline_back(store):
    gala = store.save_invitation(Invitation(title="Gala", hours=4))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "E")
        await settle(pilot)
        assert app.screen.query_one("#decision").value == "undecided"
        app.screen.query_one("#decision").value = "declined"
        await pilot.press("enter")
        await settle(pilot)
        declined = store.invitation(gala.id)
        assert declined.status == "declined" and declined.decided_at == store.now().isoformat()
        await pilot.press("E")
        await settle(pilot)
        app.screen.query_one("#decision").value = "undecided"
        await pilot.press("enter")
        await settle(pilot)
        assert (store.invitation(gala.id).status, store.invitation(gala.id).decided_at) == ("undecided", None)


async def test_E_edits_the_reason_and_an_invitation_accepted_leaves_the_pane_kept(store):
    # The reason could be given only by x, and accepted could be set nowhere: a gala gone to stayed undecided.
    gala = store.save_invitation(
        Invitation(title="Gala", status="declined", note="pitches", decided_at=DECIDED)
    )
    store.save_invitation(Invitation(title="Mixer"))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        shown = [(key.key_display, key.description) for key in app.screen.query(FooterKey)]
        assert ("E", "Edit") in shown  # it was a key the footer never showed
        await pilot.press("j", "E")  # the declined Gala, after the undecided Mixer
        await settle(pilot)
        assert app.screen.query_one("#note").value == "pitches"
        app.screen.query_one("#note").value = "only pitches"
        await pilot.press("enter")
        await settle(pilot)
        assert (store.invitation(gala.id).note, store.invitation(gala.id).decided_at) == (
            "only pitches",
            DECIDED,
        )
        await pilot.press("k", "E")
        await settle(pilot)
        app.screen.query_one("#decision").value = "accepted"
        await pilot.press("enter")
        await settle(pilot)
        mixer = next(invitation for invitation in store.invitations() if invitation.title == "Mixer")
        assert (mixer.status, mixer.decided_at) == ("accepted", store.now().isoformat())
        titles = [str(row[1]) for row in cells(app, "invitations")]
        assert titles == ["Gala"]
        # Said, or its row seemed lost: only "Saved Mixer." was.
        assert list(app._notifications)[-1].message == (
            "Saved Mixer as accepted: the Declined pane lists the invitations declined or undecided."
        )


async def test_a_cost_edited_with_its_currency_takes_that_currency(store):
    gala = store.save_invitation(Invitation(title="Gala", cost=40))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "E")
        await settle(pilot)
        app.screen.query_one("#title").value = "Gala dinner"
        app.screen.query_one("#cost").value = "¥5000"
        app.screen.query_one("#currency").value = "USD"
        await pilot.press("enter")
        await settle(pilot)
        # A cost typed in yen sets the currency beside it: saved as typed.
        assert (store.invitation(gala.id).title, store.invitation(gala.id).cost) == ("Gala dinner", 5000)
        assert store.invitation(gala.id).currency == "JPY"


async def test_E_is_for_invitations_only_on_the_declined_pane(store):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    store.save_invitation(Invitation(title="Gala"))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("1", "E")
        await settle(pilot)
        assert not app.screen.query("#decline")
        assert store.contact(ann.id) == ann


async def test_a_decline_taken_back_and_made_again_offers_the_reason_it_had(store):
    gala = store.save_invitation(
        Invitation(title="Gala", status="declined", note="only pitches", decided_at=DECIDED)
    )
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "E")
        await settle(pilot)
        app.screen.query_one("#decision").value = "undecided"
        await pilot.press("enter")
        await settle(pilot)
        assert store.invitation(gala.id).status == "undecided"
        await pilot.press("x")
        await settle(pilot)
        assert app.screen.query_one("#note").value == "only pitches"
        await pilot.press("end", *" and more invitations", "enter")
        await settle(pilot)
    declined = store.invitation(gala.id)
    assert (declined.status, declined.note) == ("declined", "only pitches and more invitations")


async def test_a_title_too_long_for_the_forms_heading_ends_in_an_ellipsis(store):
    """It was cut mid-sentence with no sign of the rest: "Decline: Founder Seminar: Scaling B2B SaaS from 0 to
    1 with"."""
    title = "Founder Seminar: Scaling B2B SaaS from 0 to 1 with AI-native go-to-market playbooks"
    store.save_invitation(Invitation(title=title, host="Mike", event_date="2026-12-11"))
    app = DailyReachApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3", "x")
        await settle(pilot)
        heading = app.screen.query_one(".title")
        lines = [strip.text.rstrip() for strip in heading.render_lines(heading.region.reset_offset)]
        shown = [line for line in lines if line]
        assert len(shown) == 1 and shown[0].startswith("Decline: Founder Seminar") and shown[0].endswith("…")
