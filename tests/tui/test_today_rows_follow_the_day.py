"""The Today pane after logs made once the day's plan was fixed: the Reason follows the contact (a new
target written to back-dated is due its follow-up), a ✓ is a message sent today as the header counts it
(a reply received alone ticks nothing), and someone written to outside the plan has a ✓ row after it."""

from dailyreach.core.planning.agenda import build_agenda
from dailyreach.core.records.model import Settings
from dailyreach.tui.app import DailyReachApp
from tests.conftest import add_contact, log
from tests.tui.conftest import SIZE, cells, settle


def today(app):
    return [(row[0], row[1], row[2]) for row in cells(app, "today")]


def header(app):
    return str(app.screen.query_one("#status").render())


async def test_today_rows_follow_what_was_logged_after_the_plan_was_fixed(store, people):
    ann, yamada, _vip = people
    store.save_settings(Settings(timezone="Asia/Tokyo", daily_goal=2))
    dan = add_contact(store, "Dan", handles={"x": "@dan"}, priority=3)
    build_agenda(store)  # the day's plan is fixed by a first look: Ann and 山田
    log(store, ann, "dm_sent", at=store.now().subtract(days=5))  # as `log ann dm_sent --at -5d`
    log(store, dan, "dm_sent", at=store.now().subtract(minutes=5))
    store.history.clear()
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert today(app) == [
            ("·", "Ann [/] Smith", "follow-up #1"),
            ("·", "山田 太郎", "new"),
            ("✓", "Dan", "new"),
        ]
        assert "1/2 today" in header(app)
        await pilot.press("j", "r", "enter")  # 山田 answered: not a message sent
        await settle(pilot)
        assert store.interactions(yamada.id)[-1].kind == "reply_received"
        assert today(app)[1] == ("·", "山田 太郎", "answered")
        assert "1/2 today" in header(app)
        await pilot.press("k", "f", "enter")
        await settle(pilot)
        assert today(app)[0] == ("✓", "Ann [/] Smith", "follow-up #1")
        assert "2/2 today" in header(app)


async def test_an_answered_row_says_it_is_your_turn_in_the_detail_strip(store):
    store.save_settings(Settings(timezone="Asia/Tokyo", daily_goal=1))
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    log(store, ann, "dm_sent", at=store.now().subtract(days=5))
    build_agenda(store)  # planned for her follow-up
    log(store, ann, "reply_received", at=store.now().subtract(minutes=5))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert today(app) == [("·", "Ann", "answered")]
        detail = str(app.screen.query_one("#detail").render())
        assert "next  they answered, your turn: c drafts a thanks, d logs the DM" in detail


async def test_an_answer_to_a_message_sent_today_turns_its_ticked_row_to_answered(store, clock):
    store.save_settings(Settings(timezone="Asia/Tokyo", daily_goal=1))
    add_contact(store, "Ann", handles={"x": "@ann"})
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("d", "enter")
        await settle(pilot)
        assert today(app) == [("✓", "Ann", "new")]
        clock.advance(hours=2)
        await pilot.press("r", "enter")  # she answered the same day
        await settle(pilot)
        # Still counted toward the goal, and it says whose turn it is.
        assert today(app) == [("✓", "Ann", "answered")]
        assert "1/1 today" in header(app)
        detail = str(app.screen.query_one("#detail").render())
        assert "next  they answered, your turn: c drafts a thanks, d logs the DM" in detail
        clock.advance(minutes=10)
        await pilot.press("d", "enter")  # the user's word back
        await settle(pilot)
        assert today(app) == [("✓", "Ann", "new")]
        # Waiting for her answer again.
        assert "next  follow-up #1 due 2026-11-26" in str(app.screen.query_one("#detail").render())
