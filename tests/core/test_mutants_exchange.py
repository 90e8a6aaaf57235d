"""What an import of a JSON export says and counts (``exchange.plan_import``), pinned where mutation
testing found no test in its sight: the installed command's tests say most of it, out of the runs' sight."""

import json

import pytest

from dailyreach.core.errors import ImportRejected
from dailyreach.core.files.exchange import export_bundle, plan_import
from tests.core.test_exchange import fill


def refusal(store, data) -> list[str]:
    with pytest.raises(ImportRejected) as refused:
        plan_import(store, data, "in.json")
    assert str(refused.value).startswith("in.json was not imported; nothing was changed:\n  ")
    return refused.value.problems


def test_a_database_file_is_told_apart_from_an_export_with_the_way_to_export_it(store):
    fill(store)
    assert refusal(store, json.loads(store.path.read_text())) == [
        "this is a dailyreach database, not an export: open it with dailyreach --db in.json, "
        "or write an export of it with dailyreach --db in.json export -o FILE"
    ]


def test_a_json_object_with_no_format_is_said_in_one_line(store):
    assert refusal(store, {"contacts": []}) == [
        'this JSON file is not a dailyreach export: it has no "format": "dailyreach", as dailyreach '
        "export writes it; contacts come in as CSV or vCard"
    ]


@pytest.mark.parametrize(("data", "kind"), [([], "a list"), ("export", "text"), (None, "null")])
def test_json_that_is_no_object_says_what_it_holds(store, data, kind):
    assert refusal(store, data) == [
        f'this JSON file holds {kind}, not a dailyreach export (an object with "format": "dailyreach", '
        "as dailyreach export writes it); contacts come in as CSV or vCard"
    ]


def test_an_id_the_file_holds_twice_is_refused_by_its_place_and_id(store, tmp_path, clock):
    from dailyreach.core.store.store import Store

    fill(store)
    bundle = json.loads(json.dumps(export_bundle(store)))
    bundle["invitations"].append(dict(bundle["invitations"][0]))
    invitation_id = bundle["invitations"][0]["id"]
    fresh = Store(tmp_path / "fresh.json", clock=clock)
    assert refusal(fresh, bundle) == [f"invitations[1]: the id {invitation_id!r} appears twice"]


def test_every_refused_record_is_listed_each_by_its_place_and_id(store):
    fill(store)
    bundle = json.loads(json.dumps(export_bundle(store)))
    bundle["contacts"][0]["handles"] = {"x": "@@bad"}
    bundle["contacts"][1]["handles"] = {"x": "@@worse"}
    problems = refusal(store, bundle)
    assert [problem.split(":")[0] for problem in problems] == [
        f"contacts[0].x ({bundle['contacts'][0]['id']})",
        f"contacts[1].x ({bundle['contacts'][1]['id']})",
    ]


def test_records_already_there_are_each_counted(store):
    fill(store)
    plan = plan_import(store, json.loads(json.dumps(export_bundle(store))), "same.json")
    assert plan.already_present["contacts"] == 2
    assert plan.already_present["interactions"] == 2
    assert sum(plan.added.values()) == 0


def test_contacts_already_here_by_handle_are_each_counted_as_present(store, tmp_path, clock):
    from dailyreach.core.store.store import Store
    from tests.conftest import add_contact

    elsewhere = Store(tmp_path / "elsewhere.json", clock=clock)
    add_contact(elsewhere, "Ann", handles={"x": "@ann"})
    add_contact(elsewhere, "Bo", handles={"x": "@bo"})
    add_contact(store, "Ann Smith", handles={"x": "@ANN"})
    add_contact(store, "Bo Lee", handles={"x": "@bo"})
    plan = plan_import(store, json.loads(json.dumps(export_bundle(elsewhere))), "elsewhere.json")
    assert (plan.already_present["contacts"], plan.added["contacts"]) == (2, 0)


def test_settings_the_file_holds_wrong_are_refused_by_their_field(store):
    fill(store)
    bundle = json.loads(json.dumps(export_bundle(store)))
    bundle["settings"]["timezone"] = "Mars/Olympus"  # past the schema, refused by the settings' own check
    problems = refusal(store, bundle)
    assert len(problems) == 1 and problems[0].startswith("settings.timezone: ")
