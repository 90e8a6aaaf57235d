"""What a new user met in the app: the settings form names a field in its problems as its label does,
the Japanese templates list shows its language column whole, and the weekly chart's legend keeps the
gap between its keys in every language."""

import pytest
from rich.text import Text

from dailyreach import i18n
from dailyreach.core.records.template import Template
from dailyreach.core.store.templates import ensure_default_templates, save_template
from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.screens.templates import TemplatesScreen
from tests.tui.conftest import SIZE, Keys, settle, settled_press
from tests.tui.test_japanese_screens import screen_lines
from tests.tui.test_settings_form import open_settings
from tests.tui.test_stats_screen import log


@pytest.fixture
def japanese():
    i18n.use_language("ja")
    yield
    i18n.use_language("en")


def problem(form) -> str:
    return str(form.query_one("#problem").render())


@pytest.mark.parametrize(
    ("label", "typed", "said"),
    [
        ("Follow-up days", "abc", "Follow-up days: 'abc' is not a whole number"),
        ("Max follow-ups", "-1", "Max follow-ups: must be between 0 and 20, not -1"),
    ],
)
async def test_a_settings_forms_problem_names_the_field_by_its_label(store, label, typed, said):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        form = await open_settings(keys)
        row = next(row for row in form.query(".row") if str(row.children[0].render()) == label)
        row.children[1].focus()
        await keys.press("ctrl+u")
        await keys.type(typed)
        await keys.press("enter")
        assert app.screen is form
        assert problem(form) == said


async def test_the_follow_up_settings_saved_in_the_form_are_stored_and_undone(store):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        form = await open_settings(keys)
        for label, typed in (("Follow-up days", "6"), ("Max follow-ups", "4")):
            row = next(row for row in form.query(".row") if str(row.children[0].render()) == label)
            row.children[1].focus()
            await keys.press("ctrl+u")
            await keys.type(typed)
        await keys.press("enter")
        await settle(pilot)
        settings = store.settings()
        assert (settings.followup_days, settings.followups_before_giving_up) == (6, 4)
        await keys.press("u")
        settings = store.settings()
        assert (settings.followup_days, settings.followups_before_giving_up) == (3, 2)


async def test_the_japanese_templates_list_at_80_columns_shows_every_language_whole(japanese, store, people):
    ensure_default_templates(store)
    save_template(store, Template.from_dict({"name": "any", "purpose": "first_dm", "body": "hi {name}"}))
    app = DailyReachApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(TemplatesScreen())
        await settle(pilot)
        lines = screen_lines(app)
        shown = "\n".join(lines)
        assert "すべての言語" in shown  # a template in any language, as the list says it
        header = next(line for line in lines if "名前" in line)
        assert header.rstrip(" │").endswith("言語")
        # Nothing runs past the box: the list does not scroll sideways.
        table = app.screen.query_one("#template_list")
        assert table.virtual_size.width <= table.scrollable_content_region.width


async def test_a_long_template_name_ends_in_an_ellipsis_not_past_the_box(store, people):
    ensure_default_templates(store)
    save_template(
        store, Template.from_dict({"name": "a very long name " * 5, "purpose": "first_dm", "body": "hi"})
    )
    app = DailyReachApp(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(TemplatesScreen())
        await settle(pilot)
        shown = "\n".join(screen_lines(app))
        assert "a very long name a very" in shown and "…" in shown
        table = app.screen.query_one("#template_list")
        assert table.virtual_size.width <= table.scrollable_content_region.width


@pytest.mark.parametrize(("language", "legend"), [("en", "██ sent  ██ replies"), ("ja", "██ 送信  ██ 返信")])
async def test_the_weekly_charts_legend_keeps_its_gap_between_keys_in_every_language(
    store, people, language, legend
):
    ann, _yamada, _vip = people
    now = store.now()
    for days in range(56, 49, -1):
        log(store, ann, "dm_sent", at=now.subtract(days=days))
        log(store, ann, "reply_received", at=now.subtract(days=days).add(hours=1))
    i18n.use_language(language)
    try:
        app = DailyReachApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await settled_press(pilot, "S")
            drawn = app.screen.weekly_chart.render()
            assert isinstance(drawn, Text)
            lines = drawn.split("\n")
            assert legend in lines[0].plain
            # The title line as wide as the chart's other lines, in cells.
            assert {line.cell_len for line in lines} == {lines[1].cell_len}
    finally:
        i18n.use_language("en")
