import json
import stat
import unicodedata
from pathlib import Path

import pendulum
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from dailyreach.core.errors import DatabaseFileNamed, ImportRejected, ValidationError
from dailyreach.core.files.exchange import (
    _inlined,
    apply_import,
    export_bundle,
    export_json,
    export_schema,
    plan_import,
    write_export,
)
from dailyreach.core.records.clock import FixedClock
from dailyreach.core.records.model import (
    Contact,
    DayPlan,
    Interaction,
    Invitation,
    PlanItem,
    Settings,
    Snooze,
)
from dailyreach.core.store.beside import KEPT_BESIDE
from dailyreach.core.store.store import Store
from tests.conftest import add_contact, log


def fill(store: Store) -> None:
    ann = add_contact(
        store, "Ann [/] Smith", handles={"x": "@ann", "email": "ann@example.com"}, tags=["saas"]
    )
    yamada = add_contact(
        store, "山田 太郎", handles={"mastodon": "@yamada@mstdn.jp"}, why="上場した", priority=1
    )
    log(store, ann, "dm_sent", text="Loved your talk 🎉")
    log(store, yamada, "public_reply", at=pendulum.datetime(2026, 11, 20, 22, 15, tz="America/New_York"))
    store.save_invitation(
        Invitation(title="異業種交流会", kind="mixer", host="Bob", cost=5000, currency="JPY")
    )
    store.decline_invitation(store.invitations()[0].id, "no pitches")
    store.snooze(Snooze(contact_id=ann.id, until="2026-11-30"))
    store.save_plan(DayPlan(date="2026-11-23", items=[PlanItem(contact_id=yamada.id, reason="new")]))


def without_time(bundle: dict) -> dict:
    return {key: value for key, value in bundle.items() if key != "exported_at"}


def import_into(store: Store, data: dict) -> None:
    apply_import(store, plan_import(store, data, "test.json"))


def test_the_schema_is_checked_with_its_definitions_in_place_of_its_references():
    schema = export_schema()
    inlined = _inlined(schema)
    assert '"$ref"' in json.dumps(schema) and '"$ref"' not in json.dumps(inlined)
    assert inlined["properties"]["interactions"]["items"] == schema["$defs"]["interaction"] | {
        "properties": {
            name: schema["$defs"][field["$ref"].removeprefix("#/$defs/")] if "$ref" in field else field
            for name, field in schema["$defs"]["interaction"]["properties"].items()
        }
    }


def test_a_real_export_is_valid_against_the_shipped_schema(store):
    fill(store)
    data = json.loads(export_json(store))
    Draft202012Validator.check_schema(export_schema())
    assert list(Draft202012Validator(export_schema()).iter_errors(data)) == []
    assert data["format"] == "dailyreach" and data["version"] == 1
    assert data["interactions"][1]["at"] == "2026-11-20T22:15:00-05:00"
    assert set(data["invitations"][0]) == {
        "id",
        "title",
        "kind",
        "from",
        "event_date",
        "status",
        "hours",
        "cost",
        "currency",
        "note",
        "decided_at",
    }


def test_import_into_an_empty_store_gives_back_the_same_records_and_twice_adds_nothing(
    store, tmp_path, clock
):
    fill(store)
    original = export_bundle(store)
    fresh = Store(tmp_path / "fresh.json", clock=clock)
    import_into(fresh, original)
    assert without_time(export_bundle(fresh)) == without_time(original)
    again = plan_import(fresh, original, "test.json")
    assert sum(again.added.values()) == 0
    assert again.already_present["contacts"] == 2
    apply_import(fresh, again)
    assert without_time(export_bundle(fresh)) == without_time(original)


def test_an_import_fills_the_empty_plan_the_app_made_as_it_opened_and_keeps_one_with_rows(
    store, tmp_path, clock
):
    # The app opened on an empty store made today's plan, empty: the file's was left out as "present",
    # and Today showed the imported threads without their follow-ups.
    fill(store)
    original = export_bundle(store)
    fresh = Store(tmp_path / "fresh.json", clock=clock)
    fresh.save_plan(DayPlan(date="2026-11-23"))
    plan = plan_import(fresh, original, "test.json")
    assert (plan.added["plans"], plan.already_present["plans"]) == (1, 0)
    apply_import(fresh, plan)
    assert fresh.plan("2026-11-23") == store.plan("2026-11-23")
    planned = Store(tmp_path / "planned.json", clock=clock)
    planned.save_plan(DayPlan(date="2026-11-23", items=[PlanItem(contact_id="someone", reason="new")]))
    kept = plan_import(planned, original, "test.json")
    assert (kept.added["plans"], kept.already_present["plans"]) == (0, 1)


