"""Imports on real files: a name made from a handle has no leading @ (and on Mastodon no server),
whichever reader made it, and a LinkedIn day that is not one is left out of the notes and said under
its line."""

from dailyreach.core.files.contact_import import preview_import


def test_a_csv_row_with_only_a_handle_is_named_by_it_without_its_at(store, tmp_path):
    sheet = tmp_path / "handles.csv"
    sheet.write_text("name,mastodon,x\n,@bob@hachyderm.io,\n,,@carol\nDan,,@dan\n", encoding="utf-8")
    preview = preview_import(store, sheet)
    assert [(contact.name, contact.handles) for _line, contact in preview.added] == [
        ("bob", {"mastodon": "@bob@hachyderm.io"}),
        ("carol", {"x": "@carol"}),
        ("Dan", {"x": "@dan"}),
    ]
    assert "line 2: no name in the file: named bob" in preview.notices


def test_mastodon_names_are_the_accounts_without_a_leading_at_or_their_server(store, tmp_path):
    follows = tmp_path / "following_accounts.csv"
    follows.write_text("Account address,Show boosts\n@bob@hachyderm.io,true\ngargron@mastodon.social,true\n")
    preview = preview_import(store, follows)
    assert [contact.name for _line, contact in preview.added] == ["bob", "gargron"]


def test_a_linkedin_connected_on_that_names_no_day_is_left_out_and_reported(store, tmp_path):
    connections = tmp_path / "Connections.csv"
    connections.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Ann,Lee,https://www.linkedin.com/in/annlee,,,,sometime\n"
        "Bo,Kim,https://www.linkedin.com/in/bokim,,,,2024-03-05\n"
        "Cy,Oh,https://www.linkedin.com/in/cyoh,,,,\n"
        "Di,Wu,https://www.linkedin.com/in/diwu,,,,2024/11/05\n"  # as a spreadsheet saves it again
        "Ed,Ng,https://www.linkedin.com/in/edng,,,,05 Nov 2024\n",
        encoding="utf-8",
    )
    preview = preview_import(store, connections)
    assert [contact.notes for _line, contact in preview.added] == [
        "",
        "LinkedIn connection since 2024-03-05",
        "",
        "LinkedIn connection since 2024-11-05",
        "LinkedIn connection since 2024-11-05",
    ]
    assert preview.notices == [
        "line 2: Connected On 'sometime' is not a date (such as 05 Mar 2024): left out"
    ]


def test_a_huge_value_a_row_cannot_use_is_quoted_cut_short_in_its_notice(store, tmp_path):
    # A 60 KB "Connected On" cell, or a long profile address, was written back whole under its line.
    connections = tmp_path / "Connections.csv"
    connections.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        f"Ann,Lee,https://www.linkedin.com/in/annlee,,,,{'9' * 60_000}\n"
        f"Bo,Kim,https://www.linkedin.com/in/{'b' * 600},,,,\n",
        encoding="utf-8",
    )
    notices = preview_import(store, connections).notices
    assert all(len(notice) < 300 for notice in notices), [len(notice) for notice in notices]
    assert (
        "line 2: Connected On '" + "9" * 54 + "...9' is not a date (such as 05 Mar 2024): left out" in notices
    )
    assert any(
        notice.startswith("line 3: 'https://www.linkedin.com/in/" + "b" * 26 + "...b' kept in notes: ")
        for notice in notices
    )
