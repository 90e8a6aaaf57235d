"""The words the command line and the app both say: amounts, money, hours, counts, why someone is
planned, when a follow-up is due, what declining saved, where an import came from, and how a stored key
(a channel, a kind, a stage) is shown. One place for both, and the one place to translate them: each
function answers in the language in use (``dailyreach.i18n``), and in English exactly as before.

Days, times and "3 days ago" are written by ``core.records.dates`` (``day_text``, ``moment_text``,
``day_range_text``, ``weekday_name``, ``ago``), which the core's own messages use too.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from dailyreach.core.files.formats import IMPORT_TITLES
from dailyreach.core.planning.planner import PendingReply, Savings
from dailyreach.core.records.dates import day_text
from dailyreach.core.records.model import CHANNEL_LABELS, Contact, Invitation
from dailyreach.i18n import N_, _, current_language, ngettext

if TYPE_CHECKING:
    from dailyreach.core.files.contact_import import ImportPreview
    from dailyreach.core.files.exchange import ImportPlan
    from dailyreach.core.store.store import Store

REASONS = {
    "follow_up": N_("follow-up"),
    "keep_in_touch": N_("keep in touch"),
    # A word to someone in a conversation already going, with no keep-in-touch cadence.
    "conversation": N_("conversation"),
    "new": N_("new"),
    # Planned for a first message or a nudge, and answered since: the user's turn to write back.
    "answered": N_("answered"),
    # Nothing due today: written to already, the answer not due a nudge yet (a message logged back-dated),
    # or the thread closed for want of an answer (x).
    "waiting": N_("sent, waiting"),
    "closed": N_("closed"),
}
# The days a week can start on (the settings' week_start), as shown.
WEEK_START_NAMES = {"monday": N_("Monday"), "saturday": N_("Saturday"), "sunday": N_("Sunday")}
# How a stored key is shown to a person; the key itself stays in files, --json and options.
KIND_LABELS = {
    "public_reply": N_("public reply"),
    "dm_sent": N_("DM sent"),
    "follow_up": N_("follow-up"),
    "reply_received": N_("reply received"),
    "meeting_booked": N_("meeting booked"),
    "met": N_("met"),
    "no_response": N_("no response"),
    "note": N_("note"),
}
STAGE_LABELS = {
    "target": N_("target"),
    "contacted": N_("contacted"),
    "replied": N_("replied"),
    "meeting": N_("meeting"),
    "met": N_("met"),
    "no_response": N_("no response"),
}
INVITATION_KIND_LABELS = {
    "mixer": N_("mixer"),
    "seminar": N_("seminar"),
    "party": N_("party"),
    "community": N_("community"),
    "sales_pitch": N_("sales pitch"),
    "other": N_("other"),
}
INVITATION_STATUS_LABELS = {
    "undecided": N_("undecided"),
    "declined": N_("declined"),
    "accepted": N_("accepted"),
}
# How a language writes an amount of money in a currency it has a sign for; any other currency, and
# every currency in English, is written "5,000 JPY".
_CURRENCY_FORMS = {"ja": {"JPY": "{amount}円", "USD": "${amount}", "EUR": "€{amount}", "GBP": "£{amount}"}}
# How a language separates the items of a list.
_LIST_SEPARATORS = {"ja": "、"}


def listed(parts: Iterable[str]) -> str:
    """Items one after the other: 'a, b, c' in English, 'a、b、c' in Japanese."""
    return _LIST_SEPARATORS.get(current_language(), ", ").join(parts)


def amount(value: float) -> str:
    """1,234 or 12.5: thousands separated, no trailing zeros (the same in every language)."""
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def money_text(value: float, currency: str) -> str:
    """An amount in its currency: '5,000 JPY', '12.50 USD' in English; '5,000円', '$40', '€12.50' in
    Japanese (a currency it has no sign for: '12 CHF'). Cents, when there are any, in two digits."""
    shown = f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"
    form = _CURRENCY_FORMS.get(current_language(), {}).get(currency)
    return form.format(amount=shown) if form else f"{shown} {currency}"


def money(savings: Savings) -> str:
    """The money declining saved, per currency: '12.50 EUR, 800 JPY'; 'no money' when none."""
    return listed(money_text(total, currency) for currency, total in savings.money.items()) or _("no money")


def hours(value: float) -> str:
    """'3 h', '1.5 h'; '3時間' in Japanese."""
    return _("{hours} h").format(hours=f"{value:g}")


def savings_text(savings: Savings) -> str:
    """What declining saved, leaving out what is nothing: '14 h, 13,000 JPY, 169 USD'."""
    parts = [hours(savings.hours)] if savings.hours else []
    parts += [money_text(total, currency) for currency, total in savings.money.items()]
    return listed(parts) or _("nothing yet")


def saved_text(invitation: Invitation) -> str:
    """What declining one invitation saves: '3 h, 5,000 JPY'."""
    parts = [hours(invitation.hours)] if invitation.hours else []
    if invitation.cost:
        parts.append(money_text(invitation.cost, invitation.currency))
    return listed(parts)


def plural(count: int, word: str) -> str:
    """'1 contact', '2 contacts': English words only. A translated count is said with ``ngettext``
    where it is made: ``ngettext("{count} row", "{count} rows", n).format(count=n)``."""
    return f"{count} {word}{'s' if count != 1 else ''}"


def days(count: int) -> str:
    """'1 day', '3 days'; '3日' in Japanese."""
    return ngettext("{count} day", "{count} days", count).format(count=count)


def days_ago(count: int) -> str:
    """A number of days back from today, in words: 'today', 'yesterday', '3 days ago'."""
    if count == 0:
        return _("today")
    if count == 1:
        return _("yesterday")
    return ngettext("{count} day ago", "{count} days ago", count).format(count=count)


def reason_text(reason: str, follow_up_number: int) -> str:
    """Why someone is in today's plan: 'new', 'keep in touch', 'follow-up #2'."""
    if reason == "follow_up":
        return _("follow-up #{number}").format(number=follow_up_number)
    return _(REASONS[reason])