def test_an_import_is_undone_as_one_change(store, tmp_path, clock):
    fill(store)
    fresh = Store(tmp_path / "fresh.json", clock=clock)
    import_into(fresh, export_bundle(store))
    fresh.undo()
    assert fresh.contacts() == [] and fresh.interactions() == [] and fresh.invitations() == []


@pytest.mark.parametrize(
    ("break_it", "problem"),
    [
        (lambda d: d.update(format="other"), "format: 'dailyreach' was expected"),
        (lambda d: d.pop("format"), 'not a dailyreach export: it has no "format": "dailyreach"'),
        (lambda d: d["contacts"][0].update(name=""), "contacts[0].name"),
        (lambda d: d["contacts"][1]["handles"].update(x="not a handle!"), "contacts[1].x"),
        (
            lambda d: d["interactions"][0].update(at="2026-11-23T09:00"),
            "interactions[0].at: '2026-11-23T09:00' is not an ISO 8601 time with its offset "
            "(2026-11-23T09:00+09:00)",
        ),
        (
            lambda d: d["invitations"][0].update(event_date="23/11/2026"),
            "invitations[0].event_date: '23/11/2026' is not a day written YYYY-MM-DD (2026-11-23)",
        ),
        (
            lambda d: d["invitations"][0].update(currency="yen"),
            "invitations[0].currency: 'yen' is not a currency's three capital letters (JPY, USD)",
        ),
        (lambda d: d["invitations"][0].update(cost=-1), "invitations[0].cost"),
        (lambda d: d["contacts"].append(dict(d["contacts"][0])), "appears twice"),
    ],
)
def test_a_file_that_fails_validation_is_rejected_whole_and_the_store_is_untouched(
    store, tmp_path, clock, break_it, problem
):
    fill(store)
    data = export_bundle(store)
    break_it(data)
    target = Store(tmp_path / "target.json", clock=clock)
    add_contact(target, "Already here")
    before = (tmp_path / "target.json").read_bytes()
    with pytest.raises(ImportRejected) as caught:
        plan_import(target, json.loads(json.dumps(data)), "broken.json")
    assert problem in str(caught.value)
    assert "broken.json was not imported" in str(caught.value)
    assert (tmp_path / "target.json").read_bytes() == before


def test_an_export_from_a_newer_dailyreach_says_so_and_only_that(store):
    fill(store)
    data = export_bundle(store)
    data.update(version=99, plans_v2=[])
    del data["settings"]
    with pytest.raises(ImportRejected) as caught:
        plan_import(store, json.loads(json.dumps(data)), "newer.json")
    assert caught.value.problems == [
        "the file was written by a newer dailyreach (export version 99); "
        "this one reads up to export version 1. Update dailyreach."
    ]
    assert str(caught.value).startswith("newer.json was not imported; nothing was changed:")
    # Another program's JSON with a version of its own is not said to be from a newer dailyreach.
    data["format"] = "another-app"
    with pytest.raises(ImportRejected) as other:
        plan_import(store, json.loads(json.dumps(data)), "other.json")
    assert not any("newer dailyreach" in problem for problem in other.value.problems)


def test_exports_are_owner_only_and_never_replace_a_file_unless_forced(store, tmp_path):
    fill(store)
    target = tmp_path / "export.json"
    write_export(target, export_json(store), db=store.path)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with pytest.raises(FileExistsError, match="--force"):
        write_export(target, b"{}", db=store.path)
    assert json.loads(target.read_text())["format"] == "dailyreach"
    write_export(target, b"{}", db=store.path, force=True)
    assert target.read_text() == "{}"


