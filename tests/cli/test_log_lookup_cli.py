"""``dailyreach log CONTACT``: CONTACT is an id, a handle, a name, or the start of one (of any word of
the name, or of a handle), through the installed command."""

import json

import pytest

from tests.conftest import run_cli


def test_log_finds_a_contact_by_any_word_of_its_name_or_the_start_of_a_handle(db_path):
    taro = run_cli("add", "山田 太郎", "--x", "@yamada", db=db_path).stdout.strip()
    family = run_cli("add", "👨‍👩‍👧 Family Emoji", db=db_path).stdout.strip()
    run_cli("add", "Ann", db=db_path)
    run_cli("add", "Ann Lee", db=db_path)
    for query, expected in (("太郎", taro), ("yama", taro), ("@yama", taro), ("Family", family)):
        run_cli("log", query, "note", "--text", query, db=db_path)
        interactions = json.loads(run_cli("export", db=db_path).stdout)["interactions"]
        assert [i["contact_id"] for i in interactions if i["text"] == query] == [expected]
    # An exact name still wins over the start of another: "Ann" is not ambiguous with "Ann Lee".
    run_cli("log", "ann", "note", "--text", "hi", db=db_path)
    missing = run_cli("log", "郎", "note", db=db_path, check=False)
    assert missing.returncode == 1 and "no contact matches '郎'" in missing.stderr
    both = run_cli("log", "an", "note", db=db_path, check=False)
    assert both.returncode == 1 and "'an' matches 2 contacts; use an id:" in both.stderr


def test_log_asks_for_an_id_when_a_word_of_one_name_and_anothers_handle_both_match(db_path):
    ann = run_cli("add", "Ann Red", "--x", "@annred", db=db_path).stdout.strip()
    zed = run_cli("add", "Zed", "--mastodon", "@red@mastodon.social", db=db_path).stdout.strip()
    both = run_cli("log", "red", "dm_sent", db=db_path, check=False)
    assert both.returncode == 1 and "'red' matches 2 contacts; use an id:" in both.stderr
    assert f"Ann Red ({ann}, @annred)" in both.stderr and f"Zed ({zed}, @red@mastodon.social)" in both.stderr
    assert json.loads(run_cli("export", db=db_path).stdout)["interactions"] == []
    run_cli("log", zed, "dm_sent", db=db_path)
    assert [i["contact_id"] for i in json.loads(run_cli("export", db=db_path).stdout)["interactions"]] == [
        zed
    ]


@pytest.mark.parametrize("query", ["ann", "Ann", "ANN"])
def test_a_word_that_is_one_contacts_handle_and_others_names_asks_for_an_id_in_any_case(db_path, query):
    """ "ann" is the GitHub user ann as much as it is both people named Ann: nobody is picked unsaid."""
    for name, option, handle in (
        ("Ann", "--x", "@ann1"),
        ("Ann", "--x", "@ann2"),
        ("ann", "--github", "ann"),
    ):
        run_cli("add", name, option, handle, db=db_path)
    asked = run_cli("log", query, "dm_sent", db=db_path, check=False)
    assert asked.returncode == 1 and f"{query!r} matches 3 contacts; use an id:" in asked.stderr
    assert json.loads(run_cli("export", db=db_path).stdout)["interactions"] == []
    run_cli("log", "@ann2", "dm_sent", db=db_path)
    assert len(json.loads(run_cli("export", db=db_path).stdout)["interactions"]) == 1


@pytest.mark.parametrize("query", ["ann", "Ann", "ANN"])
def test_a_handle_named_in_another_case_is_named_exactly(db_path, query):
    """GitHub's ann is Ann or ANN too: the handle wins over the start of Annabel's name in every case."""
    bob = run_cli("add", "Bob", "--github", "ann", db=db_path).stdout.strip()
    run_cli("add", "Annabel Cho", "--x", "@acho", db=db_path)
    run_cli("log", query, "note", "--text", "hi", db=db_path)
    assert [i["contact_id"] for i in json.loads(run_cli("export", db=db_path).stdout)["interactions"]] == [
        bob
    ]