def next_step_day(reply: PendingReply, today: date) -> str:
    """The day of a waiting thread's next step, as Pending says it in the app and the CLI: its next
    follow-up's, or with every follow-up the settings allow sent, the day closing it is offered."""
    day = day_text(reply.follow_up_due, today)
    return then_give_up(day) if reply.follow_ups_used_up else day


def then_give_up(day: str) -> str:
    """The day closing a thread is offered, every follow-up sent."""
    return _("{day} then give up?").format(day=day)


def follow_up_text(reply: PendingReply, today: date) -> str:
    """When the next nudge is due, in words (the day as ``day_text`` writes it)."""
    if reply.give_up_offered and not reply.nudges:  # no follow-ups at all, by the settings
        return _("no answer: x closes the thread")
    if reply.give_up_offered:
        return ngettext(
            "{count} follow-up without an answer: x closes the thread",
            "{count} follow-ups without an answer: x closes the thread",
            reply.nudges,
        ).format(count=reply.nudges)
    number = reply.nudges + 1
    due = reply.follow_up_due
    late = (today - due).days
    if reply.follow_ups_used_up and not reply.nudges:  # no follow-ups at all, by the settings
        return _("no follow-ups: closing the thread is offered {date} (in {days})").format(
            date=day_text(due, today), days=days(-late)
        )
    if reply.follow_ups_used_up:  # not offered yet, so not due yet; short, to fit the strip at 80 columns
        return ngettext(
            "{count} follow-up sent, none left: closing offered {date} (in {days})",
            "{count} follow-ups sent, none left: closing offered {date} (in {days})",
            reply.nudges,
        ).format(count=reply.nudges, date=day_text(due, today), days=days(-late))
    if late > 0:
        return _("follow-up #{number} overdue since {date} ({days})").format(
            number=number, date=day_text(due, today), days=days(late)
        )
    if late == 0:
        return _("follow-up #{number} due today").format(number=number)
    return _("follow-up #{number} due {date} (in {days})").format(
        number=number, date=day_text(due, today), days=days(-late)
    )


