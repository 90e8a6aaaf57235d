"""Hints that name a key name the one the config file gives it: a hint naming the default sent the user to a
key that did nothing. And the detail strip's next step follows a thread past their answer."""

from dailyreach.config import load_config
from dailyreach.core.planning.agenda import build_agenda
from dailyreach.core.records.model import Settings
from dailyreach.tui.app import DailyReachApp
from tests.conftest import add_contact, log
from tests.tui.conftest import SIZE, settle

REMAPPED = """[keys]
log_dm_sent = "D"
log_public_reply = "P"
log_follow_up = "F"
draft = "C"
undo = "U,ctrl+z"
new_target = "N"
new_invitation = "V"
decline = "X"
host_as_target = "T"
focus_invitations = "ctrl+3"
log_met = "ctrl+m"
log_note = "ctrl+n"
"""


def detail(app) -> str:
    return str(app.screen.query_one("#detail").render())


def notices(app) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


def remapped_app(store, tmp_path) -> DailyReachApp:
    path = tmp_path / "config.toml"
    path.write_text(REMAPPED)
    return DailyReachApp(store, load_config(path))


async def test_the_detail_strip_and_the_empty_panes_name_the_remapped_keys(store, tmp_path):
    app = remapped_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#today").border_subtitle == "Press N to add your first target"
        assert app.screen.query_one("#invitations").border_subtitle == "Press V to record one"
        assert detail(app).startswith("N adds a target")
    add_contact(store, "Ann", handles={"x": "@ann"})
    app = remapped_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "next  a first message: D DM, P public reply" in detail(app)


async def test_keeping_in_touch_and_an_invitation_name_the_remapped_keys(store, tmp_path):
    ann = add_contact(store, "Ann", handles={"x": "@ann"}, cadence_days=7)
    log(store, ann, "met", at=store.now().subtract(days=10))
    app = remapped_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "next  keep in touch: C drafts a meeting ask, D logs the DM" in detail(app)
        await pilot.press("V")
        await settle(pilot)
        await pilot.press(*"Mixer", "tab", "tab", "tab", "tab", "tab", *"Bob", "tab", "tab", "space")
        await pilot.press("enter")  # undecided, from Bob
        await settle(pilot)
        assert "Saved Mixer: ctrl+3 shows it, X declines it." in notices(app)
        await pilot.press("ctrl+3")
        await settle(pilot)
        assert "undecided: X declines it, T makes its host a target" in detail(app)


async def test_undo_is_named_by_its_first_remapped_key(store, tmp_path):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    log(store, ann, "dm_sent", at=store.now().subtract(days=1))
    app = remapped_app(store, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("2", "enter")  # Ann's contact screen, from Pending
        await settle(pilot)
        await pilot.press("delete")  # her timeline's entry
        await settle(pilot)
        assert "Entry deleted: U brings it back." in notices(app)
        assert store.interactions(ann.id) == []
        await pilot.press("U")
        await settle(pilot)
        assert [i.kind for i in store.interactions(ann.id)] == ["dm_sent"]


async def test_after_their_answer_the_next_step_follows_the_meeting_and_the_meeting_itself(store):
    store.save_settings(Settings(timezone="Asia/Tokyo", daily_goal=1))
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    log(store, ann, "dm_sent", at=store.now().subtract(days=5))
    build_agenda(store)  # planned for her follow-up
    log(store, ann, "reply_received", at=store.now().subtract(hours=2))
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "next  they answered, your turn: c drafts a thanks, d logs the DM" in detail(app)
        await pilot.press("m", "enter")
        await settle(pilot)
        assert "next  a meeting is booked: M logs it once you have met" in detail(app)
        await pilot.press("M", "enter")
        await settle(pilot)
        assert "next  you have met: N notes what you learned, c drafts a thanks" in detail(app)
