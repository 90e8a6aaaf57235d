"""Behaviour of the store (``store.py``, ``storage.py``) that mutation testing found no test pinned: code
the installed command's tests reach, out of the mutation runs' sight, driven in-process here."""

import errno
import os

import pytest

from dailyreach.core.errors import StoreError, ValidationError
from dailyreach.core.planning.agenda import build_agenda
from dailyreach.core.records.model import Snooze
from dailyreach.core.store import store as store_module
from dailyreach.core.store.storage import StoreReadOnly, StoreWriteError, read_only_reason, write_owner_only
from dailyreach.core.store.store import Store
from tests.conftest import add_contact, log


def test_a_snooze_leaves_todays_plan_as_it_was_until_it_is_read_again(store):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    build_agenda(store)  # the day's plan, with Ann in it
    today = store.local_today().isoformat()
    planned = store.plan(today)
    store.snooze(Snooze(contact_id=ann.id, until=store.local_today().replace(day=28).isoformat()))
    # Kept in the snooze's change as it was, so that undoing the snooze gives the plan back with her.
    assert store.plan(today) == planned
    assert [item.contact_id for item in planned.items] == [ann.id]


def test_declining_an_invitation_no_one_has_names_the_id(store):
    with pytest.raises(StoreError) as refused:
        store.decline_invitation("nope")
    assert str(refused.value) == "no invitation with id 'nope'"


def test_a_currency_changed_to_no_known_code_is_refused_and_nothing_is_saved(store):
    before = store.settings()
    with pytest.raises(ValidationError, match="XYZ"):
        store.change_settings(lambda settings: {"currency": "XYZ"})
    assert store.settings() == before
    assert store.change_settings(lambda settings: {"currency": "JPY"}).currency == "JPY"


def test_a_write_that_fails_names_the_file_written_not_its_temporary_file(tmp_path):
    target = tmp_path / "missing folder" / "db.json"
    with pytest.raises(FileNotFoundError) as failed:
        write_owner_only(target, b"{}")
    assert failed.value.filename == str(target)
    assert failed.value.errno is not None and failed.value.strerror


def test_a_database_its_owner_made_read_only_is_said_to_be(tmp_path):
    db = tmp_path / "db.json"
    db.write_text("{}")
    assert read_only_reason(db) is None
    os.chmod(db, 0o400)
    assert read_only_reason(db) == "it is read-only; make it writable (chmod u+w) to save"


def test_an_export_takes_the_stored_records_as_they_are_when_they_have_every_field(store, clock):
    """Written straight from the stored documents, not copied: an export holds up to 100k of them."""
    from dailyreach.core.records.model import DayPlan, Invitation, PlanItem, Snooze
    from dailyreach.core.records.template import Template
    from dailyreach.core.store.templates import save_template

    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    log(store, ann, "dm_sent")
    store.save_invitation(Invitation(title="Mixer", kind="mixer"))
    store.snooze(Snooze(contact_id=ann.id, until="2026-12-30"))
    store.save_plan(DayPlan(date="2026-11-23", items=[PlanItem(contact_id=ann.id, reason="new")]))
    save_template(store, Template(name="Hi", purpose="first_dm", channel="x", body="Hi {name}"))
    for table in ("contacts", "interactions", "invitations", "snoozes", "plans", "templates"):
        first, again = store.documents(table), store.documents(table)
        assert first and all(one is other for one, other in zip(first, again, strict=True)), table


@pytest.mark.parametrize(
    ("code", "refused", "said"),
    [
        (errno.EACCES, StoreReadOnly, "its folder is read-only for you (Permission denied)"),
        (
            errno.ENOSPC,
            StoreWriteError,
            "its daily backup cannot be written in {folder} (No space left on device)",
        ),
    ],
)
def test_a_days_first_backup_that_cannot_be_made_is_said_of_what_stops_it(
    tmp_path, monkeypatch, code, refused, said
):
    """backups/ not made yet: a folder that refuses it is the database's own folder, read-only; anything else
    (a full disk) is said of the backup."""
    db = tmp_path / "db.json"
    store = Store(db)

    def cannot(path, day):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(store_module, "daily_backup", cannot)
    with pytest.raises(refused) as error:
        add_contact(store, "Ann", handles={"x": "@ann"})
    assert str(error.value) == f"could not save {db}: " + said.format(folder=tmp_path / "backups")
    assert type(error.value) is refused


def test_a_handle_an_archived_contact_has_is_refused_naming_the_platform_and_the_contact(store):
    # Checked against every contact, the archived too, on the platform the handles are shared on, the
    # contact's other handles (here its first) not being the twin's.
    add_contact(store, "Ann", handles={"x": "@ann"}, archived=True)
    with pytest.raises(ValidationError) as refused:
        add_contact(store, "Bo", handles={"github": "bo", "x": "@ANN"})
    assert refused.value.field == "x"
    assert refused.value.problem.startswith("@ANN is already the handle of Ann (")


def test_an_edit_of_a_contact_deleted_since_is_refused_on_its_name(store, db_path):
    from dataclasses import replace

    from dailyreach.core.errors import ChangeRefused

    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    Store(db_path, clock=store.clock).delete_contact(ann.id)
    with pytest.raises(ChangeRefused) as refused:
        store.save_contact(replace(ann, why="edited"), based_on=ann)
    assert refused.value.field == "name"  # where the reopened form would put the cursor


def test_the_settings_read_a_currency_and_a_week_start_that_are_no_text_as_refused(store):
    from dailyreach.core.records.model import Settings, currency_code

    assert currency_code("円") == "JPY" and currency_code("ユーロ") == "EUR"
    for field, value in (("currency", 5), ("week_start", 5)):
        with pytest.raises(ValidationError) as refused:
            Settings.from_dict({field: value})
        assert refused.value.field == field


def test_a_system_reason_is_said_in_the_language_in_use_where_known(monkeypatch):
    from dailyreach import i18n
    from dailyreach.core.errors import os_reason

    missing, busy = OSError(errno.ENOENT, "the C library's words"), OSError(errno.EBUSY, "Device busy")
    assert (os_reason(missing), os_reason(busy)) == ("the C library's words", "Device busy")
    i18n.use_language("ja")
    try:
        assert (os_reason(missing), os_reason(busy)) == (
            "そのようなファイルやフォルダはありません",
            "Device busy",
        )
    finally:
        i18n.use_language("en")
