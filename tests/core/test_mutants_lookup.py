"""Behaviour of ``lookup.py`` that mutation testing found no test pinned: what an ambiguous or handle
lookup says and finds (the installed command's tests saw it, out of the mutation runs' sight)."""

import pytest

from dailyreach.core.planning.lookup import (
    CANDIDATES_SHOWN,
    Ambiguous,
    describe,
    find_contact,
    find_invitation,
)
from dailyreach.core.records.model import Contact, Invitation


def contact(name: str, **handles: str) -> Contact:
    return Contact.from_dict({"name": name, "handles": handles})


def test_a_contact_is_described_by_name_id_and_first_handle_if_any():
    ann = contact("Ann", x="@ann", github="ann")
    assert describe(ann) == f"Ann ({ann.id}, @ann)"
    bo = contact("Bo")
    assert describe(bo) == f"Bo ({bo.id})"


@pytest.mark.parametrize("query", ["x.com/ann", "http://x.com/ann", "https://www.x.com/ann", "@ann"])
def test_a_handle_finds_its_contact_however_it_is_written(query):
    ann, other = contact("Ann Lee", x="@ann"), contact("Ann Other", x="@annother")
    assert find_contact([other, ann], query) is ann


def test_one_handle_two_contacts_have_is_ambiguous_and_lists_them_as_contacts():
    first, second = contact("Ann", x="@ann"), contact("Annie", x="@ann")
    with pytest.raises(Ambiguous) as refused:
        find_contact([first, second], "@ann")
    assert str(refused.value) == (
        f"'@ann' matches 2 contacts; use an id:\n  Ann ({first.id}, @ann)\n  Annie ({second.id}, @ann)"
    )


def test_as_many_matches_as_are_shown_are_all_listed_and_one_more_is_counted():
    shown = [contact(f"Sam {index}") for index in range(CANDIDATES_SHOWN)]
    with pytest.raises(Ambiguous) as refused:
        find_contact(shown, "sam")
    assert str(refused.value).splitlines()[1:] == [f"  {describe(person)}" for person in shown]
    with pytest.raises(Ambiguous) as refused:
        find_contact([*shown, contact("Sam last")], "sam")
    lines = str(refused.value).splitlines()
    assert lines[0] == f"'sam' matches {CANDIDATES_SHOWN + 1} contacts; use an id:"
    assert lines[-1] == "  ... and 1 more"


def test_invitations_of_one_title_are_ambiguous_as_invitations():
    one, two = (Invitation.from_dict({"title": "Founder mixer"}) for _ in range(2))
    with pytest.raises(Ambiguous) as refused:
        find_invitation([one, two], "founder mixer")
    assert str(refused.value) == (
        f"'founder mixer' matches 2 invitations; use an id:\n  Founder mixer ({one.id})\n"
        f"  Founder mixer ({two.id})"
    )
    exact = Invitation.from_dict({"title": "Founder"})
    assert find_invitation([one, exact], "founder") is exact  # a whole title before a title's start


def test_the_start_of_a_web_address_finds_its_contact_without_its_scheme_or_www():
    zed = contact("Zed", web="http://ann.dev")
    yo = contact("Yo", web="https://www.bo.dev")
    assert find_contact([zed, yo], "ann.d") is zed
    assert find_contact([zed, yo], "bo.d") is yo
