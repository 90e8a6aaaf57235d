"""``add``, ``log``, ``invite`` and ``decline``: a record made from the command line, as the app makes it."""

from __future__ import annotations

import sys

import click

from dailyreach.cli.commands import Session, echo
from dailyreach.core.records.handles import PLATFORMS
from dailyreach.core.records.text import title_named
from dailyreach.i18n import _, ngettext


@click.command(
    help=_("Add an outreach target; prints its id."),
)
@click.argument("name")
@click.option("--x", "x", metavar="H", help=_("X handle, @name."))
@click.option("--linkedin", metavar="H", help=_("LinkedIn profile URL or its name."))
@click.option("--bluesky", metavar="H", help=_("Bluesky handle, e.g. alice.bsky.social."))
@click.option("--mastodon", metavar="H", help=_("Mastodon handle, @user@instance."))
@click.option("--instagram", metavar="H", help=_("Instagram handle, @name."))
@click.option("--threads", metavar="H", help=_("Threads handle, @name."))
@click.option("--github", metavar="H", help=_("GitHub user name."))
@click.option("--email", metavar="E", help=_("E-mail address."))
@click.option("--web", metavar="URL", help=_("A web page of theirs, https://..."))
@click.option("--why", default="", help=_("What they achieved and what you want to learn."))
@click.option(
    "--call-name", default="", help=_("How you address them (default: 山田さん, or the given name).")
)
@click.option("--tag", "tags", multiple=True, help=_("A tag (repeat for more)."))
# Numbers are checked by the contact itself, so a mistake reads as it does in the app.
@click.option("--priority", metavar="N", default="2", show_default=True, help=_("1 high, 3 low."))
@click.option("--followers", metavar="N", help=_("How many follow them (a way to rank whom to reach)."))
@click.option("--cadence", metavar="DAYS", help=_("Keep in touch every DAYS days."))
@click.pass_obj
def add(
    session: Session,
    /,
    name: str,
    why: str,
    call_name: str,
    tags: tuple[str, ...],
    priority: str,
    followers: str | None,
    cadence: str | None,
    **handles: str | None,
) -> None:
    from dailyreach.core.planning.lookup import folded
    from dailyreach.core.records.model import Contact

    contact = Contact.from_dict(
        {
            "name": name,
            "handles": {platform: handles[platform] for platform in PLATFORMS if handles.get(platform)},
            "why": why,
            "call_name": call_name,
            "tags": list(tags),
            "priority": priority,
            "followers": followers,
            "cadence_days": cadence,
        }
    )
    store = session.store
    added = store.save_contact(contact, _("add {name}").format(name=contact.name))
    # Added all the same (two people may share a name), but ``log NAME`` can no longer tell them apart.
    for other in store.contacts(include_archived=True):
        if other.id != added.id and folded(other.name) == folded(added.name):
            echo(
                _("note: {name} (id {id}) has the same name; use an id to log to either").format(
                    name=other.name, id=other.id
                ),
                err=True,
            )
    # On a terminal, whom the new id is for; to a pipe or a file, the id alone, which scripts read.
    echo(
        _("Added {name} (id {id})").format(name=added.name, id=added.id) if sys.stdout.isatty() else added.id
    )


@click.command(
    help=_(
        "Log an interaction with CONTACT (an id, a handle, a name or the start of a word of one); prints its id.\n\n"
        "KIND is public_reply, dm_sent, follow_up, reply_received, meeting_booked, met, "
        "no_response or note."
    ),
)
@click.argument("contact")
@click.argument("kind")
@click.option("--channel", help=_("Where it happened (default: the contact's main channel)."))
@click.option("--at", "when", default="now", help=_("When: ISO time, now, yesterday, -2h, friday..."))
@click.option("--text", default="", help=_("A short note of what was said."))
@click.pass_obj
def log(session: Session, contact: str, kind: str, channel: str | None, when: str, text: str) -> None:
    from dailyreach.cli.log_entry import log_interaction, logged_text

    echo(
        logged_text(*log_interaction(session.store, contact, kind, channel, when, text), sys.stdout.isatty())
    )


