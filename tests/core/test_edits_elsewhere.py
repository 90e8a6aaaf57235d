"""Two windows (or a window and a command) on one database: an edit made in a form keeps what the other
saved since the form opened, a field changed both ways is refused naming it, and undo does not put back
a record someone changed since."""

from dataclasses import replace

import pytest

from dailyreach.core.errors import ChangeRefused, StoreError
from dailyreach.core.records.model import Contact
from dailyreach.core.store.edits import EditConflict, edited_over
from dailyreach.core.store.store import Store
from tests.conftest import add_contact


@pytest.fixture
def other(store, db_path, clock):
    """A second process's store on the same file."""
    return Store(db_path, clock=clock)


def test_each_window_keeps_the_field_it_changed(store, other):
    ann = add_contact(store, "Ann", handles={"x": "@ann"}, why="old")
    shown_here, shown_there = store.contact(ann.id), other.contact(ann.id)
    store.save_contact(replace(shown_here, why="from here"), based_on=shown_here)
    other.save_contact(replace(shown_there, tags=["there"]), based_on=shown_there)
    saved = store.contact(ann.id)
    assert (saved.why, saved.tags) == ("from here", ["there"])


def test_a_form_saved_unchanged_leaves_what_was_saved_meanwhile(store, other):
    ann = add_contact(store, "Ann", handles={"x": "@ann"}, why="old")
    shown_there = other.contact(ann.id)
    store.save_contact(replace(store.contact(ann.id), why="from here", priority=1), based_on=ann)
    other.save_contact(replace(shown_there), based_on=shown_there)
    assert (store.contact(ann.id).why, store.contact(ann.id).priority) == ("from here", 1)


def test_a_field_changed_both_ways_is_refused_then_saved_over_when_asked_again(store, other):
    ann = add_contact(store, "Ann", handles={"x": "@ann"}, why="old")
    shown_there = other.contact(ann.id)
    store.save_contact(replace(ann, why="from here"), based_on=ann)
    with pytest.raises(EditConflict) as refused:
        other.save_contact(replace(shown_there, why="from there", notes="n"), based_on=shown_there)
    assert refused.value.field == "why"
    assert str(refused.value) == (
        "Why: changed in another window or command since this form opened, to 'from here': "
        "Enter saves yours over it"
    )
    assert (store.contact(ann.id).why, store.contact(ann.id).notes) == ("from here", "")
    assert refused.value.stored == store.contact(ann.id)  # what the form saves over when asked again
    again = replace(shown_there, why="from there", notes="n")
    other.save_contact(again, based_on=refused.value.stored)
    assert (store.contact(ann.id).why, store.contact(ann.id).notes) == ("from there", "n")


def test_an_edit_of_a_contact_deleted_since_the_form_opened_is_refused_and_brings_nothing_back(store, other):
    # Saved, it came back with its old fields and without the history deleted with it.
    ann = add_contact(store, "Ann", handles={"x": "@ann"}, why="old")
    shown_there = other.contact(ann.id)
    store.delete_contact(ann.id)
    before = store.path.read_bytes()
    with pytest.raises(ChangeRefused) as refused:
        other.save_contact(replace(shown_there, why="from there"), based_on=shown_there)
    assert str(refused.value) == (
        "Ann was deleted in another window or command since this form opened: nothing was saved"
    )
    assert store.path.read_bytes() == before and store.contact(ann.id) is None


def test_handles_merge_platform_by_platform_the_forms_first():
    ann = Contact.from_dict({"name": "Ann", "handles": {"x": "@ann", "github": "ann"}})
    mine = replace(ann, handles={"bluesky": "ann.bsky.social", "x": "@ann"})  # github removed, bluesky added
    theirs = replace(ann, handles={"x": "@ann", "github": "ann", "email": "ann@example.com"})
    merged = edited_over(ann, mine, theirs)
    assert merged.handles == {"bluesky": "ann.bsky.social", "x": "@ann", "email": "ann@example.com"}
    elsewhere = replace(ann, handles={"x": "@ann3"})
    with pytest.raises(EditConflict) as refused:
        edited_over(ann, replace(ann, handles={"x": "@ann2"}), elsewhere)
    assert refused.value.field == "x" and refused.value.stored == elsewhere
    with pytest.raises(EditConflict) as refused:
        edited_over(ann, replace(ann, tags=["a"]), replace(ann, tags=["b", "c"]))
    assert "to 'b, c'" in str(refused.value)


def test_a_field_emptied_elsewhere_is_said_as_empty():
    ann = Contact.from_dict({"name": "Ann", "cadence_days": 7})
    with pytest.raises(EditConflict) as refused:
        edited_over(ann, replace(ann, cadence_days=14), replace(ann, cadence_days=None))
    assert refused.value.field == "cadence_days"
    assert "since this form opened, to '': Enter saves yours over it" in str(refused.value)


def test_the_same_change_made_in_both_is_no_conflict():
    ann = Contact.from_dict({"name": "Ann", "handles": {"x": "@ann"}})
    assert edited_over(ann, replace(ann, why="same"), replace(ann, why="same")).why == "same"


def test_undo_refuses_to_put_back_a_record_changed_since_elsewhere(store, other):
    ann = add_contact(store, "Ann", handles={"x": "@ann"}, why="old")
    store.history.clear()
    store.save_contact(replace(ann, why="edit here"), "edit Ann", based_on=ann)
    there = other.contact(ann.id)
    other.save_contact(replace(there, tags=["there"]), based_on=there)
    with pytest.raises(StoreError) as refused:
        store.undo()
    assert str(refused.value) == (
        "edit Ann cannot be undone: a record it changed was changed again since, in another window or command"
    )
    assert (store.contact(ann.id).why, store.contact(ann.id).tags) == ("edit here", ["there"])
    assert store.undo() is None  # refused once and for all: not offered again


def test_undo_still_reverses_a_change_nobody_touched_since(store, other):
    ann = add_contact(store, "Ann", handles={"x": "@ann"}, why="old")
    bob = add_contact(other, "Bob", handles={"x": "@bob"})
    store.history.clear()
    store.save_contact(replace(ann, why="edit here"), based_on=ann)
    other.save_contact(replace(bob, why="bob's"), based_on=bob)
    assert store.undo() is not None
    assert (store.contact(ann.id).why, store.contact(bob.id).why) == ("old", "bob's")