@pytest.mark.parametrize("force", [False, True], ids=["unforced", "forced"])
def test_an_export_never_writes_over_the_database_or_a_file_kept_beside_it(store, force, monkeypatch):
    fill(store)
    monkeypatch.chdir(store.path.parent)
    (store.path.parent / "link.json").symlink_to(store.path)
    files = {path: path.read_bytes() for path in store.path.parent.iterdir() if path.is_file()}
    said = {}
    for name in (
        store.path.name,
        "link.json",
        f"./{store.path.name}.lock",
        f"{store.path}.status",
    ):
        with pytest.raises(DatabaseFileNamed) as refused:
            write_export(Path(name), b"{}", db=store.path, force=force)
        said[name] = str(refused.value)
    assert {path: path.read_bytes() for path in files} == files
    assert said[store.path.name] == f"{store.path.name} is the database itself: export to another file"
    assert said[f"{store.path}.status"] == (
        f"{store.path}.status is kept beside the database {store.path}: export to another file"
    )
    for suffix in KEPT_BESIDE:
        with pytest.raises(DatabaseFileNamed):
            write_export(Path(f"{store.path}{suffix}"), b"{}", db=store.path, force=force)
    write_export(Path(f"{store.path}.old"), b"{}", db=store.path, force=force)


@pytest.mark.parametrize("suffix", KEPT_BESIDE)
def test_an_export_never_writes_over_a_file_kept_beside_a_database_named_by_a_link(tmp_path, suffix):
    """The status record and the check sit beside the link's name, the lock beside the file it names."""
    (tmp_path / "real").mkdir()
    db = tmp_path / "real" / "db.json"
    link = tmp_path / "link.json"
    link.symlink_to(db)
    for kept in (Path(f"{link}{suffix}"), Path(f"{db}{suffix}")):
        with pytest.raises(DatabaseFileNamed):
            write_export(kept, b"{}", db=link, force=True)
    assert list(tmp_path.rglob(f"*{suffix}")) == []


def test_an_export_never_writes_over_a_backup(store, tmp_path):
    backups = store.path.parent / "backups"
    backups.mkdir(exist_ok=True)
    backup = backups / "db-2026-11-23.json"
    backup.write_text("{}")
    for named in (backup, backups / "new.json"):
        with pytest.raises(DatabaseFileNamed) as refused:
            write_export(named, b"[]", db=store.path, force=True)
        assert str(refused.value) == (
            f"{named} is in the backups of the database {store.path}: export to another folder"
        )
    assert backup.read_text() == "{}" and not (backups / "new.json").exists()


unicode_text = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_categories=["Cs"]),
        st.sampled_from("山田太郎ﾃｽﾄ🎉[]/\x1b\x00\n\t"),
    ),
    max_size=40,
)
moments = st.datetimes(
    min_value=pendulum.datetime(2000, 1, 1).naive(),
    max_value=pendulum.datetime(2026, 11, 22).naive(),  # only what has happened can be logged
    timezones=st.sampled_from(
        [pendulum.timezone(n) for n in ("UTC", "Asia/Tokyo", "America/New_York", "Asia/Kolkata")]
    ),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    people=st.lists(
        st.tuples(unicode_text, unicode_text, st.sampled_from([1, 2, 3])), min_size=1, max_size=5
    ),
    notes=st.lists(st.tuples(unicode_text, moments, st.sampled_from(["dm_sent", "note", "met"])), max_size=6),
    titles=st.lists(st.tuples(unicode_text, st.floats(0, 1e6, allow_nan=False)), max_size=3),
)
def test_export_import_export_round_trips_arbitrary_unicode(tmp_path_factory, people, notes, titles):
    clock = FixedClock(pendulum.datetime(2026, 11, 23, 9, tz="Asia/Tokyo"))
    source = Store(tmp_path_factory.mktemp("db") / "source.json", clock=clock)
    contacts = []
    for name, why, priority in people:
        try:
            contacts.append(
                source.save_contact(Contact.from_dict({"name": name, "why": why, "priority": priority}))
            )
        except ValidationError:
            continue
    assume(contacts)
    for index, (text, at, kind) in enumerate(notes):
        interaction = Interaction.from_dict(
            {
                "contact_id": contacts[index % len(contacts)].id,
                "kind": kind,
                "at": at.isoformat(),
                "text": text,
            }
        )
        try:
            source.add_interaction(interaction)
        except ValidationError:  # a note with no text
            continue
    for title, cost in titles:
        try:
            source.save_invitation(Invitation.from_dict({"title": title, "cost": cost}))
        except ValidationError:
            continue
    original = export_bundle(source)
    for contact in original["contacts"]:
        assert not any(unicodedata.category(ch) == "Cc" for ch in contact["name"])
    target = Store(tmp_path_factory.mktemp("db") / "target.json", clock=clock)
    import_into(target, json.loads(export_json(source)))
    assert without_time(export_bundle(target)) == without_time(original)


