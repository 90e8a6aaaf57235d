"""What the main screen's keys do with invitations: record one (i), edit the highlighted one (E), decline it
(x) and take its host as a target (t)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from dailyreach.core.errors import DateParseError, ValidationError
from dailyreach.core.records.model import Invitation
from dailyreach.core.records.text import title_named
from dailyreach.i18n import _
from dailyreach.tui.bound_keys import bound_key
from dailyreach.tui.screens.invitation_form import (
    decline_form,
    edited_invitation_fields,
    host_as_target,
    invitation_fields,
    invitation_form,
    invitation_values,
    known_host,
)

if TYPE_CHECKING:
    from dailyreach.tui.screens.main import MainScreen


def record_invitation(screen: MainScreen, typed: dict[str, str] | None = None) -> None:
    """The new invitation's form; saved, the Declined pane's cursor goes to it."""

    def save(answers: dict[str, str] | None) -> None:
        if answers is None:
            return
        invitation = _checked(screen, lambda: invitation_fields(screen.store, answers))
        if invitation is None:
            record_invitation(screen, answers)
            return
        # Said: on a screen under 34 rows the Declined pane may not be the one shown.
        said = (
            _("Saved {title}: {show} shows it, {decline} declines it.")
            if invitation.status == "undecided"
            else _("Saved {title} as declined: {show} shows it.")
        )
        screen.placing_invitation = invitation.id
        screen.run_saving(
            lambda: screen.store.save_invitation(
                invitation, _("invitation {title}").format(title=title_named(invitation.title))
            ),
            lambda _saved: screen.notify(
                said.format(
                    title=title_named(invitation.title),
                    show=bound_key(screen.app, "focus_invitations"),
                    decline=bound_key(screen.app, "decline"),
                ),
                markup=False,
            ),
            failed=lambda: record_invitation(screen, answers),
        )

    screen.app.push_screen(invitation_form(screen.store, typed), save)


def edit_invitation(screen: MainScreen, invitation: Invitation, typed: dict[str, str] | None = None) -> None:
    """The invitation's form filled with what it holds: a cost or a day typed wrong is put right, not
    left in the savings for good (u takes the edit back)."""

    def save(answers: dict[str, str] | None) -> None:
        if answers is None:
            return
        edited = _checked(screen, lambda: edited_invitation_fields(screen.store, invitation, answers))
        if edited is None:
            edit_invitation(screen, invitation, answers)
            return
        if edited == invitation:
            return
        # Accepted, it leaves the pane: said, or its row seems lost.
        said = (
            _("Saved {title} as accepted: the Declined pane lists the invitations declined or undecided.")
            if edited.status == "accepted" != invitation.status
            else _("Saved {title}.")
        )
        screen.run_saving(
            lambda: screen.store.save_invitation(
                edited, _("edit of {title}").format(title=title_named(invitation.title))
            ),
            lambda _saved: screen.notify(said.format(title=title_named(edited.title)), markup=False),
            failed=lambda: edit_invitation(screen, invitation, answers),
        )

    title = _("Edit invitation: {title}").format(title=invitation.title)
    form = invitation_form(screen.store, typed or invitation_values(invitation), title, editing=True)
    screen.app.push_screen(form, save)


def _checked(screen: MainScreen, fields: Callable[[], dict]) -> Invitation | None:
    """The invitation the form's answers make, or None once the user is told why they make none."""
    try:
        return Invitation.from_dict(fields())
    except (ValidationError, DateParseError) as error:
        screen.say_refused(str(error), _("Not saved"))
        return None


def decline_invitation(screen: MainScreen, invitation: Invitation) -> None:
    if invitation.status == "declined":
        screen.notify(_("Already declined."))
        return

    def save(answers: dict[str, str] | None) -> None:
        if answers is not None:
            screen.run_saving(lambda: screen.store.decline_invitation(invitation.id, answers["note"]))

    screen.app.push_screen(decline_form(invitation), save)


def take_host_as_target(screen: MainScreen, invitation: Invitation) -> None:
    if not invitation.host:
        screen.notify(_("This invitation has no host to reach out to."), severity="warning")
        return
    known = known_host(invitation.host, screen.store.contacts(include_archived=True))
    if known is not None:
        screen.notify(
            _("{name} is already a contact: 4 lists every contact.").format(name=known.name),
            severity="warning",
            markup=False,
        )
        return
    screen.action_new_target(host_as_target(invitation))
