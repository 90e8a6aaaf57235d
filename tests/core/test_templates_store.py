"""Templates in the store: defaults on first use, saving, undo, and the JSON export and import."""

import json

import pytest

from dailyreach.core.errors import StoreError, ValidationError
from dailyreach.core.files.exchange import apply_import, export_bundle, plan_import
from dailyreach.core.records.template import Template
from dailyreach.core.store.store import Store
from dailyreach.core.store.templates import (
    delete_template,
    ensure_default_templates,
    save_template,
    template_named,
    templates,
)
from tests.conftest import add_contact


def test_the_defaults_come_once_in_english_and_japanese(store):
    assert templates(store) == []
    assert ensure_default_templates(store) is True
    first = templates(store)
    assert {t.language for t in first} == {"en", "ja"}
    assert ensure_default_templates(store) is False
    assert templates(store) == first
    assert store.history == []  # not an undoable change: u never takes the defaults away


def test_deleting_every_template_does_not_bring_the_defaults_back(store):
    ensure_default_templates(store)
    for template in templates(store):
        delete_template(store, template)
    assert ensure_default_templates(store) is False
    assert templates(store) == []


def test_a_template_is_saved_edited_and_deleted_with_undo(store):
    mine = save_template(store, Template(name="Mine", purpose="first_dm", body="Hi {call_name}"))
    edited = Template.from_dict({**mine.to_dict(), "body": "Hello {call_name}"})
    save_template(store, edited)
    assert template_named(store, "mine").body == "Hello {call_name}"
    store.undo()
    assert template_named(store, "MINE").body == "Hi {call_name}"
    delete_template(store, mine)
    with pytest.raises(StoreError, match="no template called 'Mine'"):
        template_named(store, "Mine")
    assert store.undo() is not None
    assert template_named(store, mine.id).name == "Mine"


def test_two_templates_cannot_share_a_name(store):
    save_template(store, Template(name="Mine", purpose="first_dm", body="a"))
    with pytest.raises(ValidationError, match="already called 'Mine'"):
        save_template(store, Template(name="mine", purpose="follow_up_1", body="b"))
    with pytest.raises(ValidationError, match="already called 'Mine'"):
        save_template(store, Template(name="ＭＩＮＥ", purpose="follow_up_1", body="b"))
    assert [t.name for t in templates(store)] == ["Mine"]
    assert template_named(store, " ｍｉｎｅ ").name == "Mine"


def test_a_template_edited_by_hand_into_nonsense_is_skipped(store, db_path, clock):
    save_template(store, Template(name="Good", purpose="first_dm", body="a"))
    data = json.loads(db_path.read_text())
    data["templates"]["broken"] = {"id": "broken", "name": "Bad", "purpose": "first_dm", "body": "{oops}"}
    db_path.write_text(json.dumps(data))
    assert [t.name for t in templates(Store(db_path, clock=clock))] == ["Good"]


def test_doctor_lists_a_broken_template_and_repairs_one_it_can(store, db_path, clock):
    from dailyreach.core.store.doctor import repair

    save_template(store, Template(name="Good", purpose="first_dm", body="a"))
    data = json.loads(db_path.read_text())
    data["templates"]["broken"] = {"id": "broken", "name": "Bad", "purpose": "first_dm", "body": "{oops}"}
    data["templates"]["extra"] = {
        "id": "extra",
        "name": "Extra",
        "purpose": "first_dm",
        "body": "hi {name}",
        "colour": "blue",
    }
    db_path.write_text(json.dumps(data))
    reopened = Store(db_path, clock=clock)
    listed = {
        (problem.record_id, problem.field) for problem in reopened.problems() if problem.table == "templates"
    }
    assert listed == {("broken", "body"), ("extra", "template")}
    done = repair(reopened)
    assert [problem.record_id for problem in done.repaired] == ["extra"]
    assert [problem.record_id for problem in done.left] == ["broken"]
    assert sorted(t.name for t in templates(Store(db_path, clock=clock))) == ["Extra", "Good"]