def keep_in_touch_text(due: date, today: date) -> str:
    """When a contact with a cadence is next due a word; a day gone by is said overdue, as a follow-up's."""
    late = (today - due).days
    if late > 0:
        return _("keep in touch: overdue since {date} ({days})").format(
            date=day_text(due, today), days=days(late)
        )
    if late == 0:
        return _("keep in touch today")
    return _("keep in touch on {day}").format(day=day_text(due, today))


def nudges_used_text(nudges: int, closing: str) -> str:
    """Why a draft is not the nudge the thread needs: every follow-up the settings allow went unanswered
    (or none are allowed). ``closing`` says how to close the thread as no response where the user is."""
    if not nudges:
        return _(
            "No follow-ups are set before giving up: {closing} closes the thread as no response."
        ).format(closing=closing)
    return ngettext(
        "{count} follow-up sent without an answer, no more to send: {closing} closes the thread as no "
        "response.",
        "{count} follow-ups sent without an answer, no more to send: {closing} closes the thread as no "
        "response.",
        nudges,
    ).format(count=nudges, closing=closing)


def kind_label(kind: str) -> str:
    """An interaction's kind shown: 'DM sent', 'reply received' (DM送信, 返信あり)."""
    return _(KIND_LABELS[kind]) if kind in KIND_LABELS else kind


def channel_label(channel: str) -> str:
    """A channel shown: 'X', 'e-mail', 'in person' (メール, 対面)."""
    return _(CHANNEL_LABELS[channel]) if channel in CHANNEL_LABELS else channel


def stage_label(stage: str) -> str:
    """A contact's stage shown: 'target', 'no response' (ターゲット, 反応なし)."""
    return _(STAGE_LABELS[stage]) if stage in STAGE_LABELS else stage


def invitation_kind_label(kind: str) -> str:
    """An invitation's kind shown: 'mixer', 'sales pitch' (交流会, 営業)."""
    return _(INVITATION_KIND_LABELS[kind]) if kind in INVITATION_KIND_LABELS else kind


def invitation_status_label(status: str) -> str:
    """An invitation's status shown: 'undecided', 'declined' (未定, 断った)."""
    return _(INVITATION_STATUS_LABELS[status]) if status in INVITATION_STATUS_LABELS else status


def handles_text(contact: Contact) -> str:
    """A contact's handles as every view names them: 'X @ann  e-mail ann@example.com'."""
    return "  ".join(f"{channel_label(platform)} {handle}" for platform, handle in contact.handles.items())


def import_title(fmt: str) -> str:
    """An import format's name: 'LinkedIn connections', 'vCard' (LinkedInのつながり)."""
    return _(IMPORT_TITLES[fmt])


def import_source(preview: ImportPreview) -> str:
    return _("{source}: {format}, read as {encoding}").format(
        source=preview.source, format=import_title(preview.format), encoding=_(preview.encoding)
    )


def table_count(table: str, count: int) -> str:
    """So many records of an export's table, as a person says it: '1 contact', '12 interactions'."""
    counted = {
        "contacts": ngettext("{count} contact", "{count} contacts", count),
        "interactions": ngettext("{count} interaction", "{count} interactions", count),
        "invitations": ngettext("{count} invitation", "{count} invitations", count),
        "snoozes": ngettext("{count} snooze", "{count} snoozes", count),
        "plans": ngettext("{count} daily plan", "{count} daily plans", count),
        "templates": ngettext("{count} template", "{count} templates", count),
    }
    if table in counted:
        return counted[table].format(count=count)
    return _("{count} {table}").format(count=count, table=table)  # a table of a later version


