"""``dailyreach draft`` and ``dailyreach template``: drafts printed (and copied) from the store's
templates. Nothing is ever sent.

Loaded by ``cli.commands`` when one of these commands runs; only click is imported here, the rest when a
command runs.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from dailyreach.i18n import N_, _, current_language

if TYPE_CHECKING:
    from pathlib import Path

    from dailyreach.cli.commands import Session
    from dailyreach.core.records.model import Contact
    from dailyreach.core.records.template import Template
    from dailyreach.core.store.store import Store

Command = TypeVar("Command", bound=Callable[..., Any])

# Said when a command runs, in the language in use (``_``); the help below is made as click reads the
# decorators, once ``i18n.start`` has chosen the language (as in ``cli.commands``).
SET_MY_NAME = N_("set your name for {my_name} with: dailyreach template my-name NAME")
NOT_COPIED = N_("not copied: {problem}; the draft is printed above")
EMPTY_BODY = N_("the body is empty: give --body TEXT, or --body - to read it from stdin")
# What --purpose takes (the stored keys, the same in every language).
PURPOSES = ("first_public_reply", "first_dm", "follow_up_1", "follow_up_2", "thanks_reply", "meeting_ask")
LAST_PURPOSE = "thanks_met"


def purpose_choices() -> str:
    """'first_public_reply, first_dm, ... or thanks_met.' in the language in use."""
    return _("{purposes} or {last}.").format(purposes=", ".join(PURPOSES), last=LAST_PURPOSE)


def _command_on(db: Path) -> str:
    """``dailyreach``, with the ``--db`` a command suggested to be copied needs to reach this database: none
    for the one the environment or the default names."""
    import os
    import shlex

    from dailyreach.paths import default_db_path

    if str(db) in (os.environ.get("DAILYREACH_DB") or default_db_path(), default_db_path()):
        return "dailyreach"
    return f"dailyreach --db {shlex.quote(str(db))}"


def _echo(text: object, *, err: bool = False) -> None:
    from dailyreach.cli.commands import echo

    echo(text, err=err)


@click.command(
    help=_(
        "Print a draft message to CONTACT (id, handle or name) from your templates.\n\n"
        "The draft goes to stdout; which template, its length against the channel's limit and the link to "
        "send it from go to stderr. Nothing is sent."
    )
)
@click.argument("contact")
@click.option(
    "--template", "template_name", metavar="NAME", help=_("Use this template (default: the one that fits).")
)
@click.option(
    "--channel", metavar="C", help=_("Write for this channel (default: where the conversation is).")
)
@click.option("--copy", is_flag=True, help=_("Also put the draft on the system clipboard."))
@click.pass_obj
def draft(session: Session, contact: str, template_name: str | None, channel: str | None, copy: bool) -> None:
    from dailyreach.core.planning.drafts import prepare_draft
    from dailyreach.core.planning.lookup import find_contact
    from dailyreach.wording import channel_label, count_text, missing_text, nudges_used_text, purpose_title

    store = session.store
    person = store.contact(contact.strip()) or find_contact(store.contacts(include_archived=True), contact)
    prepared = prepare_draft(
        store, person, channel=channel, template_name=template_name, reason=_plan_reason(store, person)
    )
    made = prepared.draft
    if made is None and prepared.nudges_used is not None:
        closing = f"{_command_on(session.db)} log {person.id} no_response"
        raise click.ClickException(
            nudges_used_text(prepared.nudges_used, closing) + " " + _("--template NAME drafts one anyway.")
        )
    if made is None:
        raise click.ClickException(
            _(
                "no template for a {purpose} on {channel}: "
                "add one with dailyreach template add, or choose one with --template"
            ).format(purpose=purpose_title(prepared.purpose), channel=channel_label(prepared.channel))
        )
    _echo(made.text)
    _echo(
        _("template: {name} · {channel} · {count}").format(
            name=made.template.name,
            channel=channel_label(made.channel),
            count=count_text(made.count(), made.limit),
        ),
        err=True,
    )
    if made.subject:
        _echo(_("subject: {subject}").format(subject=made.subject), err=True)
    link = made.link()
    if link:
        _echo(_("send from: {link}").format(link=link), err=True)
    if made.missing:
        _echo(missing_text(made.missing), err=True)
        if "my_name" in made.missing:
            _echo(_(SET_MY_NAME), err=True)
    if copy:
        from dailyreach.clipboard import copy_to_system_clipboard

        problem = copy_to_system_clipboard(made.text)
        if problem is not None:
            _echo(_(NOT_COPIED).format(problem=problem), err=True)
            sys.exit(1)
        _echo(_("copied to the clipboard"), err=True)


@click.group(
    help=_(
        "List, add, edit and remove the message templates drafts are made from.\n\n"
        "A template's body may use {name}, {call_name}, {handle}, {why}, {days_since}, {days_ago} and {my_name}."
    ),
    invoke_without_command=True,
)
@click.pass_context
def template(context: click.Context) -> None:
    # Alone, as "git remote" does: what there is.
    if context.invoked_subcommand is None:
        context.invoke(list_templates, as_json=False)


def _body(given: str | None) -> str | None:
    """--body TEXT, or - for stdin (a body of several lines)."""
    if given == "-":
        return sys.stdin.read()
    return given


@template.command(name="list", help=_("List the templates (the defaults are added the first time)."))
@click.option("--json", "as_json", is_flag=True, help=_("Print every template in full as JSON."))
@click.pass_obj
def list_templates(session: Session, as_json: bool) -> None:
    from dailyreach.core.store.templates import ensure_default_templates, templates
    from dailyreach.wording import template_text

    ensure_default_templates(session.store)
    found = templates(session.store, current_language())
    if as_json:
        from dailyreach.cli.agenda_views import print_json

        print_json([t.to_dict() for t in found])
        return
    for t in found:
        _echo(template_text(t.name, t.purpose, t.channel, t.language))
    if not found:
        _echo(_("no templates: dailyreach template add NAME --purpose P --body TEXT adds one"))


@template.command(name="show", help=_("Print a template as it is written, placeholders and all."))
@click.argument("name")
@click.pass_obj
def show_template(session: Session, name: str) -> None:
    from dailyreach.core.store.templates import ensure_default_templates, template_named
    from dailyreach.wording import template_text

    ensure_default_templates(session.store)
    found = template_named(session.store, name)
    _echo(template_text(found.name, found.purpose, found.channel, found.language), err=True)
    if found.subject:
        _echo(_("subject: {subject}").format(subject=found.subject), err=True)
    _echo(found.body)


def _fields_options(command: Command) -> Command:
    """The options ``add`` and ``edit`` share."""
    for option in reversed(
        [
            click.option("--purpose", help=purpose_choices()),
            click.option("--channel", help=_("Only for this channel (x, bluesky, email...); 'any' for all.")),
            click.option("--language", help=_("en, ja, or 'any'.")),
            click.option("--subject", help=_("The e-mail subject line.")),
            click.option("--body", help=_("The message, with placeholders; - reads it from stdin.")),
        ]
    ):
        command = option(command)
    return command


@template.command(name="add", help=_("Add a template called NAME; an unknown placeholder is refused."))
@click.argument("name")
@_fields_options
@click.pass_obj
def add_template(
    session: Session,
    name: str,
    purpose: str | None,
    channel: str | None,
    language: str | None,
    subject: str | None,
    body: str | None,
) -> None:
    from dailyreach.core.records.template import Template
    from dailyreach.core.store.templates import ensure_default_templates, save_template

    text = _body(body)
    if not (text or "").strip():
        raise click.UsageError(_(EMPTY_BODY))
    if not purpose:
        raise click.UsageError(_("give --purpose: {purposes}").format(purposes=purpose_choices()))
    ensure_default_templates(session.store)
    made = Template.from_dict(
        {
            "name": name,
            "purpose": purpose,
            "channel": channel,
            "language": "" if language in (None, "any") else language,
            "subject": subject or "",
            "body": text,
        }
    )
    save_template(session.store, made, _("add template {name}").format(name=made.name))
    _echo(made.id)


@template.command(name="edit", help=_("Change what is given of the template NAME; the rest stays."))
@click.argument("name")
@click.option("--name", "new_name", help=_("A new name."))
@_fields_options
@click.pass_obj
def edit_template(
    session: Session,
    name: str,
    new_name: str | None,
    purpose: str | None,
    channel: str | None,
    language: str | None,
    subject: str | None,
    body: str | None,
) -> None:
    from dailyreach.core.records.template import Template
    from dailyreach.core.store.templates import ensure_default_templates, save_template, template_named

    text = _body(body)
    if text is not None and not text.strip():
        raise click.UsageError(_(EMPTY_BODY))
    if all(value is None for value in (new_name, purpose, channel, language, subject, text)):
        raise click.UsageError(
            _("nothing to change: give --name, --purpose, --channel, --language, --subject or --body")
        )
    ensure_default_templates(session.store)
    found: Template = template_named(session.store, name)
    given = {
        "name": new_name,
        "purpose": purpose,
        "channel": channel,
        "language": None if language is None else ("" if language == "any" else language),
        "subject": subject,
        "body": text,
    }
    changed = Template.from_dict(
        {**found.to_dict(), **{field: value for field, value in given.items() if value is not None}}
    )
    save_template(session.store, changed, _("edit template {name}").format(name=changed.name))
    _echo(_("saved: {name}").format(name=changed.name))


@template.command(name="remove", help=_("Remove the template NAME."))
@click.argument("name")
@click.pass_obj
def remove_template(session: Session, name: str) -> None:
    from dailyreach.core.store.templates import delete_template, ensure_default_templates, template_named

    ensure_default_templates(session.store)
    found = template_named(session.store, name)
    delete_template(session.store, found)
    _echo(_("removed: {name}").format(name=found.name))


@template.command(
    name="my-name", help=_("Print, or set to NAME, your own name as drafts sign it ({my_name}).")
)
@click.argument("name", required=False)
@click.pass_obj
def my_name(session: Session, name: str | None) -> None:
    store = session.store
    if name is None:
        _echo(store.settings().my_name or _("(not set)"))
        return
    changed = store.change_settings(lambda _settings: {"my_name": name})
    _echo(_("your name: {name}").format(name=changed.my_name or _("(not set)")))


def _plan_reason(store: Store, person: Contact) -> str | None:
    """Why ``person`` is in today's plan, as the app's c on their row passes it on (a keep-in-touch word
    drafts the meeting ask); None when they are not in it."""
    from dailyreach.core.planning.agenda import build_agenda

    return next((item.reason for item in build_agenda(store).items if item.contact.id == person.id), None)