def test_templates_and_call_names_travel_in_the_export_and_import_once(store, tmp_path, clock):
    ensure_default_templates(store)
    save_template(
        store, Template(name="Mine", purpose="meeting_ask", channel="email", body="Coffee, {name}?")
    )
    add_contact(store, "山田 太郎", call_name="太郎さん")
    bundle = json.loads(json.dumps(export_bundle(store)))
    assert len(bundle["templates"]) == len(templates(store))
    other = Store(tmp_path / "other.json", clock=clock)
    ensure_default_templates(other)  # the same defaults, by id: imported once, not twice
    apply_import(other, plan_import(other, bundle, "export.json"))
    assert sorted(t.name for t in templates(other)) == sorted(t.name for t in templates(store))
    assert other.contacts()[0].call_name == "太郎さん"
    again = plan_import(other, bundle, "export.json")
    assert again.added["templates"] == 0 and again.added["contacts"] == 0


def test_an_older_export_without_templates_or_call_names_still_imports(store, tmp_path, clock):
    add_contact(store, "Ann")
    bundle = json.loads(json.dumps(export_bundle(store)))
    del bundle["templates"]
    for body in bundle["contacts"]:
        del body["call_name"]
    del bundle["settings"]["my_name"]
    other = Store(tmp_path / "other.json", clock=clock)
    apply_import(other, plan_import(other, bundle, "old.json"))
    assert other.contacts()[0].call_name == ""


def test_an_imported_template_with_an_unknown_placeholder_is_refused(store):
    bundle = json.loads(json.dumps(export_bundle(store)))
    bundle["templates"] = [
        {"id": "t1", "name": "x", "purpose": "first_dm", "channel": None, "body": "{nmae}"}
    ]
    with pytest.raises(Exception, match=r"templates\[0\]\.body \(t1\): unknown placeholder \{nmae\}"):
        plan_import(store, bundle, "bad.json")


@pytest.fixture
def in_japanese():
    from dailyreach import i18n

    i18n.use_language("ja")
    yield
    i18n.use_language("en")


def test_defaults_made_in_japanese_are_named_in_english_when_english_is_in_use(store, in_japanese):
    from dailyreach import i18n

    ensure_default_templates(store)
    assert "最初のDM (en, linkedin)" in {t.name for t in templates(store)}
    i18n.use_language("en")
    names = {t.name for t in templates(store)}
    assert "first DM (en, linkedin)" in names and "最初のDM (en, linkedin)" not in names
    assert template_named(store, "first DM (ja)").id == "default-ja-first_dm"
    assert "最初のDM" in json.dumps(store.documents("templates"), ensure_ascii=False)  # the file as it was


def test_a_renamed_default_keeps_the_name_it_was_given(store, in_japanese):
    from dailyreach import i18n

    ensure_default_templates(store)
    renamed = template_named(store, "最初のDM (en)")
    save_template(store, Template(**{**renamed.to_dict(), "name": "My first DM"}))
    i18n.use_language("en")
    assert template_named(store, "my first dm").id == renamed.id
    with pytest.raises(StoreError):
        template_named(store, "first DM (en)")


def test_a_template_of_the_users_own_keeps_a_default_like_name(store):
    save_template(store, Template(name="最初のDM (en)", purpose="first_dm", body="Hi {call_name}"))
    assert [t.name for t in templates(store)] == ["最初のDM (en)"]


def test_an_unknown_template_lists_a_dozen_names_and_counts_the_rest(store):
    for index in range(13):
        save_template(store, Template(name=f"Mine {index:02}", purpose="first_dm", body="Hi"))
    count = len(templates(store))
    with pytest.raises(StoreError) as refused:
        template_named(store, "nope")
    said = str(refused.value)
    listed = [template.name for template in templates(store)]
    assert all(repr(name) in said for name in listed[:12]) and repr(listed[12]) not in said
    assert said.endswith(f" and {count - 12} more (dailyreach template list shows them all)")


