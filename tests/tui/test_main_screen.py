"""The real app on a temporary store, driven with the real keys."""

import webbrowser
from dataclasses import replace

import pytest
from textual import events
from textual.widgets import DataTable, Input

from dailyreach.core.planning.agenda import build_agenda
from dailyreach.tui.agenda_rows import PANE_ROWS
from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.screens.main import MainScreen
from dailyreach.tui.widgets.log_bar import LogBar
from tests.conftest import add_contact, log
from tests.tui.conftest import SIZE, Keys, cells, settle


async def test_the_three_panes_show_the_agenda_with_user_text_as_written(store, people):
    ann, _, _ = people
    log(store, ann, "public_reply", at=store.now().subtract(days=1))
    store.history.clear()
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert [row[1] for row in cells(app, "today")] == ["山田 太郎", "[bold]VIP"]
        assert cells(app, "pending")[0][0] == "Ann [/] Smith"
        assert cells(app, "pending")[0][-1] == "X"
        status = str(app.screen.query_one("#status").render())
        assert "0/5 today" in status and "streak 1" in status


async def test_the_first_frame_shows_the_day_without_a_read_in_the_background(store, people, monkeypatch):
    # Read as the screen mounts (issue 8): with the background reads left out, the day is there all the same.
    build_agenda(store)
    monkeypatch.setattr(MainScreen, "reload_if_changed", lambda screen: None)
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert [row[1] for row in cells(app, "today")] == ["Ann [/] Smith", "山田 太郎", "[bold]VIP"]
        assert "0/5 today" in str(app.screen.query_one("#status").render())


async def test_the_read_before_the_first_frame_makes_todays_rows_and_the_others_come_after_it(
    store, people, monkeypatch
):
    # Pending's rows (thousands in a long history) are made once Today's are in their table, not before.
    ann, _, _ = people
    log(store, ann, "dm_sent", at=store.now().subtract(days=1))
    monkeypatch.setattr(MainScreen, "reload_if_changed", lambda screen: None)
    today_shown_first = []

    def pending_rows(agenda):
        today_shown_first.append(app.screen.query_one("#today", DataTable).row_count > 0)
        return made_pending_rows(agenda)

    made_pending_rows = PANE_ROWS["pending"]
    monkeypatch.setitem(PANE_ROWS, "pending", pending_rows)
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert today_shown_first == [True]
        assert [row[0] for row in cells(app, "pending")] == ["Ann [/] Smith"]


async def test_the_days_plan_first_shown_unstored_is_stored_by_the_read_that_follows(store, people):
    # The read before the first frame writes nothing; the day's plan it made is stored right after.
    today = store.local_today().isoformat()
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        plan = store.plan(today)
        assert plan is not None and [item.contact_id for item in plan.items] == [p.id for p in people]
        assert not app.screen.agenda.plan_to_store


async def test_d_then_enter_logs_a_dm_and_moves_on_to_the_next_open_row(store, people):
    ann, yamada, vip = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d", "enter")
        await settle(pilot)
        assert [(i.contact_id, i.kind, i.channel) for i in store.interactions()] == [(ann.id, "dm_sent", "x")]
        assert cells(app, "today")[0][0] == "✓"
        assert [row[0] for row in cells(app, "pending")] == ["Ann [/] Smith"]
        assert app.screen.query_one("#today", DataTable).cursor_row == 1
        await pilot.press("d", "enter")
        await settle(pilot)
        assert [i.contact_id for i in store.interactions()] == [ann.id, yamada.id]
        assert "2/5 today" in str(app.screen.query_one("#status").render())


async def test_a_dm_logged_back_dated_leaves_its_row_waiting_and_the_cursor_passes_it(store, people):
    """Written to yesterday (logged late), Ann has nothing due today: her row says so and the cursor,
    moving on after each log, passes her by."""
    ann, yamada, vip = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("d", "end", "ctrl+u")
        await keys.type("yesterday")
        await keys.press("enter")
        await settle(pilot)
        assert [i.contact_id for i in store.interactions()] == [ann.id]
        assert cells(app, "today")[0][:3] == ["–", "Ann [/] Smith", "sent, waiting"]
        assert app.screen.query_one("#today", DataTable).cursor_row == 1
        await keys.press("d", "enter")
        await settle(pilot)
        assert [i.contact_id for i in store.interactions()] == [ann.id, yamada.id]
        assert app.screen.query_one("#today", DataTable).cursor_row == 2
        await keys.press("d", "enter")
        await settle(pilot)
        assert [i.contact_id for i in store.interactions()] == [ann.id, yamada.id, vip.id]
        assert [row[0] for row in cells(app, "today")] == ["–", "✓", "✓"]


