"""The user's database: one TinyDB JSON file, safe against crashes and against other processes.

Every change runs inside ``transaction()`` (``journal.py``): the file lock is taken (waiting a few seconds
for another writer), the file is re-read if another process changed it, and all the writes of the change
reach the disk as one atomic replace. Each change is journalled so that ``undo()`` can reverse it.

Beside the records, the file keeps each contact's thread and the days with outreach (``threads.py``),
which every change brings along in the same write (``derived.py``).

The rest lives beside this module: the tables (``tables.py``), the file's schema and its migrations
(``schema.py``), the backups (``backups.py``), the atomic file itself (``storage.py``), the lock
(``lockfile.py``), what is known of the file as it was last written (``checked.py``) and the records'
export form (``export_form.py``).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dailyreach.core.errors import ChangeRefused, ContactChanged, ContactGone, ValidationError, os_reason
from dailyreach.core.planning.lookup import contact_with_same_handle, describe
from dailyreach.core.records.dates import day_text, moment_text, plain
from dailyreach.core.records.model import (
    INTERACTION_PHRASES,
    Contact,
    DayPlan,
    Interaction,
    Invitation,
    Settings,
    Snooze,
    check_logged_text,
    known_currency,
)
from dailyreach.core.records.readback import Problem, readable_settings
from dailyreach.core.records.text import title_named
from dailyreach.core.records.zones import pendulum_zone
from dailyreach.core.store.backups import (
    backup_folder,
    daily_backup,
    refuse_if_lost,
    with_way_back,
    write_backup,
)
from dailyreach.core.store.beside import LOCK_SUFFIX
from dailyreach.core.store.checked import CheckedRecord
from dailyreach.core.store.derived import DerivedTables
from dailyreach.core.store.export_form import export_form, invitation_fields
from dailyreach.core.store.journal import LOCK_WAIT_SECONDS, Change, Journal
from dailyreach.core.store.lockfile import FileLock
from dailyreach.core.store.schema import FORMAT_NAME, MIGRATIONS, SCHEMA_VERSION, stored_version, stored_zone
from dailyreach.core.store.storage import (
    OWNER_ONLY,
    AtomicJSONStorage,
    StoreCorrupt,
    StoreError,
    StoreReadOnly,
    StoreWriteError,
    file_signature,
    left_unwritten,
    leftover_temporary_files,
    refused_as_read_only,
    written_path,
)
from dailyreach.core.store.tables import KEY_FIELDS as KEY_FIELDS
from dailyreach.core.store.tables import META_TABLE as META_TABLE
from dailyreach.core.store.tables import RECORD_TABLES as RECORD_TABLES
from dailyreach.core.store.tables import SETTINGS_TABLE as SETTINGS_TABLE
from dailyreach.core.store.tables import Body, RecordTable
from dailyreach.core.store.threads import DAYS_TABLE, THREADS_TABLE, Thread
from dailyreach.i18n import N_, _, ngettext

if TYPE_CHECKING:
    import pendulum

    from dailyreach.core.records.clock import Clock, Zone

NO_CONTACT = N_("no contact with id {id}")
NOTHING_TO_CLOSE = N_("nothing was sent to {name} yet, so there is no thread to close for want of an answer")
NOT_WAITING = N_("no message to {name} is waiting for an answer, so there is nothing to close")
CLOSED_ALREADY = N_("the thread with {name} is closed already: nothing was sent since")
GONE_SINCE_OPENED = N_(
    "{path} is gone or empty since dailyreach opened it (deleted, emptied or replaced by another program); "
    "nothing was written to it"
)
DELETED_SINCE = N_(
    "{name} was deleted in another window or command since this form opened: nothing was saved"
)
NO_FOLDER = N_("no folder {folder} for the database {db}: check the path, or make the folder first")
NOT_A_FILE = N_("{db} is not a file (a folder, a device or a pipe): name the database's .json file")


# What undo names a change of settings by, made in the app or on the command line.
CHANGE_SETTINGS = N_("change settings")


MADE_NEW, MADE_OVER_EMPTY = "new", "over empty"


IN_THE_FUTURE = N_("{moment} is in the future; log what has already happened")


def not_in_future(interaction: Interaction, now: datetime, refusal: str = IN_THE_FUTURE) -> None:
    """Only what has happened is logged: a time after ``now`` is refused, naming it in ``now``'s zone in
    ``refusal`` (its ``{moment}``)."""
    if interaction.moment > now:
        shown = moment_text(interaction.moment.astimezone(now.tzinfo), now.date())
        raise ValidationError("at", _(refusal).format(moment=shown))


def require_folder(path: Path, *, make_folder: bool) -> None:
    """The database's folder, made for the default database (as on a first run, ``make_folder``); a path
    the user names must be in a folder that is there, so that a mistyped one is said, not made, and be
    a file if it is there at all."""
    folder = written_path(path).parent  # a link's target's folder, where its saves go
    if make_folder:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    elif folder.exists() and not folder.is_dir():
        raise StoreError(
            _("{folder} is a file, not a folder: the database {db} cannot be made in it").format(
                folder=folder, db=path
            )
        )
    elif not folder.is_dir():
        raise StoreError(_(NO_FOLDER).format(folder=folder, db=path))
    # Never replaced by a save: /dev/null named as the database became a file in its place.
    if path.exists() and not path.is_file():
        raise StoreError(_(NOT_A_FILE).format(db=path))


def refused_kind(kind: str, contact: Contact, thread: Thread) -> str | None:
    """Why ``kind`` cannot be logged with ``contact`` now, or None. A thread is closed for want of an
    answer to a message: with none sent, closing it would count them as contacted and tick them off
    today's plan; once answered (or closed already), nothing waits to be closed. The app asks before it
    opens the log bar; the store refuses it whoever asks."""
    if kind != "no_response":
        return None
    if thread.last_sent is None:
        return _(NOTHING_TO_CLOSE).format(name=contact.name)
    if not thread.open:
        said = CLOSED_ALREADY if thread.closed_unanswered else NOT_WAITING
        return _(said).format(name=contact.name)
    return None


class Store:
    def __init__(
        self,
        path: str | os.PathLike[str],
        clock: Clock | None = None,
        lock_wait: float = LOCK_WAIT_SECONDS,
        *,
        make_folder: bool = False,
        on_wait: Callable[[], None] | None = None,
    ) -> None:
        """``make_folder`` for the default database (see ``require_folder``); ``on_wait`` is called when
        opening waits a moment for another process's lock (``FileLock.acquire``)."""
        self.path = Path(path).expanduser()
        self._clock = clock
        require_folder(self.path, make_folder=make_folder)
        self._checked = CheckedRecord(self.path)
        # The log is parsed only when something reads it, in a file whose layout ``<db>.checked`` knows.
        self._storage = AtomicJSONStorage(
            self.path, lazy_table="interactions", known_layout=self._checked.log_layout
        )
        self._tables: dict[str, RecordTable] = {
            name: RecordTable(self._storage, name, cache_size=0)
            for name in (*RECORD_TABLES, THREADS_TABLE, DAYS_TABLE, META_TABLE, SETTINGS_TABLE)
        }
        self._derived = DerivedTables(self._storage, self._tables, lambda: self.zone)
        self.journal = Journal(
            self.path,
            self._storage,
            self._tables,
            self._checked,
            self._derived,
            # Beside the file itself, not a link to it: two links to one database take the same lock.
            FileLock(f"{os.path.realpath(self.path)}{LOCK_SUFFIX}", timeout=lock_wait, mode=OWNER_ONLY),
            before_change=self._daily_backup,
            after_change=self._write_status,
        )
        self._backed_up_on: str | None = None
        # Whether opening made the database, and over what: MADE_NEW where there was no file, MADE_OVER_EMPTY
        # in a file with nothing in it. A command says so, as a mistyped --db would otherwise show an
        # empty store and leave a new file behind without a word.
        self.made: str | None = None
        self._open(on_wait)
        self._storage.check_read = self._still_a_database
        if self._derived.distrusted:
            # Rebuilt now, before this process records the edited file as checked: the next command
            # would take the record's word for it and keep summaries the edit left behind.
            self._ensure_derived()

    # -- opening, schema, backups ------------------------------------------------------------

    def _open(self, on_wait: Callable[[], None] | None) -> None:
        with self.journal.locked(on_wait):
            for leftover in leftover_temporary_files(self.path):
                leftover.unlink(missing_ok=True)
            existed = self.path.exists()
            try:
                data = self._storage.read() or {}
            except StoreCorrupt as error:
                raise StoreCorrupt(with_way_back(str(error), self.path)) from None
            version = stored_version(data, self.path)
            if version is None:
                refuse_if_lost(self.path, missing=not existed)
                with self._storage.batch():
                    self._tables[META_TABLE].put(
                        {"schema": {"format": FORMAT_NAME, "version": SCHEMA_VERSION}}
                    )
                    self._derived.rebuild()
                self._checked.record(self._storage, self._tables)
                if not data:
                    self.made = MADE_OVER_EMPTY if existed else MADE_NEW
                return
            migrated = version < SCHEMA_VERSION
            if migrated:
                self._migrate(data, version)  # the derived tables made anew with it
            if self._checked.take(self._storage, self._tables) and not migrated:
                self._derived.distrust()

    def _still_a_database(self, data: dict[str, Any] | None) -> None:
        """StoreCorrupt for the file found gone, empty or holding no schema after it was opened (deleted,
        emptied or replaced by another program): a write would make it a file that neither dailyreach
        nor the user could open again, and what it held would be lost from view."""
        if data is None or stored_version(data, self.path) is None:
            raise StoreCorrupt(_(GONE_SINCE_OPENED).format(path=self.path))

    def _migrate(self, data: dict[str, dict[str, Any]], version: int) -> None:
        self._write_backup(f"before-schema-{SCHEMA_VERSION}")
        with self._storage.batch():
            for step in range(version, SCHEMA_VERSION):
                MIGRATIONS[step](data)
            data[META_TABLE]["schema"]["version"] = SCHEMA_VERSION
            self._storage.write(data)

    @property
    def backup_folder(self) -> Path:
        return backup_folder(self.path)

    def _write_backup(self, label: str) -> Path | None:
        return write_backup(self.path, label)

    def _daily_backup(self) -> None:
        today = self.local_today().isoformat()
        if self._backed_up_on == today:
            return
        self._backed_up_on = today
        try:
            daily_backup(self.path, today)
        except OSError as error:
            # Said of the database, which is what cannot be saved; tried again with the next change.
            self._backed_up_on = None
            if refused_as_read_only(error) and not self.backup_folder.exists():
                # backups/ could not be made: it is the database's own folder that cannot be written.
                raise StoreReadOnly(
                    _("could not save {path}: its folder is read-only for you ({problem})").format(
                        path=self.path, problem=os_reason(error)
                    )
                ) from error
            refused = StoreReadOnly if refused_as_read_only(error) else StoreWriteError
            raise refused(
                _("could not save {path}: its daily backup cannot be written in {folder} ({problem})").format(
                    path=self.path, folder=self.backup_folder, problem=os_reason(error)
                )
            ) from error

    # -- time --------------------------------------------------------------------------------

    # The core and the command line work with the standard library's times, which load fast; the app
    # works with pendulum's, so ``clock``, ``timezone``, ``now()`` and ``today()`` are pendulum's.

    @property
    def zone(self) -> tzinfo:
        """The settings' timezone, or the system's."""
        return stored_zone(self._tables[SETTINGS_TABLE].record("settings"))

    def local_now(self) -> datetime:
        """The time in ``zone``, from the clock the store was given or else the system's."""
        if self._clock is None:
            return datetime.now(self.zone)
        return plain(self._clock.now()).astimezone(self.zone)

    def local_today(self) -> date:
        return self.local_now().date()

    @property
    def clock(self) -> Clock:
        if self._clock is None:
            from dailyreach.core.records.clock import SystemClock

            self._clock = SystemClock()
        return self._clock

    @property
    def timezone(self) -> Zone:
        return pendulum_zone(self.zone)

    def now(self) -> pendulum.DateTime:
        return self.clock.now().in_timezone(self.timezone)

    def today(self) -> pendulum.Date:
        return self.now().date()

    # -- transactions and undo (``journal.py``) -----------------------------------------------

    @property
    def history(self) -> list[Change]:
        """The changes this process made that undo() can still reverse, the last one last."""
        return self.journal.history

    def transaction(
        self, label: str = "change", *, undoable: bool = True
    ) -> contextlib.AbstractContextManager[Change]:
        """One change, written to disk at once and, when ``undoable``, reversed as a whole by undo()."""
        return self.journal.transaction(label, undoable=undoable)

    def undo(self) -> Change | None:
        """Reverse the last change this process made; None when there is nothing to undo."""
        return self.journal.undo()

    def _write_status(self) -> None:
        """The day's figures beside the file for ``dailyreach status``, under the lock of the change they
        follow. A record that cannot be written is only stale (its reader sees the file changed since and
        works the figures out again), and the change is already saved: no failure here may undo that."""
        from dailyreach.core.planning.status import write_status_record

        with contextlib.suppress(Exception):
            write_status_record(self)

    # -- derived: threads and outreach days (``derived.py``) -------------------------------------

    def _ensure_derived(self) -> None:
        """The derived tables made current before they are read, in a change of their own. A file
        changed since this process last took it in is taken in first: a hand edit may keep the count
        of interactions the tables' marker checks, and a long-running app would read them stale."""
        if not self._checked.seen(self._storage):
            with self._storage.lock, self.journal.locked():
                if self._checked.take(self._storage, self._tables):
                    self._derived.distrust()
        if self._derived.current():
            return
        try:
            with self.transaction("summaries", undoable=False):
                pass
        except StoreError as error:
            if not left_unwritten(error):
                raise
            # A file this user may only read (made in another timezone, say), or a full disk: the
            # summaries are worked out for this run and kept in memory, the file left as it is.
            with self._storage.lock:
                self._derived.rebuild(save=False)

    def threads(self) -> dict[str, Thread]:
        """Each contact's thread (contacts with no interaction have none: ``Thread()``)."""
        self._ensure_derived()
        return self._derived.threads()

    def thread(self, contact_id: str) -> Thread:
        self._ensure_derived()
        return self._derived.thread(contact_id)

    def outreach_days(self) -> set[date]:
        """The local days on which at least one message was sent."""
        self._ensure_derived()
        return self._derived.outreach_days()

    def day_counts(self) -> dict[date, dict[str, int]]:
        """Local day -> its counts of messages "sent", "replies" received, "meetings" booked and people
        "reached" (sent a message: what the daily goal counts), those above zero, for every day with one."""
        self._ensure_derived()
        return self._derived.day_counts()

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        """One view of the store: the reads inside see one version of the file, looked at once."""
        with self._storage.pinned():
            yield

    def _all(self, table: str) -> list[tuple[str, Body]]:
        return self._tables[table].records()

    def documents(self, table: str) -> list[Body]:
        """A record table's readable records in their export form, in the order they were added: as
        stored, but for one an edit elsewhere left without a field the store reads at its default, which
        goes as the store reads it, so that an import of the export takes it back. They are the store's
        own, not copies (an export of 100k writes them straight out): read them, never change them."""
        return export_form(table, self._tables[table].bodies())

    @property
    def file_problem(self) -> str | None:
        """What is wrong with the file since it was opened (deleted, emptied, replaced), as the last look
        found it: reads go on with what it last held, changes are refused. None when nothing is."""
        return self._storage.gone

    def revision(self) -> tuple[int, int, int] | None:
        """A token that changes whenever the database does, so a screen knows when to read it again."""
        return file_signature(self.path)

    def close(self) -> None:
        self._storage.close()

    def record_ids(self, table: str) -> set[str]:
        return {record_id for record_id, _ in self._all(table)}

    def unreadable(self, table: str, record_id: str) -> bool:
        """Whether ``table`` holds a record ``record_id`` this version cannot read: left as it is."""
        return record_id in self._tables[table].bad_records()

    def add_records(self, label: str, records: dict[str, dict[str, Body]]) -> None:
        """Insert new records into several tables as one change: table -> key -> record."""
        with self.transaction(label):
            for table, bodies in records.items():
                if bodies:
                    self.journal.put_many(table, bodies)

    # -- settings ----------------------------------------------------------------------------

    def settings(self) -> Settings:
        stored = (self._storage.read() or {}).get(SETTINGS_TABLE, {}).get("settings")
        return readable_settings(stored)[0] if stored else Settings()

    def problems(self) -> list[Problem]:
        """Every stored record this version cannot read, and the settings it reads without: what
        ``doctor`` lists. Those records stay in the file as they are; the readers skip them. (Known since
        the store opened: from ``<db>.checked`` or the full check made then.)"""
        found = [problem for table in RECORD_TABLES for problem in self._tables[table].bad_records().values()]
        stored = (self._storage.read() or {}).get(SETTINGS_TABLE, {}).get("settings")
        return found + (readable_settings(stored)[1] if stored else [])

    def has_settings(self) -> bool:
        return bool((self._storage.read() or {}).get(SETTINGS_TABLE))

    def save_settings(self, settings: Settings) -> None:
        with self.transaction(_(CHANGE_SETTINGS)):
            self.journal.put(SETTINGS_TABLE, "settings", settings.to_dict())

    def change_settings(self, change: Callable[[Settings], dict[str, Any]]) -> Settings:
        """The settings with the fields ``change`` makes of them as they are in the file (read under the
        lock: nothing another process saved meanwhile is written over), checked whole and saved as one
        change that undo takes back; ValidationError, and nothing saved, when a value is refused."""
        with self.transaction(_(CHANGE_SETTINGS)):
            current = self.settings()
            changed = Settings.from_dict({**current.to_dict(), **change(current)})
            if changed.daily_goal != current.daily_goal:
                changed.past_goals = current.goals_kept_before(self.local_today())
            if changed.currency != current.currency:
                known_currency(changed.currency)
            self.save_settings(changed)
        return changed

    # -- contacts ----------------------------------------------------------------------------

    def contacts(self, *, include_archived: bool = False) -> list[Contact]:
        found = [Contact(**body) for _, body in self._all("contacts")]
        return found if include_archived else [contact for contact in found if not contact.archived]

    def contact(self, contact_id: str) -> Contact | None:
        body = self.journal.record("contacts", contact_id)
        return Contact(**body) if body else None

    def save_contact(
        self, contact: Contact, label: str = N_("save contact"), *, based_on: Contact | None = None
    ) -> Contact:
        """Save a contact; ValidationError when another contact already has one of its handles. ``label``
        is what undo names the change (translated here when it is a marked one). ``based_on``: the contact
        as a form showed it, of which ``contact`` is the edit: what was saved since is kept where the form
        left it as it was (``edits.py``)."""
        with self.transaction(_(label)):
            if based_on is not None:
                stored = self.contact(contact.id)
                if stored is None:
                    # Saved, the edit would bring the contact back without the history deleted with it.
                    raise ChangeRefused("name", _(DELETED_SINCE).format(name=based_on.name))
                from dailyreach.core.store.edits import edited_over

                contact = edited_over(based_on, contact, stored)
            twin = contact_with_same_handle(self.contacts(include_archived=True), contact)
            if twin is not None:
                platform, handle = next(
                    (platform, handle)
                    for platform, handle in contact.handles.items()
                    if twin.handles.get(platform, "").casefold() == handle.casefold()
                )
                raise ValidationError(
                    platform,
                    _("{handle} is already the handle of {contact}").format(
                        handle=handle, contact=describe(twin)
                    ),
                )
            stamp = self.local_now().isoformat()
            if not contact.created_at:
                contact.created_at = stamp
            contact.updated_at = stamp
            self.journal.put("contacts", contact.id, contact.to_dict())
        return contact

    # -- interactions ------------------------------------------------------------------------

    def interactions(self, contact_id: str | None = None) -> list[Interaction]:
        """Interactions, oldest first (all of them, or one contact's)."""
        table = self._tables["interactions"]
        records = table.records() if contact_id is None else table.records_with("contact_id", {contact_id})
        found = [Interaction(**body) for _, body in records]
        found.sort(key=lambda interaction: interaction.moment.timestamp())  # floats compare fast
        return found

    def add_interaction(self, interaction: Interaction) -> Interaction:
        """Log what happened; ValidationError for a time still to come (the plan says what is due) or a
        note without its text."""
        contact = self.contact(interaction.contact_id)
        if contact is None:
            raise ContactGone(_(NO_CONTACT).format(id=repr(interaction.contact_id)), interaction.contact_id)
        check_logged_text(interaction.kind, interaction.text)
        not_in_future(interaction, self.local_now())
        refused = refused_kind(interaction.kind, contact, self.thread(contact.id))
        if refused:
            raise ChangeRefused("kind", refused)
        with self.transaction(_(INTERACTION_PHRASES[interaction.kind]).format(name=contact.name)):
            self.journal.put("interactions", interaction.id, interaction.to_dict())
            self.journal.put("snoozes", interaction.contact_id, None)
        return interaction

    def delete_contact(self, contact_id: str, *, interactions_seen: int | None = None) -> int:
        """Delete a contact with all of theirs (interactions, snooze, rows of the stored plans) as one
        change, which undo takes back whole; how many interactions went with them.

        ``interactions_seen``, the count the user agreed to delete with them: ContactChanged, and
        nothing deleted, when another window or command logged or deleted one since."""
        contact = self.contact(contact_id)
        if contact is None:
            raise StoreError(_(NO_CONTACT).format(id=repr(contact_id)))
        with self.transaction(_("delete {name}").format(name=contact.name)):
            if self.contact(contact_id) is None:  # read again under the lock: deleted by another meanwhile
                raise ContactGone(
                    _("{name} was deleted in another window or command meanwhile").format(name=contact.name),
                    contact_id,
                )
            history = self._tables["interactions"].records_with("contact_id", {contact_id})
            if interactions_seen is not None and len(history) != interactions_seen:
                raise ContactChanged(
                    ngettext(
                        "{name} has {count} interaction now, logged or deleted in another window or command "
                        "meanwhile: nothing was deleted",
                        "{name} has {count} interactions now, logged or deleted in another window or command "
                        "meanwhile: nothing was deleted",
                        len(history),
                    ).format(name=contact.name, count=len(history))
                )
            for interaction_id, _body in history:
                self.journal.put("interactions", interaction_id, None)
            self.journal.put("snoozes", contact_id, None)
            for day, plan in self._all("plans"):
                items = [item for item in plan["items"] if item["contact_id"] != contact_id]
                if len(items) != len(plan["items"]):
                    self.journal.put("plans", day, {**plan, "items": items})
            self.journal.put("contacts", contact_id, None)
        return len(history)

    def delete_interaction(self, interaction_id: str) -> None:
        body = self.journal.record("interactions", interaction_id)
        contact = self.contact(body["contact_id"]) if body else None
        what = _(INTERACTION_PHRASES[body["kind"]]).format(name=contact.name) if body and contact else None
        label = _("deleted entry: {what}").format(what=what) if what else _("deleted entry")
        with self.transaction(label):
            self.journal.put("interactions", interaction_id, None)

    # -- invitations -------------------------------------------------------------------------

    def invitations(self) -> list[Invitation]:
        return [Invitation(**invitation_fields(body)) for _, body in self._all("invitations")]

    def invitation(self, invitation_id: str) -> Invitation | None:
        body = self.journal.record("invitations", invitation_id)
        return Invitation(**invitation_fields(body)) if body else None

    def save_invitation(self, invitation: Invitation, label: str = N_("save invitation")) -> Invitation:
        with self.transaction(_(label)):
            saved = self.invitation(invitation.id)
            if invitation.currency not in (self.settings().currency, saved.currency if saved else None):
                known_currency(invitation.currency)
            self.journal.put("invitations", invitation.id, invitation.to_dict())
        return invitation

    def decline_invitation(self, invitation_id: str, note: str | None = None) -> Invitation:
        invitation = self.invitation(invitation_id)
        if invitation is None:
            raise StoreError(_("no invitation with id {id}").format(id=repr(invitation_id)))
        fields = {**invitation.to_dict(), "status": "declined", "decided_at": self.local_now().isoformat()}
        if note:
            fields["note"] = note
        return self.save_invitation(
            Invitation.from_dict(fields), _("decline of {title}").format(title=title_named(invitation.title))
        )

    # -- snoozes and plans -------------------------------------------------------------------

    def snoozes(self) -> dict[str, str]:
        """Contact id -> the day the contact comes back."""
        return {rid: body["until"] for rid, body in self._all("snoozes")}

    def snooze(self, snooze: Snooze) -> None:
        contact = self.contact(snooze.contact_id)
        until = day_text(date.fromisoformat(snooze.until), self.local_today())
        label = (
            _("snooze of {name} until {date}").format(name=contact.name, date=until)
            if contact
            else _("snooze of a contact until {date}").format(date=until)
        )
        with self.transaction(label):
            self.journal.put("snoozes", snooze.contact_id, snooze.to_dict())
            # Today's plan gives the snoozed contact's place to someone else once read again.
            self._keep_todays_plan()

    def end_snooze(self, contact_id: str) -> None:
        """``contact_id`` back in the plans from today, before the day their snooze ends."""
        contact = self.contact(contact_id)
        name = contact.name if contact else repr(contact_id)
        with self.transaction(_("end of the snooze of {name}").format(name=name)):
            if self.journal.record("snoozes", contact_id) is None:
                raise ChangeRefused("until", _("{name} is not snoozed").format(name=name))
            self.journal.put("snoozes", contact_id, None)
            # A free place in today's plan takes them in once read again.
            self._keep_todays_plan()

    def _keep_todays_plan(self) -> None:
        """Today's plan, as it is now, kept in the change being made: a change of who may be planned
        (a snooze, its end) has the plan made again as it is read, and undoing it gives this one back."""
        today = self.local_today().isoformat()
        plan = self.journal.record("plans", today)
        if plan is not None:
            self.journal.put("plans", today, plan)

    def plans(self) -> list[DayPlan]:
        return [DayPlan.from_dict(body) for _, body in self._all("plans")]

    def plan(self, day: str) -> DayPlan | None:
        body = self.journal.record("plans", day)
        return DayPlan.from_dict(body) if body else None

    def save_plan(self, plan: DayPlan) -> None:
        with self.transaction("plan", undoable=False):
            self.journal.put("plans", plan.date, plan.to_dict())
