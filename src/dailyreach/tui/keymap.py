"""Every key id a user can remap in the config file. Knowing them means loading every screen, so they are
asked for only when needed (a first run writes them into the starter config; a config that remaps keys
is checked against them), not on every start."""

from __future__ import annotations

from textual.binding import Binding


def binding_ids() -> set[str]:
    from dailyreach.tui.app import DailyReachApp
    from dailyreach.tui.screens.contact import ContactScreen, Timeline
    from dailyreach.tui.screens.contacts import ContactList, ContactsScreen
    from dailyreach.tui.screens.draft import DraftScreen
    from dailyreach.tui.screens.fields_form import FieldsForm
    from dailyreach.tui.screens.import_preview import ImportPreviewScreen
    from dailyreach.tui.screens.main import ContactPane, MainScreen
    from dailyreach.tui.screens.stats import StatsScreen
    from dailyreach.tui.screens.templates import TemplateForm, TemplateList, TemplatesScreen
    from dailyreach.tui.screens.weekly_review import WeeklyReviewScreen

    classes = (
        DailyReachApp,
        MainScreen,
        ContactPane,
        ContactScreen,
        Timeline,
        ContactsScreen,
        ContactList,
        FieldsForm,
        ImportPreviewScreen,
        StatsScreen,
        WeeklyReviewScreen,
        DraftScreen,
        TemplatesScreen,
        TemplateList,
        TemplateForm,
    )
    return {binding.id for cls in classes for binding in Binding.make_bindings(cls.BINDINGS) if binding.id}