async def test_x_on_a_follow_up_row_closes_it_and_leaves_nothing_due_there(store, people):
    ann, yamada, _vip = people
    log(store, ann, "dm_sent", at=store.now().subtract(days=5))
    store.history.clear()
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert cells(app, "today")[0][:3] == ["·", "Ann [/] Smith", "follow-up #1"]
        await pilot.press("x", "enter")
        await settle(pilot)
        assert [i.kind for i in store.interactions(ann.id)] == ["dm_sent", "no_response"]
        assert cells(app, "today")[0][:3] == ["–", "Ann [/] Smith", "closed"]
        assert app.screen.query_one("#today", DataTable).cursor_row == 1
        await pilot.press("k")
        await settle(pilot)
        assert "closed for want of an answer" in str(app.screen.query_one("#detail").render())


async def test_after_a_log_the_cursor_goes_down_to_the_next_open_row_then_round_to_the_top(store, people):
    """A row passed over on purpose (Ann) is not come back to before the rows below it."""
    ann, yamada, vip = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        today = app.screen.query_one("#today", DataTable)
        await pilot.press("j", "d", "enter")
        await settle(pilot)
        assert [i.contact_id for i in store.interactions()] == [yamada.id]
        assert today.cursor_row == 2
        await pilot.press("d", "enter")
        await settle(pilot)
        assert [i.contact_id for i in store.interactions()] == [yamada.id, vip.id]
        assert today.cursor_row == 0


async def test_a_message_to_someone_written_to_minutes_ago_is_said_as_the_bar_opens(store, people, clock):
    # A key pressed twice, or the DM logged in another window too, counted a second message: a nudge.
    ann, yamada, _vip = people
    log(store, ann, "dm_sent", at=clock.now().subtract(minutes=3))
    log(store, yamada, "dm_sent", at=clock.now().subtract(minutes=11))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        today = app.screen.query_one("#today", DataTable)
        today.move_cursor(row=[row[1] for row in cells(app, "today")].index(ann.name))
        await pilot.press("d")
        await settle(pilot)
        warned = list(app._notifications)
        assert [notice.message for notice in warned] == [
            "You wrote to Ann [/] Smith 3 minutes ago: Enter logs one more message, Escape leaves it."
        ]
        await pilot.press("escape")
        today.move_cursor(row=[row[1] for row in cells(app, "today")].index(yamada.name))
        await pilot.press("d")
        await settle(pilot)
        assert list(app._notifications) == warned


async def test_d_and_enter_arriving_together_log_the_dm(store, people):
    """As over a slow link, both keys reach the app before it handles the first: Enter is the log's."""
    ann, _, _ = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.post_message(events.Key("d", "d"))
        app.post_message(events.Key("enter", "\r"))
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert [(i.contact_id, i.kind) for i in store.interactions()] == [(ann.id, "dm_sent")]


async def test_keys_arriving_with_the_enter_that_logs_go_to_the_pane_the_bar_closed_into(store, people):
    """Over SSH or tmux send-keys, d Enter d Enter reach the app together: the keys after the first Enter
    went to the hidden bar, waiting for the focus to come back, and only one DM was logged."""
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for key, character in (("d", "d"), ("enter", "\r"), ("d", "d"), ("enter", "\r")):
            app.post_message(events.Key(key, character))
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert [i.kind for i in store.interactions()] == ["dm_sent", "dm_sent"]
        assert app.screen.focused is app.screen.query_one("#today")


async def test_a_note_and_enter_and_a_key_after_them_in_one_write_each_go_where_they_belong(store, people):
    """The note's letters reach their field before the Enter that logs it (an Enter acting as it
    arrived, ahead of them, logged the DM without its note), and the 2 after it is not typed into the
    closed bar's hidden field."""
    ann, _, _ = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        for key, character in (
            ("tab", "\t"),
            ("tab", "\t"),
            *((c, c) for c in "talk"),
            ("enter", "\r"),
            ("j", "j"),
        ):
            app.post_message(events.Key(key, character))
        await settle(pilot)
        assert [(i.contact_id, i.kind, i.text) for i in store.interactions()] == [(ann.id, "dm_sent", "talk")]
        assert app.screen.query_one("#text", Input).value == "talk"  # not "talk2"