def test_a_record_of_no_contact_is_left_out_and_said_the_rest_imported(store, tmp_path, clock):
    """A hand edit of the database, exported: its backup still comes back, less what belongs to nobody."""
    fill(store)
    data = export_bundle(store)
    data["interactions"][0]["contact_id"] = "nobody"
    target = Store(tmp_path / "target.json", clock=clock)
    plan = plan_import(target, json.loads(json.dumps(data)), "backup.json")
    assert plan.left_out == ["interactions[0].contact_id: no contact with id 'nobody': left out"]
    assert plan.added["interactions"] == len(data["interactions"]) - 1
    assert plan.added["contacts"] == len(data["contacts"])


def test_records_and_settings_the_file_holds_otherwise_are_counted_and_the_stored_kept(
    store, tmp_path, clock
):
    fill(store)
    bundle = json.loads(json.dumps(export_bundle(store)))  # as read from the file: not the store's own
    unchanged = plan_import(store, bundle, "same.json")
    assert (unchanged.differing, unchanged.settings, unchanged.settings_kept) == ({}, None, False)
    bundle["contacts"][0]["why"] = "edited elsewhere"
    bundle["interactions"][0]["text"] = "edited too"
    bundle["plans"][0]["items"] = []  # a day's plan is rewritten as the day goes: no news
    bundle["settings"]["daily_goal"] = 9
    edited = plan_import(store, bundle, "edited.json")
    assert edited.differing == {"contacts": 1, "interactions": 1}
    assert (edited.settings, edited.settings_kept) == (None, True)  # this store has its own
    fresh = Store(tmp_path / "fresh.json", clock=clock)
    taken = plan_import(fresh, bundle, "edited.json")
    assert taken.settings is not None and taken.settings.daily_goal == 9 and not taken.settings_kept


def test_a_record_the_store_cannot_read_is_left_as_it_is_by_an_import_of_the_same_id(store, clock):
    # doctor says such a record stays as it is in the file: an older backup imported over it must not
    # take its place, which would drop what the user could still mend in it.
    fill(store)
    bundle = json.loads(json.dumps(export_bundle(store)))
    contact_id, day = bundle["contacts"][0]["id"], bundle["plans"][0]["date"]
    data = json.loads(store.path.read_text())
    data["contacts"][contact_id]["name"] = 123
    data["plans"][day]["mood"] = "calm"
    store.path.write_text(json.dumps(data))
    broken = json.loads(store.path.read_text())
    reopened = Store(store.path, clock=clock)
    plan = plan_import(reopened, bundle, "backup.json")
    apply_import(reopened, plan)
    stored = json.loads(store.path.read_text())
    assert stored["contacts"][contact_id] == broken["contacts"][contact_id]
    assert stored["plans"][day] == broken["plans"][day]
    assert plan.left_out == [
        f"contacts[0]: the database's record {contact_id!r} cannot be read and is left as it is "
        "(`dailyreach doctor` lists it)",
        f"plans[0]: the database's record {day!r} cannot be read and is left as it is "
        "(`dailyreach doctor` lists it)",
    ]
    assert sum(plan.added.values()) == 0


def test_a_refused_record_is_named_by_its_id_beside_its_place(store):
    fill(store)
    bundle = json.loads(json.dumps(export_bundle(store)))
    bundle["contacts"][1]["handles"] = {"x": "@@bad"}  # past the schema, refused by the contact's own check
    with pytest.raises(ImportRejected) as refused:
        plan_import(store, bundle, "bad.json")
    assert f"contacts[1].x ({bundle['contacts'][1]['id']}): '@@bad'" in str(refused.value)


