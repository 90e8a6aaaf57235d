"""Keeping the Stats screen ready, so that S shows what is drawn already: the screen is made ahead once
the app has been left alone a moment after the main screen first shows its figures, and from then on it
reads and draws, while hidden, each change the main screen shows.

The main screen calls ``keep_ready`` after each frame that shows what it read. This module loads nothing
more, so that the moment after the app's first frame stays free: the Stats screen's code, Plotext
included, loads later in a worker thread.
"""

from __future__ import annotations

from functools import partial
from weakref import WeakSet

from textual.app import App

from dailyreach.tui.screens.base import StoreScreen

STATS_SCREEN = "stats"
# After the main screen first draws what it read, how long before the Stats screen is made ahead: the
# first keys (a log, a move down the plan) come first; a person then reads rather than types.
READY_AFTER_SECONDS = 2.0
_scheduled: WeakSet[App] = WeakSet()


def keep_ready(app: App) -> None:
    if app.is_screen_installed(STATS_SCREEN):
        screen = app.get_screen(STATS_SCREEN, StoreScreen)
        if screen.is_running and not screen.is_current:
            screen.reload_if_changed()
    elif app not in _scheduled:
        _scheduled.add(app)
        app.set_timer(READY_AFTER_SECONDS, partial(_start, app))


def _start(app: App) -> None:
    app.run_worker(partial(_load, app), thread=True, group="stats")


def _load(app: App) -> None:
    import dailyreach.tui.screens.stats  # noqa: F401
    import dailyreach.tui.widgets.charts  # noqa: F401

    if app.is_running:
        app.call_from_thread(_make_ahead, app)


def _make_ahead(app: App) -> None:
    """What pushing a screen does before it shows it (Textual has no public call for it): its stylesheet
    read, the screen started, composed, styled and mounted in its own task (it then reads and draws its
    figures). It waits while anything is over the main screen (a form, a box), and is left out once the
    screen is opened or the app is closing."""
    from dailyreach.tui.screens.main import MainScreen
    from dailyreach.tui.screens.stats import StatsScreen

    stack = app.screen_stack
    if not app.is_running or not stack or app.is_screen_installed(STATS_SCREEN):
        return
    if not isinstance(stack[-1], MainScreen):
        app.set_timer(READY_AFTER_SECONDS, partial(_make_ahead, app))
        return
    screen = StatsScreen()
    app.install_screen(screen, STATS_SCREEN)
    app._load_screen_css(screen)
    app._get_screen(screen)