async def test_letters_and_escape_in_one_write_are_typed_then_cancel_and_keys_after_go_to_the_pane(
    store, people
):
    """Escape acting as it arrived sent the letters before it, still on their way to the field, to the
    pane as its keys (n opened a new target)."""
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        for key, character in (*((c, c) for c in "nope"), ("escape", None), ("2", "2")):
            app.post_message(events.Key(key, character))
        await settle(pilot)
        assert isinstance(app.screen, MainScreen) and store.interactions() == []
        assert app.screen.focused is app.screen.query_one("#pending")


async def test_keys_typed_after_tab_in_the_log_bar_in_the_same_write_go_to_the_next_field(store, people):
    """Over a slow link (or tmux send-keys) Tab and the note after it arrive together: the note went into
    When, left behind, and Enter refused it as no time."""
    ann, _, _ = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        for key, character in (("tab", "\t"), ("tab", "\t"), *((c, c) for c in "deck")):
            app.post_message(events.Key(key, character))
        await settle(pilot)
        assert app.screen.query_one("#when", Input).value == "now"
        assert app.screen.query_one("#text", Input).value == "deck"
        await pilot.press("enter")
        await settle(pilot)
        assert [(i.contact_id, i.text) for i in store.interactions()] == [(ann.id, "deck")]


async def test_a_follow_up_is_prefilled_with_the_channel_the_conversation_is_on(store, people):
    ann, _, _ = people
    log(store, ann, "dm_sent", at=store.now().subtract(days=4), channel="linkedin")
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2", "f")
        await settle(pilot)
        assert app.screen.query_one("#channel").value == "LinkedIn"
        await pilot.press("escape", "1", "j", "d")
        await settle(pilot)
        assert app.screen.query_one("#channel").value == "Mastodon"


