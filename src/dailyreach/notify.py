"""``dailyreach notify``: today's plan as a desktop notification, through ``desktop-notifier`` (the
freedesktop notification service over D-Bus on Linux, the Notification Center on macOS)."""

from __future__ import annotations

import asyncio
import logging

from dailyreach.i18n import N_, _

APP_NAME = "dailyreach"
TITLE = "dailyreach"
EVENING_TITLE = N_("dailyreach: today's goal")  # translated where it is shown
SEND_SECONDS = 10.0


class _Failures(logging.Handler):
    """What desktop-notifier logs instead of raising: kept as the reason, never printed as a traceback."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.reasons: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        error = record.exc_info[1] if record.exc_info else None
        self.reasons.append(str(error) or type(error).__name__ if error else record.getMessage())


async def _send(title: str, message: str) -> bool:
    from desktop_notifier import DesktopNotifier

    sent = asyncio.Event()
    notifier = DesktopNotifier(app_name=APP_NAME)
    await notifier.send(title=title, message=message, on_dispatched=sent.set)
    return sent.is_set()


def send_notification(title: str, message: str) -> str | None:
    """Show the notification; None when it was, else why not in a few words."""
    failures = _Failures()
    library_log = logging.getLogger("desktop_notifier")
    library_log.addHandler(failures)
    library_log.propagate = False
    try:
        sent = asyncio.run(asyncio.wait_for(_send(title, message), SEND_SECONDS))
    except TimeoutError:
        return _("the notification service did not answer within {seconds} s").format(
            seconds=f"{SEND_SECONDS:.0f}"
        )
    except Exception as error:  # the library's backends raise their own errors while setting up
        return str(error) or type(error).__name__
    finally:
        library_log.removeHandler(failures)
    if sent:
        return None
    return failures.reasons[0] if failures.reasons else _("the notification service refused it")