@click.command(
    help=_("Record an invitation; prints its id."),
)
@click.argument("title")
@click.option("--kind", default="other", help=_("mixer, seminar, party, community, sales_pitch or other."))
@click.option("--from", "host", default="", help=_("Who invited you."))
@click.option("--on", "event_date", help=_("The event's date: YYYY-MM-DD, tomorrow, friday, +10d..."))
@click.option("--hours", help=_("Hours it would have taken, travel included."))
@click.option("--cost", help=_("What it would have cost: 5000, 5,000, ¥5000, 40 USD..."))
@click.option("--currency", help=_("Three-letter currency code (default: your settings')."))
@click.option("--note", default="", help=_("A note for your own record, such as why you declined."))
@click.option("--decline", is_flag=True, help=_("Decline it now."))
@click.pass_obj
def invite(
    session: Session,
    title: str,
    kind: str,
    host: str,
    event_date: str | None,
    hours: str | None,
    cost: str | None,
    currency: str | None,
    note: str,
    decline: bool,
) -> None:
    from dailyreach.core.records.dates import parse_date
    from dailyreach.core.records.model import Invitation, key_named
    from dailyreach.core.records.validation import amount_currency
    from dailyreach.wording import INVITATION_KIND_LABELS

    store = session.store
    now = store.local_now()
    invitation = Invitation.from_dict(
        {
            "title": title,
            "kind": key_named(kind, INVITATION_KIND_LABELS, every_language=True),
            "from": host,
            "event_date": parse_date(event_date, now).isoformat() if event_date else None,
            "hours": hours,
            "cost": cost,
            # A cost such as "¥5000" names its own currency; otherwise the settings' one. One given empty
            # is refused as settings --currency '' is, not taken for the settings'.
            "currency": currency
            if currency is not None
            else amount_currency(cost) or store.settings().currency,
            "note": note,
            "status": "declined" if decline else "undecided",
            "decided_at": now.isoformat() if decline else None,
        }
    )
    saved = store.save_invitation(
        invitation, _("invitation {title}").format(title=title_named(invitation.title))
    )
    # On a terminal, what was recorded (as add and log say theirs); to a pipe or a file, the id alone.
    if not sys.stdout.isatty():
        echo(saved.id)
    elif decline:
        echo(_("Recorded {title} as declined (id {id})").format(title=saved.title, id=saved.id))
    else:
        echo(
            _("Recorded {title} (id {id}): dailyreach decline {id} declines it").format(
                title=saved.title, id=saved.id
            )
        )


@click.command(
    help=_("Decline INVITATION (id, title or the start of one)."),
)
@click.argument("invitation")
# --reason too: the app's decline form calls it Reason.
@click.option("--note", "--reason", "note", default="", help=_("Why, for your own record."))
@click.pass_obj
def decline(session: Session, invitation: str, note: str) -> None:
    from datetime import datetime

    from dailyreach.core.planning.lookup import find_invitation
    from dailyreach.core.records.dates import day_text

    store = session.store
    chosen = find_invitation(store.invitations(), invitation)
    if chosen.status == "declined":  # left as it is: declining again would move its date and note
        if chosen.decided_at is None:
            echo(_("{title} was already declined").format(title=title_named(chosen.title)))
        else:
            on = day_text(datetime.fromisoformat(chosen.decided_at).date(), store.local_today())
            echo(_("{title} was already declined on {date}").format(title=title_named(chosen.title), date=on))
        if note.strip() not in ("", chosen.note):
            # Said, not dropped without a word: the user would believe the new reason kept.
            echo(
                _(
                    "note: the reason given was not recorded, as the invitation was declined already; "
                    "press E on it under Declined invitations in the app to change its reason"
                ),
                err=True,
            )
        return
    store.decline_invitation(chosen.id, note)
    echo(_("Declined {title}.").format(title=title_named(chosen.title)))


@click.command(
    help=_(
        "Delete CONTACT (an id, a handle or the whole name) with their interactions; asks first, "
        "unless --yes."
    ),
)
@click.argument("contact")
@click.option("--yes", is_flag=True, help=_("Delete without asking (in a script)."))
@click.pass_obj
def delete(session: Session, contact: str, yes: bool) -> None:
    from dailyreach.core.planning.lookup import describe, find_contact

    store = session.store
    person = find_contact(store.contacts(include_archived=True), contact, exactly=True)

    def described(count: int) -> str:
        if not count:
            return describe(person)
        return ngettext("{name} and {count} interaction", "{name} and {count} interactions", count).format(
            name=describe(person), count=count
        )

    seen = len(store.interactions(person.id))
    if yes:
        deleted = store.delete_contact(person.id)
    else:
        if not sys.stdin.isatty():
            raise click.ClickException(
                _("nothing deleted: say --yes to delete {what} without being asked").format(
                    what=described(seen)
                )
            )
        click.confirm(_("Delete {what}?").format(what=described(seen)), abort=True)
        # Only what was asked about: a log made while the question waited is not deleted unseen.
        deleted = store.delete_contact(person.id, interactions_seen=seen)
    echo(_("Deleted {what}.").format(what=described(deleted)))