async def test_escape_cancels_the_form_and_nothing_is_logged(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p", "escape")
        await settle(pilot)
        assert store.interactions() == []
        assert app.screen.query_one("#today", DataTable)


async def test_a_bad_time_in_the_form_is_shown_and_keeps_the_form_open(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        app.screen.query_one("#when").value = "someday"
        await pilot.press("enter")
        await settle(pilot)
        assert "When: 'someday' is not a date or time" in str(app.screen.query_one("#problem").render())
        assert store.interactions() == []


async def test_reply_received_in_pending_removes_the_thread_and_u_undoes_it(store, people):
    ann, _, _ = people
    log(store, ann, "dm_sent", at=store.now().subtract(days=4))
    store.history.clear()
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2", "r", "enter")
        await settle(pilot)
        assert cells(app, "pending") == []
        assert store.interactions()[-1].kind == "reply_received"
        await pilot.press("u")
        await settle(pilot)
        assert [row[0] for row in cells(app, "pending")] == ["Ann [/] Smith"]
        assert [i.kind for i in store.interactions()] == ["dm_sent"]


async def test_a_follow_up_in_pending_moves_the_cursor_on_to_the_next_reply_due(store, people):
    ann, yamada, vip = people
    gus = add_contact(store, "Gus", handles={"x": "@gus"})
    for days, kind in ((40, "dm_sent"), (35, "follow_up"), (30, "follow_up")):
        log(store, gus, kind, at=store.now().subtract(days=days))
    log(store, ann, "dm_sent", at=store.now().subtract(days=10))
    log(store, yamada, "dm_sent", at=store.now().subtract(days=6))
    log(store, yamada, "follow_up", at=store.now().subtract(hours=1))  # the next is not due yet
    log(store, vip, "dm_sent", at=store.now().subtract(days=5))
    [offered] = [reply for reply in build_agenda(store).pending if reply.give_up_offered]
    assert offered.contact.id == gus.id  # no follow-up left to send Gus: only closing the thread
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        pending = app.screen.query_one("#pending", DataTable)
        assert [row[0] for row in cells(app, "pending")] == ["Gus", "Ann [/] Smith", "山田 太郎", "[bold]VIP"]
        pending.move_cursor(row=1)
        await pilot.press("f", "enter")
        await settle(pilot)
        assert pending.cursor_row == 3  # on to VIP, passing 山田, whose follow-up is not due
        await pilot.press("N", *"a note", "enter")
        await settle(pilot)
        assert pending.cursor_row == 3  # a note ticks nothing off
        await pilot.press("f", "enter")
        await settle(pilot)
        assert pending.cursor_row == 3  # no follow-up is due, Gus's closing not one: it stays
        assert [i.kind for i in store.interactions()].count("follow_up") == 5


async def test_a_reply_that_leaves_pending_keeps_the_cursor_on_the_next_reply_due_not_its_place(
    store, people
):
    # The row above the one the cursor moved on to goes away: the cursor keeps to that reply, not to the
    # place it had, which is the next reply's.
    ann, yamada, vip = people
    zoe = add_contact(store, "Zoe", handles={"x": "@zoe"})
    log(store, ann, "dm_sent", at=store.now().subtract(days=10))
    log(store, yamada, "dm_sent", at=store.now().subtract(days=6))
    log(store, yamada, "follow_up", at=store.now().subtract(hours=1))  # not due
    log(store, vip, "dm_sent", at=store.now().subtract(days=5))
    log(store, zoe, "dm_sent", at=store.now().subtract(days=1))  # not due
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        assert [row[0] for row in cells(app, "pending")] == ["Ann [/] Smith", "山田 太郎", "[bold]VIP", "Zoe"]
        await pilot.press("r", "enter")
        await settle(pilot)
        assert [row[0] for row in cells(app, "pending")] == ["山田 太郎", "[bold]VIP", "Zoe"]
        assert app.screen._selected_contact().name == "[bold]VIP"


async def test_a_key_for_the_other_panes_rows_says_where_it_works(store, people):
    from dailyreach.core.records.model import Invitation

    store.save_invitation(Invitation(title="異業種交流会", kind="mixer"))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        assert [n.message for n in app._notifications] == ["Select an invitation in the Declined pane first."]
        app.clear_notifications()
        await pilot.press("3", "d", "s")
        await settle(pilot)
        assert [n.message for n in app._notifications] == ["Select a contact in Today or Pending first."] * 2
        assert store.interactions() == [] and not app.screen.query_one(LogBar).display
        app.clear_notifications()
        await pilot.press("E")
        await settle(pilot)
        assert [n.message for n in app._notifications] == []  # a key of this pane's rows does what it does
        assert not isinstance(app.screen, MainScreen)  # the invitation's form


async def test_x_on_an_undecided_invitation_declines_it_with_a_reason(store, people):
    from dailyreach.core.records.model import Invitation

    store.save_invitation(Invitation(title="異業種交流会", kind="mixer", hours=3, cost=5000, currency="JPY"))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("3", "x")
        await settle(pilot)
        assert store.invitations()[0].status == "undecided"
        await pilot.press(*"sales pitch", "enter")
        await settle(pilot)
        assert (store.invitations()[0].status, store.invitations()[0].note) == ("declined", "sales pitch")
        title = app.screen.query_one("#invitations", DataTable).border_title
        assert "saved 3 h, 5,000 JPY" in str(title)


async def test_a_failed_save_is_reported_and_the_app_keeps_running(store, people, monkeypatch):
    from dailyreach.core.store.storage import StoreWriteError

    def refuse(*args, **kwargs):
        raise StoreWriteError("could not save db.json: No space left on device")

    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        monkeypatch.setattr(store, "add_interaction", refuse)
        await pilot.press("d", "tab", "tab", *"Loved your post", "enter")
        await settle(pilot)
        assert any("No space left" in n.message for n in app._notifications)
        assert app.screen.query_one("#text").value == "Loved your post"
        monkeypatch.undo()
        await pilot.press("enter")
        await settle(pilot)
        assert [i.text for i in store.interactions()] == ["Loved your post"]
        assert cells(app, "today")[0][0] == "✓"


async def test_a_refused_log_in_pending_puts_the_cursor_back_on_its_row(store, people, monkeypatch):
    from dailyreach.core.store.storage import StoreWriteError

    ann, _, vip = people
    log(store, ann, "dm_sent", at=store.now().subtract(days=10))
    log(store, vip, "dm_sent", at=store.now().subtract(days=8))

    def refuse(*args, **kwargs):
        raise StoreWriteError("could not save db.json: No space left on device")

    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        pending = app.screen.query_one("#pending", DataTable)
        assert pending.cursor_row == 0 and cells(app, "pending")[0][0] == "Ann [/] Smith"
        monkeypatch.setattr(store, "add_interaction", refuse)
        await pilot.press("f", "enter")
        await settle(pilot)
        assert any("No space left" in n.message for n in app._notifications)
        assert pending.cursor_row == 0  # on Ann again, whom the reopened bar is for
        assert str(app.screen.query_one("#log_title").render()) == "Follow-up sent: Ann [/] Smith"


async def test_a_failed_invitation_save_keeps_what_was_typed(store, monkeypatch):
    from dailyreach.core.store.storage import StoreWriteError

    def refuse(*args, **kwargs):
        raise StoreWriteError("db.json is locked by another dailyreach")

    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        monkeypatch.setattr(store, "save_invitation", refuse)
        await pilot.press("i", *"Startup mixer", "enter")
        await settle(pilot)
        assert app.screen.query_one("#title").value == "Startup mixer"
        assert store.invitations() == []


async def test_an_empty_first_run_says_what_to_press(store):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await settle(pilot)
        assert app.screen.query_one("#today", DataTable).border_subtitle == "Press n to add your first target"


async def test_n_adds_a_target_that_joins_todays_plan(store):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen.focused.id == "name"
        await pilot.press(*"山田 [b]")
        app.screen.query_one("#handle").value = "@yamada"
        app.screen.query_one("#tags").value = "ipo, saas"
        await pilot.press("enter")
        await settle(pilot)
        [contact] = store.contacts()
        assert (contact.name, contact.handles, contact.tags) == (
            "山田 [b]",
            {"x": "@yamada"},
            ["ipo", "saas"],
        )
        assert cells(app, "today")[0][1:3] == ["山田 [b]", "new"]


async def test_the_new_target_form_shows_what_is_wrong_and_does_not_save(store):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        app.screen.query_one("#handle").value = "not a handle!"
        await pilot.press("enter")
        await settle(pilot)
        problems = str(app.screen.query_one("#problem").render())
        assert "Name: must not be empty" in problems and "Handle: 'not a handle!'" in problems
        await pilot.press("escape")
        await settle(pilot)
        assert store.contacts() == []


async def test_s_snoozes_the_selected_target_until_tomorrow(store, people):
    ann, _, _ = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s", "enter")
        await settle(pilot)
        assert store.snoozes() == {ann.id: "2026-11-24"}
        assert "Ann [/] Smith" not in [row[1] for row in cells(app, "today")]
        # The row is gone: the notice says whose it was.
        assert [n.message for n in app._notifications][-1] == "Snoozed Ann [/] Smith until 2026-11-24"


async def test_s_takes_a_day_typed_by_the_user_and_refuses_a_past_one(store, people):
    ann, _, _ = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        app.screen.query_one("#until").value = "2026-11-01"
        await pilot.press("enter")
        await settle(pilot)
        assert "Until: '2026-11-01' is not after today (2026-11-23)" in str(
            app.screen.query_one("#problem").render()
        )
        app.screen.query_one("#until").value = "+10d"
        await pilot.press("enter")
        await settle(pilot)
        assert store.snoozes() == {ann.id: "2026-12-03"}


async def test_o_opens_the_profile_of_the_selected_contact(store, people, monkeypatch):
    app = DailyReachApp(store)
    opened = []
    monkeypatch.setattr(webbrowser, "open", lambda url: opened.append(url) or True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "o")
        await settle(pilot)
        assert opened == ["https://mstdn.jp/@yamada"]
        assert not app._notifications


@pytest.mark.parametrize(
    ("system_clipboard", "said"),
    [
        (None, "No web browser found to open https://mstdn.jp/@yamada: the link is copied to the clipboard."),
        (
            "no clipboard tool found",
            "No web browser found to open https://mstdn.jp/@yamada. Not on the system clipboard: no clipboard "
            "tool found. Sent through the terminal instead (OSC 52): copy it from here if pasting fails.",
        ),
    ],
)
async def test_o_without_a_browser_says_so_and_where_the_link_was_copied(
    store, people, monkeypatch, system_clipboard, said
):
    """The system clipboard when a tool for it is there; else the terminal's alone, said as such."""
    from dailyreach import clipboard

    app = DailyReachApp(store)
    copied, on_system = [], []
    monkeypatch.setattr(webbrowser, "open", lambda url: False)
    monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
    monkeypatch.setattr(
        clipboard, "copy_to_system_clipboard", lambda text: on_system.append(text) or system_clipboard
    )
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "o")
        await settle(pilot)
        assert copied == on_system == ["https://mstdn.jp/@yamada"]
        assert [n.message for n in app._notifications] == [said]


async def test_question_mark_toggles_the_keys_and_escape_closes_them(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert app.screen.query("HelpPanel")
        await pilot.press("question_mark")
        await settle(pilot)
        assert not app.screen.query("HelpPanel")
        await pilot.press("question_mark", "escape")
        await settle(pilot)
        assert not app.screen.query("HelpPanel")
        # With the panel closed, Escape is the screen's again: it clears a filter.
        await pilot.press("slash", *"Ann", "escape")
        await settle(pilot)
        assert [row[1] for row in cells(app, "today")] == ["Ann [/] Smith", "山田 太郎", "[bold]VIP"]


async def test_a_change_made_by_another_dailyreach_shows_up_while_open(store, people, clock):
    from dailyreach.core.store.store import Store

    ann, _, _ = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert cells(app, "pending") == []
        elsewhere = Store(store.path, clock=clock)
        log(elsewhere, ann, "dm_sent")
        app.screen.reload_if_changed()
        await settle(pilot)
        assert [row[0] for row in cells(app, "pending")] == ["Ann [/] Smith"]
        assert cells(app, "today")[0][0] == "✓"


async def test_the_plan_rolls_over_at_local_midnight_while_open(store, people, clock):
    import pendulum

    ann, _, _ = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d", "enter")
        await settle(pilot)
        assert "1/5 today" in str(app.screen.query_one("#status").render())
        clock.set(pendulum.datetime(2026, 11, 24, 0, 1, tz="Asia/Tokyo"))
        app.screen.reload_if_changed()
        await settle(pilot)
        status = str(app.screen.query_one("#status").render())
        assert "2026-11-24" in status and "0/5 today" in status
        assert ann.id not in [key.value for key in app.screen.query_one("#today", DataTable).rows]
        assert len(cells(app, "today")) == 2


async def test_i_records_an_invitation_declined_by_default(store):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        await settle(pilot)
        await pilot.press(*"Founders mixer")
        app.screen.query_one("#event_date").value = "2026-11-27"
        app.screen.query_one("#cost").value = "40"
        await pilot.press("enter")
        await settle(pilot)
        [invitation] = store.invitations()
        assert (invitation.title, invitation.status, invitation.event_date) == (
            "Founders mixer",
            "declined",
            "2026-11-27",
        )
        assert (invitation.hours, invitation.cost, invitation.currency) == (3, 40, "USD")
        assert "saved 3 h, 40 USD" in str(app.screen.query_one("#invitations", DataTable).border_title)
        assert [n.message for n in app._notifications] == ["Saved Founders mixer as declined: 3 shows it."]


async def test_a_new_invitation_has_the_declined_panes_cursor_once_it_is_shown(store):
    from dailyreach.core.records.model import Invitation

    for day in range(1, 5):
        store.save_invitation(
            Invitation.from_dict({"title": f"Mixer {day}", "event_date": f"2026-12-0{day}"})
        )
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i", *"Founders gala")
        app.screen.query_one("#event_date").value = "2026-11-27"
        await pilot.press("enter")
        await settle(pilot)
        declined = app.screen.query_one("#invitations", DataTable)
        [gala] = [invitation for invitation in store.invitations() if invitation.title == "Founders gala"]
        assert declined.row_count == 5 and declined.get_row_index(gala.id) == 4
        assert declined.cursor_row == 4


async def test_e_exports_owner_only_and_asks_before_replacing(store, people, tmp_path, monkeypatch):
    import json
    import stat

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path / "Documents"))
    (tmp_path / "Documents").mkdir()
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        written = tmp_path / "Documents" / "dailyreach-export-2026-11-23.json"
        assert app.screen.query_one("#path").value == "~/Documents/dailyreach-export-2026-11-23.json"
        await pilot.press("enter")
        await settle(pilot)
        assert len(json.loads(written.read_text())["contacts"]) == 3
        assert stat.S_IMODE(written.stat().st_mode) == 0o600
        written.write_text("keep me")
        await pilot.press("e", "enter")
        await settle(pilot)
        assert written.read_text() == "keep me"
        assert any("switch Replace on" in n.message for n in app._notifications)
        app.screen.query_one("#replace").value = True
        await pilot.press("enter")
        await settle(pilot)
        assert len(json.loads(written.read_text())["contacts"]) == 3