def test_one_run_says_every_problem_of_a_file_in_the_order_the_file_has_them(store, tmp_path, clock):
    """What the schema finds, what each record's own check finds, and each of several problems in one
    record: the user mends them all after one run, not one batch a run."""
    fill(store)
    bundle = json.loads(json.dumps(export_bundle(store)))
    ann, yamada = bundle["contacts"]
    ann |= {"why": "x" * 100_000, "followers": 10**15}
    yamada["handles"] = {"x": "not a handle!!"}
    bundle["interactions"][0]["kind"] = "bogus"  # the schema's
    bundle["interactions"][1]["at"] = "2099-01-01T00:00:00+00:00"
    bundle["invitations"][0] |= {"hours": 1e300, "cost": 1e300, "currency": "ZZZ"}
    bundle["settings"]["currency"] = "QQQ"
    target = Store(tmp_path / "target.json", clock=clock)
    with pytest.raises(ImportRejected) as refused:
        plan_import(target, bundle, "bad.json")
    said = [problem.split(":")[0] for problem in refused.value.problems]
    assert said == [
        f"contacts[0].why ({ann['id']})",
        f"contacts[0].followers ({ann['id']})",
        f"contacts[1].x ({yamada['id']})",
        "interactions[0].kind",
        f"interactions[1].at ({bundle['interactions'][1]['id']})",
        f"invitations[0].hours ({bundle['invitations'][0]['id']})",
        f"invitations[0].cost ({bundle['invitations'][0]['id']})",
        f"invitations[0].currency ({bundle['invitations'][0]['id']})",
        "settings.currency",
    ]
    assert "ZZZ is not a currency code (ISO 4217)" in str(refused.value)
    assert target.contacts() == []


def test_a_record_the_schema_refuses_whole_leaves_the_others_read_and_each_is_said_in_its_place(
    store, tmp_path, clock
):
    """A record missing a field (the schema's problem is the record itself) and one that is no object
    are said with what the other records' own checks find, in the file's order, though the schema's
    problems are found first; a problem of the settings the schema finds is said once."""
    fill(store)
    bundle = json.loads(json.dumps(export_bundle(store)))
    ann, yamada = bundle["contacts"]
    ann["handles"] = {"x": "not a handle!!"}
    del yamada["name"]
    bundle["contacts"].append(dict(ann, id=["not", "an", "id"]))  # no id to look a record up by
    bundle["invitations"].append("a title")
    bundle["settings"]["daily_goal"] = "five"
    with pytest.raises(ImportRejected) as refused:
        plan_import(Store(tmp_path / "target.json", clock=clock), bundle, "bad.json")
    assert refused.value.problems == [
        f"contacts[0].x ({ann['id']}): 'not a handle!!': must not contain spaces",
        "contacts[1]: 'name' is a required property",
        "contacts[2].id: ['not', 'an', 'id'] is not of type 'string'",
        "invitations[1]: 'a title' is not of type 'object'",
        "settings.daily_goal: 'five' is not of type 'integer'",
    ]


def test_a_problem_of_the_file_itself_is_said_first_and_alone_with_the_schemas(store, tmp_path, clock):
    fill(store)
    bundle = json.loads(json.dumps(export_bundle(store)))
    bundle["contacts"][0]["name"] = ""
    bundle["contacts"][1]["handles"] = {"x": "not a handle!!"}  # the contact's own check: not reached
    bundle["exported_at"] = "yesterday"
    with pytest.raises(ImportRejected) as refused:
        plan_import(Store(tmp_path / "target.json", clock=clock), bundle, "bad.json")
    assert [problem.split(":")[0] for problem in refused.value.problems] == [
        "exported_at",
        "contacts[0].name",
    ]


def test_a_currency_iso_4217_does_not_have_is_refused_as_invite_and_settings_refuse_it(
    store, tmp_path, clock
):
    fill(store)
    bundle = json.loads(json.dumps(export_bundle(store)))
    bundle["invitations"][0]["currency"] = "YEN"
    with pytest.raises(ImportRejected) as refused:
        plan_import(Store(tmp_path / "target.json", clock=clock), bundle, "bad.json")
    assert refused.value.problems == [
        f"invitations[0].currency ({bundle['invitations'][0]['id']}): YEN is not a currency code: use JPY"
    ]


def test_every_problem_is_counted_where_the_schemas_stopped_after_eleven(store, tmp_path, clock):
    fill(store)
    bundle = json.loads(json.dumps(export_bundle(store)))
    bundle["interactions"] = [dict(bundle["interactions"][0], id=f"i{n}", kind="bogus") for n in range(25)]
    with pytest.raises(ImportRejected) as refused:
        plan_import(Store(tmp_path / "target.json", clock=clock), bundle, "bad.json")
    assert len(refused.value.problems) == 25
    assert str(refused.value).endswith("... and 15 more")