def export_plan_text(plan: ImportPlan, verb: str) -> str:
    """What importing a JSON export adds, per table, and how many of its records were already there;
    ``verb`` is 'would add' (a preview) or 'added'."""
    added = [table_count(table, count) for table, count in plan.added.items() if count]
    if plan.settings is not None:  # a store with none of its own takes the file's: said, not left unnoticed
        added.append(_("the settings"))
    tables = listed(added) or _("nothing")
    present = sum(plan.already_present.values())
    if verb == "would add":
        said = _("would add {tables}; {present} already present").format(tables=tables, present=present)
    elif verb == "added":
        said = _("added {tables}; {present} already present").format(tables=tables, present=present)
    else:
        said = f"{verb} {tables}; {present} already present"
    if plan.differing:
        differing = listed(table_count(table, count) for table, count in plan.differing.items())
        said += ngettext(
            " (of those, {records} differs in the file: the stored one is kept)",
            " (of those, {records} differ in the file: the stored ones are kept)",
            sum(plan.differing.values()),
        ).format(records=differing)
    if plan.settings_kept:
        said += _("; the file's settings differ from yours, which are kept")
    return said


# Drafts and templates (issue 13).
PURPOSE_TITLES = {
    "first_public_reply": N_("first public reply"),
    "first_dm": N_("first DM"),
    "follow_up_1": N_("follow-up #1"),
    "follow_up_2": N_("follow-up #2"),
    "thanks_reply": N_("thanks for a reply"),
    "meeting_ask": N_("meeting ask"),
    "thanks_met": N_("thanks after meeting"),
}
ANY_CHANNEL, ANY_LANGUAGE = N_("any channel"), N_("any language")
# A template's language as it is shown: its code in English, its name in another language.
LANGUAGE_CODES = {"en": N_("en"), "ja": N_("ja")}


def purpose_title(purpose: str) -> str:
    """What a template is for, shown: 'first DM', 'follow-up #1' (最初のDM)."""
    return _(PURPOSE_TITLES[purpose]) if purpose in PURPOSE_TITLES else purpose


def language_text(language: str) -> str:
    """A template's language: its code in English (en), its name in another language (英語)."""
    return _(LANGUAGE_CODES[language]) if language in LANGUAGE_CODES else language or _(ANY_LANGUAGE)


def template_text(name: str, purpose: str, channel: str | None, language: str) -> str:
    """A template in one line: 'first DM (en) · first DM · e-mail · en' ('メール · 英語')."""
    shown_channel = channel_label(channel) if channel else _(ANY_CHANNEL)
    return f"{name} · {purpose_title(purpose)} · {shown_channel} · {language_text(language)}"


def count_text(count: int, limit: int | None) -> str:
    """A draft's length against its channel's limit: '123/280', '301/300, 1 over', '812 characters'."""
    if limit is None:
        return ngettext("{count} character", "{count} characters", count).format(count=count)
    if count > limit:
        return _("{count}/{limit}, {over} over").format(count=count, limit=limit, over=count - limit)
    return f"{count}/{limit}"


def missing_text(missing: tuple[str, ...]) -> str:
    """What a draft had nothing to fill in with: 'nothing to fill {why}, {my_name}'."""
    return _("nothing to fill {names}").format(names=", ".join(f"{{{name}}}" for name in missing))


def made_text(store: Store, *, sentence: bool = False) -> str:
    """What opening ``store`` made of its file: a note for a command's stderr, or a ``sentence`` for the
    app's notice."""
    from dailyreach.core.store.store import MADE_OVER_EMPTY

    if store.made == MADE_OVER_EMPTY:
        said = (
            _("{path} was empty, so it was made a new, empty database.")
            if sentence
            else _("note: {path} was empty, so it was made a new, empty database")
        )
    else:
        said = (
            _("There was no database at {path}, so a new, empty one was made.")
            if sentence
            else _("note: there was no database at {path}, so a new, empty one was made")
        )
    return said.format(path=store.path)