def test_an_unknown_template_among_a_dozen_lists_them_all(store):
    for template in templates(store):
        delete_template(store, template)
    for index in range(12):
        save_template(store, Template(name=f"Mine {index:02}", purpose="first_dm", body="Hi"))
    said = str(pytest.raises(StoreError, template_named, store, "nope").value)
    assert said.endswith("'Mine 11'") and "more" not in said


def test_what_undo_names_of_a_template_and_its_deletion(store):
    mine = save_template(store, Template(name="Mine", purpose="first_dm", body="Hi {call_name}"))
    assert store.history[-1].label == "template Mine"
    save_template(store, Template(name="Yours", purpose="first_dm", body="Hi"), "a label of the caller's")
    assert store.history[-1].label == "a label of the caller's"
    delete_template(store, mine)
    assert store.history[-1].label == "deletion of template Mine"


def test_a_shared_name_is_refused_as_the_names_field(store):
    save_template(store, Template(name="Mine", purpose="first_dm", body="a"))
    with pytest.raises(ValidationError) as refused:
        save_template(store, Template(name="mine", purpose="follow_up_1", body="b"))
    assert (refused.value.field, str(refused.value)) == (
        "name",
        "Name: another template is already called 'Mine'",
    )


def test_with_no_template_yet_an_unknown_one_says_so(store):
    with pytest.raises(StoreError) as refused:
        template_named(store, "Mine")
    assert str(refused.value) == "no template called 'Mine'; there are: none yet"


def test_a_template_is_read_with_its_fields_named_and_any_channel_as_none():
    with pytest.raises(ValidationError) as refused:
        Template.from_dict({"name": "", "purpose": "first_dm", "body": "Hi"})
    assert str(refused.value) == "Name: must not be empty"
    with pytest.raises(ValidationError) as refused:
        Template.from_dict({"name": "Mine", "purpose": "first_dm", "body": "Hi", "subject": "s" * 1000})
    assert str(refused.value).startswith("Subject: ")
    assert (
        Template.from_dict({"name": "M", "purpose": "first_dm", "body": "Hi", "channel": "any"}).channel
        is None
    )
    kept = Template.from_dict({"name": "M", "purpose": "first_dm", "body": "Hi", "subject": "A question"})
    assert kept.subject == "A question"


def test_a_template_not_found_names_those_there_are(store):
    for name in ("Alpha", "Beta"):
        save_template(store, Template(name=name, purpose="first_dm", body="Hi"))
    with pytest.raises(StoreError) as refused:
        template_named(store, " Gamma ")
    assert str(refused.value) == "no template called 'Gamma'; there are: 'Alpha', 'Beta'"


def test_a_default_answers_to_its_name_in_every_language_and_none_may_take_it(store):
    """A script naming "first DM (en)" broke once the app was switched to Japanese, where it is shown
    as "最初のDM (en)"; and a template of one's own could take the other language's name."""
    ensure_default_templates(store)
    assert template_named(store, "最初のDM (en)").id == template_named(store, "first DM (en)").id
    with pytest.raises(ValidationError, match=r"already called 'first DM \(en\)'"):
        save_template(store, Template(name="最初のDM (en)", purpose="first_dm", body="Hi {call_name}"))
    with pytest.raises(StoreError, match="no template called 'first DM'"):
        template_named(store, "first DM")


def test_a_store_that_cannot_be_saved_reads_the_defaults_it_would_be_given(store):
    store.path.chmod(0o400)
    try:
        assert ensure_default_templates(store) is False
        names = [template.name for template in templates(store)]
    finally:
        store.path.chmod(0o600)
    assert "first DM (en)" in names and "first DM (ja)" in names
    assert templates(store) == []  # writable again, they are added on their first use, not before


def test_a_store_that_cannot_be_saved_reads_a_default_it_holds_once(store):
    # One default there already (an import brought it) is not read twice.
    from dailyreach.core.planning.default_templates import default_templates

    first = default_templates()[0]
    save_template(store, first)
    store.path.chmod(0o400)
    try:
        names = [template.name for template in templates(store)]
    finally:
        store.path.chmod(0o600)
    assert names.count(first.name) == 1 and len(names) == len(default_templates())
