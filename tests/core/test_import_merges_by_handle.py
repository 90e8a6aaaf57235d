"""An export's contact with a handle a contact of the store already has is that person: the records that
name them (a snooze, a day's plan) name the store's contact once imported."""

import orjson
import pytest

from dailyreach.core.errors import ImportRejected
from dailyreach.core.files.exchange import apply_import, export_json, plan_import
from dailyreach.core.records.model import DayPlan, PlanItem, Snooze
from dailyreach.core.store.store import Store
from tests.conftest import add_contact


def test_a_merged_contacts_snooze_and_plan_name_the_contact_already_here(tmp_path, clock):
    laptop = Store(tmp_path / "laptop.json", clock=clock)
    ann_there = add_contact(laptop, "Ann", handles={"x": "@ann"})
    bob = add_contact(laptop, "Bob", handles={"x": "@bob"})
    laptop.snooze(Snooze(contact_id=ann_there.id, until="2026-12-01"))
    planned = [PlanItem(contact_id=ann_there.id, reason="new"), PlanItem(contact_id=bob.id, reason="new")]
    laptop.save_plan(DayPlan(date="2026-11-20", items=planned))
    exported = orjson.loads(export_json(laptop))
    here = Store(tmp_path / "here.json", clock=clock)
    ann_here = add_contact(here, "Ann Smith", handles={"x": "@ANN"})
    plan = plan_import(here, exported, "laptop.json")
    assert plan.added["contacts"] == 1 and plan.already_present["contacts"] == 1
    apply_import(here, plan)
    assert sorted(contact.id for contact in here.contacts()) == sorted([ann_here.id, bob.id])
    assert here.snoozes() == {ann_here.id: "2026-12-01"}
    assert [item.contact_id for item in here.plan("2026-11-20").items] == [ann_here.id, bob.id]


def test_an_archived_contact_here_is_the_same_person_and_the_stores_own_contacts_do_not_end_the_search(
    tmp_path, clock
):
    """The file's first contact is one of the store's own (the same id, as an earlier import of it left
    it); the next is an archived contact of the store by handle: merged into it, not added again."""
    laptop = Store(tmp_path / "laptop.json", clock=clock)
    shared = add_contact(laptop, "Cho", handles={"x": "@cho"})
    add_contact(laptop, "Ann", handles={"x": "@ann"})
    exported = orjson.loads(export_json(laptop))
    here = Store(tmp_path / "here.json", clock=clock)
    here.save_contact(shared)
    ann_here = add_contact(here, "Ann Smith", handles={"x": "@ANN"}, archived=True)
    plan = plan_import(here, exported, "laptop.json")
    assert (plan.added["contacts"], plan.already_present["contacts"]) == (0, 2)
    apply_import(here, plan)
    assert sorted(c.id for c in here.contacts(include_archived=True)) == sorted([shared.id, ann_here.id])


def test_a_refused_record_of_a_merged_contact_is_named_by_the_files_id(tmp_path, clock):
    """The problem is looked up in the file: named by the store's id, which the file does not hold, it
    could not be found there."""
    laptop = Store(tmp_path / "laptop.json", clock=clock)
    ann_there = add_contact(laptop, "Ann", handles={"x": "@ann"})
    laptop.snooze(Snooze(contact_id=ann_there.id, until="2026-12-01"))
    exported = orjson.loads(export_json(laptop))
    exported["snoozes"][0]["until"] = "2026-02-30"
    here = Store(tmp_path / "here.json", clock=clock)
    add_contact(here, "Ann Smith", handles={"x": "@ANN"})
    with pytest.raises(ImportRejected) as refused:
        plan_import(here, exported, "laptop.json")
    [problem] = refused.value.problems
    assert problem.startswith(f"snoozes[0].until ({ann_there.id}): ")