@pytest.mark.parametrize(
    ("behind", "edit", "refused"),
    [
        (pendulum.duration(minutes=1), {}, False),
        (pendulum.duration(days=1), {}, False),
        # Past what the file says it had happened by: refused, whatever the clock that wrote it.
        (pendulum.duration(minutes=1), {"at": "2026-11-23T09:10:00+09:00"}, True),
        # A clock more than a day ahead is not taken at its word: this machine's is.
        (pendulum.duration(days=2), {}, True),
        (pendulum.duration(minutes=1), {"exported_at": "2026-13-45T09:00+09:00"}, True),
    ],
    ids=["a-minute", "a-day", "after-the-export", "two-days", "unreadable-export-time"],
)
def test_an_export_from_a_clock_ahead_comes_back_whole_up_to_when_it_was_written(
    store, tmp_path, behind, edit, refused
):
    """An export written just after a log, on a machine whose clock is ahead of this one's: what it
    holds had happened by the time it was written, by that clock."""
    fill(store)
    bundle = json.loads(json.dumps(export_bundle(store)))
    logged_now = next(i for i in bundle["interactions"] if i["at"].startswith("2026-11-23T09:00"))
    if "at" in edit:
        logged_now["at"] = edit["at"]
    bundle["exported_at"] = edit.get("exported_at", bundle["exported_at"])
    target = Store(tmp_path / "target.json", clock=FixedClock(store.now() - behind))
    target.save_settings(Settings(timezone="America/New_York"))
    if refused:
        with pytest.raises(ImportRejected) as caught:
            plan_import(target, bundle, "ahead.json")
        assert f"({logged_now['id']}): " in str(caught.value)
        assert "is later than this machine's clock and than the time the file was written: check both" in str(
            caught.value
        )
        if "at" in edit:  # said in this store's zone, not in the one the export was written in
            assert ": 2026-11-22 19:10 is later than" in str(caught.value)
    else:
        import_into(target, bundle)
        assert len(target.interactions()) == len(bundle["interactions"])
        assert logged_now["id"] in target.record_ids("interactions")


def test_an_export_is_indented_for_people_to_read_and_ends_its_last_line(store):
    add_contact(store, "Ann", handles={"x": "@ann"})
    written = export_json(store)
    assert written.startswith(b'{\n  "') and written.endswith(b"\n}\n")


def test_records_a_hand_edit_left_without_their_optional_fields_export_whole_and_import_back(
    store, tmp_path, clock
):
    # The store reads such a record with the missing fields at their defaults; its export must be one
    # the import takes, with the record as the store reads it.
    from dailyreach.core.records.template import Template
    from dailyreach.core.store.templates import save_template

    fill(store)
    save_template(store, Template(name="Hi", purpose="first_dm", channel="x", body="Hi {name}"))
    data = json.loads(store.path.read_text())
    trimmed = {
        "contacts": ("why", "notes", "tags", "priority", "followers", "archived", "created_at"),
        "interactions": ("text",),
        "invitations": ("from", "event_date", "hours", "cost", "note", "decided_at"),
        "templates": ("channel", "language", "subject"),
    }
    for table, fields in trimmed.items():
        for body in data[table].values():
            for name in fields:
                body.pop(name, None)
    for plan in data["plans"].values():
        for item in plan["items"]:
            item.pop("follow_up_number")
    next(iter(data["contacts"].values()))["updated_at"] = None
    store.path.write_text(json.dumps(data, ensure_ascii=False))
    reopened = Store(store.path, clock=clock)
    assert reopened.problems() == []

    exported = json.loads(export_json(reopened))

    assert list(Draft202012Validator(export_schema()).iter_errors(exported)) == []
    interaction = exported["interactions"][0]
    assert interaction["text"] == ""
    assert exported["plans"][0]["items"][0]["follow_up_number"] == 0
    assert exported["contacts"][0]["priority"] == reopened.contacts()[0].priority
    fresh = Store(tmp_path / "fresh.json", clock=clock)
    import_into(fresh, exported)
    expected = without_time(exported)
    expected["contacts"][0]["updated_at"] = ""  # not known, either way
    assert without_time(export_bundle(fresh)) == expected