async def test_the_demo_fills_a_throwaway_store_and_never_touches_the_users(tmp_path, monkeypatch):
    from dailyreach.tui import launch

    shown = {}

    def run(app):
        shown["path"] = app.store.path
        shown["agenda"] = build_agenda(app.store)

    monkeypatch.setattr(DailyReachApp, "run", run)
    users_db = tmp_path / "mine.json"
    launch.run_app(users_db, tmp_path / "config.toml", demo=True)
    assert not users_db.exists()
    assert shown["path"].parent != users_db.parent and not shown["path"].exists()
    agenda = shown["agenda"]
    assert any(item.reason == "follow_up" for item in agenda.items)
    assert agenda.pending and agenda.declined and agenda.streak >= 2
    assert any("\u3040" <= ch <= "\u9fff" for item in agenda.items for ch in item.contact.name)


async def test_a_database_broken_by_someone_else_is_reported_once_and_the_app_keeps_running(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = cells(app, "today")
        good = store.path.read_bytes()
        store.path.write_text('{"contacts": ')
        for _ in range(3):
            app.screen.reload_if_changed()
            await settle(pilot)
        problems = [n for n in app._notifications if "Cannot read" in str(n.title)]
        assert len(problems) == 1 and str(store.path) in str(problems[0].message)
        assert cells(app, "today") == shown
        store.path.write_bytes(good)
        await pilot.press("d", "enter")
        await settle(pilot)
        assert [i.kind for i in store.interactions()] == ["dm_sent"]


async def test_u_after_a_log_puts_the_cursor_back_on_that_row_to_log_it_again(store, people):
    ann, yamada, _ = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        today = app.screen.query_one("#today", DataTable)
        await pilot.press("d", "enter")
        await settle(pilot)
        assert today.selected_key() == yamada.id
        await pilot.press("u")
        await settle(pilot)
        assert store.interactions() == []
        assert (cells(app, "today")[0][0], today.selected_key()) == ("·", ann.id)
        # An undone change that logged nothing (a target added) has no row to go back to.
        await pilot.press("n", *"Cy", "tab", *"@cy", "enter")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert "Cy" not in [row[1] for row in cells(app, "today")]


async def test_an_undo_that_cannot_be_saved_is_reported_and_can_be_tried_again(store, people, monkeypatch):
    from dailyreach.core.store.journal import StoreLocked

    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d", "enter")
        await settle(pilot)
        real_undo = store.undo
        monkeypatch.setattr(store, "undo", lambda: (_ for _ in ()).throw(StoreLocked("db.json is busy")))
        await pilot.press("u")
        await settle(pilot)
        assert any("db.json is busy" in str(n.message) for n in app._notifications)
        monkeypatch.setattr(store, "undo", real_undo)
        await pilot.press("u")
        await settle(pilot)
        assert store.interactions() == []


async def test_a_refused_log_says_why_in_full_even_on_a_narrow_terminal(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        app.screen.query_one("#when").value = "32/13"
        await pilot.press("enter")
        await settle(pilot)
        assert any(
            "When: '32/13' is not a date or time: use YYYY-MM-DD" in n.message for n in app._notifications
        )
        assert store.interactions() == []


@pytest.mark.parametrize(
    ("when", "why"),
    [
        ("32/13", "When: '32/13' is not a date or time"),  # refused by the bar
        ("in 3 days", "is in the future"),  # refused by the store, as the save runs
    ],
)
async def test_every_refused_log_is_titled_not_logged(store, people, when, why):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        app.screen.query_one("#when").value = when
        await pilot.press("enter")
        await settle(pilot)
        refusals = [n for n in app._notifications if why in n.message]
        assert [n.title for n in refusals] == ["Not logged"], [
            (n.title, n.message) for n in app._notifications
        ]
    assert store.interactions() == []


async def test_the_bars_refusal_is_said_while_the_bar_is_open_and_goes_with_it(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=(80, 24)) as pilot:  # no room for the reason in the bar's one line
        await settle(pilot)

        def refusals():
            return [n for n in app._notifications if "'32/13' is not a date or time" in n.message]

        await pilot.press("d")
        app.screen.query_one("#when").value = "32/13"
        await pilot.press("enter")
        await settle(pilot)
        assert [n.timeout > 60 for n in refusals()] == [True]  # not the 5 s of a passing notice
        await pilot.press("escape")
        await settle(pilot)
        assert refusals() == []
        await pilot.press("d")
        app.screen.query_one("#when").value = "32/13"
        await pilot.press("enter")
        await settle(pilot)
        assert len(refusals()) == 1
        app.screen.query_one("#when").value = "now"
        await pilot.press("enter")  # mended: logged, and what was said of the last try goes
        await settle(pilot)
        assert refusals() == []
    assert [i.kind for i in store.interactions()] == ["dm_sent"]


async def test_a_reply_dated_before_the_last_dm_says_the_thread_still_waits(store, people):
    ann, _, _ = people
    log(store, ann, "dm_sent", at=store.now().subtract(hours=1))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2", "r")
        await settle(pilot)
        app.screen.query_one("#when").value = "-3h"
        await pilot.press("enter")
        await settle(pilot)
        assert any(
            "before the last message sent (2026-11-23 08:00): Ann [/] Smith still owes a reply" in n.message
            for n in app._notifications
        )
        assert cells(app, "pending")[0][0] == "Ann [/] Smith"


async def test_the_cursor_starts_on_the_first_row_still_to_do(store, people):
    """A DM logged from the command line before the app opens starts Today, done: d Enter is for the
    next person."""
    ann, yamada, vip = people
    log(store, ann, "dm_sent")
    store.history.clear()
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert [row[:2] for row in cells(app, "today")][:2] == [["✓", "Ann [/] Smith"], ["·", "山田 太郎"]]
        assert app.screen.query_one("#today", DataTable).cursor_row == 1
        await pilot.press("d", "enter")
        await settle(pilot)
        assert [i.contact_id for i in store.interactions() if i.kind == "dm_sent"] == [ann.id, yamada.id]


async def test_undoing_a_backdated_dm_gives_back_todays_plan_without_the_target_that_filled_its_slot(store):
    store.save_settings(replace(store.settings(), daily_goal=2))
    for name in ("Ann", "Bo", "Cy"):
        add_contact(store, name, handles={"x": f"@{name.lower()}"})
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert [row[1] for row in cells(app, "today")] == ["Ann", "Bo"]
        await pilot.press("d")
        await settle(pilot)
        assert app.screen.query_one("#when").value == "now"
        await pilot.press("end", "backspace", "backspace", "backspace", *"yesterday", "enter")
        await settle(pilot)
        assert [row[1] for row in cells(app, "today")] == ["Ann", "Bo", "Cy"]  # Ann waits: Cy has her slot
        await pilot.press("u")
        await settle(pilot)
        assert store.interactions() == []
        assert [row[1] for row in cells(app, "today")] == ["Ann", "Bo"]


async def test_after_a_snooze_the_cursor_is_on_the_next_row_that_needs_something(store):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    log(store, ann, "dm_sent", at=store.now().subtract(days=5))
    for name, handle in (("Bo", "@bo"), ("Cy", "@cy_the_longest"), ("Di", "@di")):
        add_contact(store, name, handles={"x": handle})
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f", "enter")  # Ann's follow-up sent: the cursor moves on to Bo
        await settle(pilot)
        await pilot.press("j", "s", "enter")  # Cy snoozed, and with Cy the widest handle: columns fitted anew
        await settle(pilot)
        today = app.screen.query_one("#today", DataTable)
        assert [row[1] for row in cells(app, "today")] == ["Ann", "Bo", "Di"]
        assert cells(app, "today")[today.cursor_row][1] == "Di"


async def test_the_app_getting_the_focus_with_no_pane_focused_gives_the_current_pane_the_keys(store, people):
    """As a browser tab starts it: without the focus, no pane got it, and the focus coming back restored
    nothing; d then said to select a contact on a highlighted row."""
    ann, _, _ = people
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.set_focus(None)
        app.app_focus = False
        await settle(pilot)
        app.app_focus = True
        await settle(pilot)
        assert app.screen.focused is app.screen.query_one("#today")
        await pilot.press("d", "enter")
        await settle(pilot)
        assert [(i.contact_id, i.kind) for i in store.interactions()] == [(ann.id, "dm_sent")]
