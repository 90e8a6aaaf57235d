"""ctrl+p "Settings": the settings changed in a form, the main screen following, a mistake told in the
form, and the change undone with u."""

import pytest
from textual.widgets import Input

from dailyreach.core.store.store import Store
from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.screens.fields_form import FieldsForm
from dailyreach.tui.screens.main import MainScreen
from tests.tui.conftest import SIZE, Keys, settle


def status(app) -> str:
    return str(app.screen.query_one("#status").render())


async def open_settings(keys: Keys) -> FieldsForm:
    await keys.press("ctrl+p")
    await keys.type("Settings")
    await keys.pilot.pause(0.5)  # the palette searches as a worker of its own
    await keys.press("enter")
    form = keys.pilot.app.screen
    assert isinstance(form, FieldsForm), f"no form open but {form!r}"
    return form


async def test_the_goal_set_in_the_settings_form_shows_on_the_main_screen(store, people):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        assert "0/5 today" in status(app)
        form = await open_settings(keys)
        assert form.query_one("#daily_goal", Input).has_focus
        await keys.press("ctrl+u")  # the goal's field emptied, as a user clears it
        await keys.type("3")
        await keys.press("enter")
        assert isinstance(app.screen, MainScreen)
        assert store.settings().daily_goal == 3
        assert store.settings().timezone == "Asia/Tokyo"  # the rest as it was
        assert "0/3 today" in status(app)
        await keys.press("u")
        assert store.settings().daily_goal == 5
        assert "0/5 today" in status(app)


async def test_a_bad_value_keeps_the_settings_form_open_saying_what_is_wrong(store):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        form = await open_settings(keys)
        await keys.press("ctrl+u")
        await keys.type("0")
        await keys.press("enter")
        assert app.screen is form
        assert "Daily goal: must be between 1 and 200, not 0" in str(form.query_one("#problem").render())
        form.query_one("#timezone", Input).focus()
        await keys.type("Mars/Olympus")
        assert "Timezone: 'Mars/Olympus' is not a known timezone" in str(form.query_one("#problem").render())
        await keys.press("escape")
        assert isinstance(app.screen, MainScreen)
        assert store.settings().daily_goal == 5


async def test_a_timezone_typed_in_any_case_is_saved_as_the_zone_database_names_it(store):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        form = await open_settings(keys)
        form.query_one("#timezone", Input).focus()
        await keys.press("ctrl+u")
        await keys.type("localtime")
        assert "Timezone: 'localtime' is not a known timezone" in str(form.query_one("#problem").render())
        await keys.press("ctrl+u")
        await keys.type("europe/berlin")
        await keys.press("enter")
        assert isinstance(app.screen, MainScreen)
        assert store.settings().timezone == "Europe/Berlin"


async def test_a_timezone_typed_letter_by_letter_is_checked_at_each_without_a_crash(store):
    """Asia, on the way to Asia/Tokyo, names a folder of the zone database: opened as a zone, it raised
    IsADirectoryError and the app quit with a traceback (seen in tmux)."""
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        form = await open_settings(keys)
        timezone = form.query_one("#timezone", Input)
        timezone.focus()
        await keys.press("ctrl+u")
        await keys.type("America/Sao_Paulo")
        await keys.press("enter")
        assert isinstance(app.screen, MainScreen)
        assert store.settings().timezone == "America/Sao_Paulo"


async def test_a_setting_changed_elsewhere_while_the_form_is_open_is_kept(store, db_path):
    """Only what the user edits is saved: the form wrote back every field as it had shown them."""
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await open_settings(keys)
        Store(db_path).change_settings(lambda _current: {"currency": "JPY"})  # dailyreach settings
        await keys.press("ctrl+u")
        await keys.type("3")
        await keys.press("enter")
        assert (store.settings().daily_goal, store.settings().currency) == (3, "JPY")


async def test_a_channels_own_follow_up_days_are_shown_and_changed_in_the_form(store):
    store.change_settings(lambda _current: {"followup_days_by_channel": {"linkedin": 5, "email": 7}})
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        form = await open_settings(keys)
        days = form.query_one("#followup_days_on_in_form", Input)
        assert days.value == "email=7, linkedin=5"
        days.focus()
        await keys.press("ctrl+u")
        await keys.type("fax=3")
        await keys.press("enter")
        assert app.screen is form
        assert str(form.query_one("#problem").render()).startswith(
            "On channels: 'fax' is not one of x, linkedin"
        )
        await keys.press("ctrl+u")
        await keys.type("email=10, github=2")
        await keys.press("enter")
        assert isinstance(app.screen, MainScreen)
        assert store.settings().followup_days_by_channel == {"email": 10, "github": 2}
        await keys.press("u")
        assert store.settings().followup_days_by_channel == {"email": 7, "linkedin": 5}


async def test_a_currency_that_is_no_iso_code_is_refused_in_the_form(store):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        form = await open_settings(keys)
        form.query_one("#currency", Input).focus()
        await keys.press("ctrl+u")
        await keys.type("yen")
        assert "Currency: YEN is not a currency code: use JPY" in str(form.query_one("#problem").render())
        await keys.press("enter")
        assert app.screen is form
    assert store.settings().currency == "USD"


@pytest.mark.parametrize("language", ["en", "ja"])
async def test_every_hint_of_the_settings_form_fits_its_box_at_80_columns(store, language):
    # A hint too long for its box is cut at its last space: the Japanese timezone's lost the system's zone.
    from rich.cells import cell_len

    from dailyreach import i18n
    from dailyreach.tui.screens.settings_form import open_settings_form

    i18n.use_language(language)
    try:
        app = DailyReachApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            open_settings_form(app)
            await settle(pilot)
            boxes = list(app.screen.query(Input))
            assert boxes and all(
                cell_len(box.placeholder) <= box.content_size.width for box in boxes if box.placeholder
            ), [(box.placeholder, box.content_size.width) for box in boxes]
    finally:
        i18n.use_language("en")
