"""Importing the files people have: every rule of each format, on the fixture files in tests/fixtures."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dailyreach.core.errors import ImportRejected
from dailyreach.core.files.contact_import import apply_import_preview, preview_import
from dailyreach.core.planning.drafts import default_call_name
from dailyreach.core.planning.lookup import find_contact
from tests.conftest import FIXTURES, add_contact


def preview(store, name, **options):
    return preview_import(store, FIXTURES / name, **options)


def added(result) -> dict[int, tuple]:
    return {line: (c.name, c.handles) for line, c in result.added}


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("Connections.csv", "linkedin"),
        ("following_accounts.csv", "mastodon"),
        ("following_accounts_old.csv", "mastodon"),
        ("contacts.vcf", "vcard"),
        ("people.csv", "csv"),
        ("people_shift_jis.csv", "csv"),
    ],
)
def test_the_format_is_detected_from_the_content(store, name, fmt):
    assert preview(store, name).format == fmt


def test_an_unrecognised_file_says_which_formats_were_tried(store):
    with pytest.raises(ImportRejected, match="tried json, linkedin, mastodon, vcard, csv"):
        preview(store, "unknown.csv")


def test_a_tag_too_long_is_refused_once_for_the_file_not_on_every_row(store):
    with pytest.raises(ImportRejected) as caught:
        preview(store, "people.csv", tags=("ok", "x" * 51))
    assert caught.value.problems == [f"Tags: '{'x' * 51}' is 51 characters long; a tag is at most 50"]
    assert preview(store, "people.csv", tags=("x" * 50,)).added


def test_a_format_given_that_does_not_fit_the_file_is_refused(store):
    with pytest.raises(ImportRejected, match="no LinkedIn header"):
        preview(store, "people.csv", fmt="linkedin")
    with pytest.raises(ImportRejected, match="the first line is not Mastodon's header"):
        preview(store, "people.csv", fmt="mastodon")


def test_linkedin_finds_the_header_below_the_notes_and_reads_every_rule(store):
    result = preview(store, "Connections.csv")
    assert added(result) == {
        5: ("Ann Smith", {"linkedin": "ann-smith"}),
        6: ("山田 太郎", {"linkedin": "taro-yamada-123", "email": "taro@example.jp"}),
        11: ("Carla Díaz", {"linkedin": "carla-diaz"}),
    }
    ann = result.added[0][1]
    assert ann.notes == "Head of Growth, APAC at Stripe\nLinkedIn connection since 2025-12-07"
    assert ann.tags == ["linkedin"]
    assert result.added[1][1].notes.endswith("since 2026-01-01")
    assert result.added[2][1].notes.startswith('Founder at Acme "Labs", Ltd')
    assert result.skipped == [
        (7, "15 Mar 2024", "the person has left LinkedIn"),
        (9, "Bob Lee", "same person as line 5 (same LinkedIn ann-smith)"),
    ]
    # LinkedIn writes all seven fields on every row: a shorter one is a broken line.
    assert result.bad == [(10, "Broken", "3 fields where the header has 7")]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "Connections.csv",
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            "健,高橋,https://www.linkedin.com/in/ken-takahashi-123,,Acme,CEO,12 Mar 2024\n",
        ),
        ("people.csv", "First Name,Last Name,x\n健,高橋,@kent\n"),
        ("people.vcf", "BEGIN:VCARD\nVERSION:3.0\nN:高橋;健;;;\nX-TWITTER:kent\nEND:VCARD\n"),
    ],
    ids=["linkedin", "csv", "vcard"],
)
def test_a_japanese_given_and_family_name_are_joined_family_name_first(store, tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    apply_import_preview(store, preview_import(store, path))
    ken = store.contacts()[0]
    assert ken.name == "高橋 健"
    assert default_call_name(ken.name) == "高橋さん"
    assert find_contact(store.contacts(), "高橋") == ken


def test_mastodon_addresses_become_handles_and_duplicates_differ_only_in_case(store):
    result = preview(store, "following_accounts.csv")
    assert added(result) == {
        2: ("ann", {"mastodon": "@ann@mastodon.social"}),
        3: ("yamada", {"mastodon": "@yamada@mstdn.jp"}),
    }
    assert result.added[0][1].tags == ["mastodon"]
    assert [row[0] for row in result.skipped] == [6]
    assert result.bad[0][:2] == (5, "not a handle")


def test_vcards_3_and_4_with_folded_lines_social_profiles_and_a_broken_card(store):
    result = preview(store, "contacts.vcf")
    ann, yamada, dana = (contact for _, contact in result.added)
    assert ann.handles == {"email": "ann@example.com", "x": "@ann", "linkedin": "ann-smith"}
    assert (
        ann.notes
        == "Met online. Sold her startup to Stripe, now angel investing. Ask about pricing the first version."
    )
    assert ann.tags == ["investors", "saas"]
    assert yamada.name == "山田 太郎"
    assert yamada.handles == {
        "email": "taro@example.jp",
        "bluesky": "yamada.bsky.social",
        "x": "@taro_y",
        "mastodon": "@yamada@mstdn.jp",
    }
    assert dana.handles == {"github": "danalee"}
    assert result.skipped == [(23, "Bob Lee", "same person as line 1 (same e-mail ANN@example.com)")]
    assert result.bad == [(28, "BEGIN:VCARD", "the card is never closed with END:VCARD")]
    # What a contact has no field for is kept in its notes, and the preview says so.
    assert yamada.notes == "X: https://x.com/taro_second\nIM: xmpp:taro@jabber.example"
    assert result.notices == [
        "kept in the contacts' notes, as dailyreach has no field for them: a second X handle (1 contact), "
        "instant messaging (1 contact)"
    ]


def test_csv_columns_are_matched_by_name_and_the_others_kept_in_notes(store):
    result = preview(store, "people.csv")
    dana = result.added[0][1]
    assert (dana.name, dana.why, dana.tags, dana.priority, dana.notes) == (
        "Dana Lee, PhD",
        "Raised a seed round; ask about investors",
        ["investors", "saas"],
        1,
        "Company: Acme",
    )
    assert added(result)[3] == ("佐藤 花子", {"x": "@hanako_s"})
    assert result.added[1][1].tags == ["hr", "japan"]
    # A row with no name but a handle is named after the handle, without its @.
    assert added(result)[6] == ("nobody_here", {"x": "@nobody_here"})
    assert [(line, reason) for line, _, reason in result.bad] == [
        (7, "Priority: 'nine' is not a whole number"),
        (8, "9 fields where the header has 7"),
        (9, "X: 'not a handle!!': must not contain spaces"),
    ]
    assert result.notices == [
        "kept in the contacts' notes, as dailyreach has no field for them: organisation (2 contacts)",
        "line 6: no name in the file: named nobody_here",
    ]


def test_shift_jis_and_utf8_with_a_bom_read_the_same_japanese(store):
    shift_jis, bom = preview(store, "people_shift_jis.csv"), preview(store, "people_utf8_bom.csv")
    assert (shift_jis.encoding, bom.encoding) == ("Shift_JIS (CP932)", "UTF-8 with BOM")
    assert added(shift_jis) == added(bom)
    assert added(bom)[2] == ("山田 太郎", {"email": "taro@example.jp"})
    assert [c.notes for _, c in shift_jis.added] == ["上場経験あり。採用について", "ｶﾅ混じりのメモ"]


def test_a_file_in_another_encoding_is_refused_not_misread_and_encoding_fixes_it(store):
    with pytest.raises(ImportRejected, match="neither UTF-8 nor Japanese Shift_JIS"):
        preview(store, "latin1.csv")
    assert added(preview(store, "latin1.csv", encoding="cp1252")) == {
        2: ("Réne Müller", {"email": "rene@example.de"})
    }


def test_contacts_already_in_the_store_are_skipped_and_a_same_name_only_warns(store):
    add_contact(store, "Annie S.", handles={"linkedin": "https://www.linkedin.com/in/Ann-Smith/"})
    add_contact(store, "Carla Díaz", handles={"x": "@carla"})
    result = preview(store, "Connections.csv")
    assert (
        5,
        "Ann Smith",
        "already in your contacts as Annie S. (same LinkedIn ann-smith)",
    ) in result.skipped
    assert [line for line, _ in result.added] == [6, 11]
    assert (
        "line 11: Carla Díaz has the same name as Carla Díaz in your contacts; added anyway" in result.notices
    )


def test_a_row_sharing_a_handle_with_a_row_skipped_as_already_a_contact_is_skipped_too(store, tmp_path):
    # On an empty store the second row is "same person as line 2": it was added when the first row had
    # been skipped because its person was a contact already.
    add_contact(store, "Ann Smith", handles={"x": "@ann"})
    rows = tmp_path / "people.csv"
    rows.write_text("Name,X,Email\nAnn Smith,@ann,ann@example.com\nBob Lee,,ANN@example.com\n")
    result = preview_import(store, rows)
    assert result.added == []
    assert [(line, reason) for line, _name, reason in result.skipped] == [
        (2, "already in your contacts as Ann Smith (same X @ann)"),
        (3, "already in your contacts as Ann Smith (same e-mail ANN@example.com)"),
    ]


def test_tags_are_added_and_the_import_is_one_change_that_undo_takes_back(store):
    before = store.path.read_bytes()
    result = preview(store, "contacts.vcf", tags=("friends",))
    assert store.path.read_bytes() == before
    apply_import_preview(store, result)
    assert sorted(c.name for c in store.contacts()) == ["Ann Smith", "Dana Lee", "山田 太郎"]
    assert all("friends" in c.tags for c in store.contacts())
    assert all(c.created_at for c in store.contacts())
    store.undo()
    assert store.contacts() == []


def test_importing_the_same_file_twice_adds_nothing_the_second_time(store):
    apply_import_preview(store, preview(store, "Connections.csv"))
    again = preview(store, "Connections.csv")
    assert again.added == [] and len(again.skipped) == 5


def test_a_missing_file_and_an_empty_file_are_clear_errors(store, tmp_path):
    with pytest.raises(ImportRejected, match="cannot be read"):
        preview_import(store, tmp_path / "nope.csv")
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(ImportRejected, match="the file is empty"):
        preview_import(store, tmp_path / "empty.csv")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('name,x\n"unterminated,@foo\nBob,@bob\n', 2),
        ('name,x\r\nAnn,@ann\r\n"unterminated,@foo\r\n"Bob","@bob"\r\n"Cy","@cy"\r\n', 3),
        (
            "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            'Ann,Smith,https://www.linkedin.com/in/ann-smith,,"Acme, Inc,CEO,1 Jan 2026\n'
            "Bob,Lee,https://www.linkedin.com/in/bob-lee,,Foo,CTO,1 Jan 2026\n",
            2,
        ),
        ('name,x,why\nAlpha,@alpha1,ok\n"Beta,@beta1,x\n', 3),
        ('name,x,why\nAlpha,@alpha1,ok\n"Beta,@beta1,x', 3),
    ],
    ids=["to the end", "to the next quote", "linkedin", "in the last row", "in the last row, no line end"],
)
def test_an_unclosed_quote_refuses_the_file_naming_its_line_not_swallowing_the_rows_after(
    store, tmp_path, text, line
):
    (tmp_path / "people.csv").write_text(text, encoding="utf-8")
    with pytest.raises(
        ImportRejected, match=f'line {line}: a quote \\("\\) opened in this row is not closed'
    ):
        preview_import(store, tmp_path / "people.csv")
    # A field over several lines whose quotes are right still comes in whole.
    (tmp_path / "notes.csv").write_text('name,notes\n"Ann","one\ntwo ""2"""\nBob,x\n', encoding="utf-8")
    assert [(c.name, c.notes) for _, c in preview_import(store, tmp_path / "notes.csv").added] == [
        ("Ann", 'one\ntwo "2"'),
        ("Bob", "x"),
    ]
    # Loose quotes on one line are read as ever: only a record that ran over lines is read strictly.
    (tmp_path / "loose.csv").write_text('name,notes\n"Ann" Smith,a 27" screen\n', encoding="utf-8")
    assert [(c.name, c.notes) for _, c in preview_import(store, tmp_path / "loose.csv").added] == [
        ("Ann Smith", 'a 27" screen'),
    ]
    # The record read strictly is that one alone, not the loose quotes in the rows before it.
    (tmp_path / "both.csv").write_text(
        'name,notes\n"Ann" Smith,a 27" screen\n"Bo","one\ntwo"\nCy,x\n', encoding="utf-8"
    )
    assert [c.name for _, c in preview_import(store, tmp_path / "both.csv").added] == [
        "Ann Smith",
        "Bo",
        "Cy",
    ]
    # Tabs between fields: a field over several lines is read with them, not with commas (read with
    # commas, the tab after its closing quote was text after a quoted field).
    (tmp_path / "notes.tsv").write_text(
        'name\tnotes\twhy\nAnn\t"one, two\nthree"\tpricing\nBob\tx\ty\n', encoding="utf-8"
    )
    assert [(c.name, c.notes, c.why) for _, c in preview_import(store, tmp_path / "notes.tsv").added] == [
        ("Ann", "one, two\nthree", "pricing"),
        ("Bob", "x", "y"),
    ]


def test_a_dailyreach_json_export_still_imports_through_the_same_door(store, tmp_path):
    from dailyreach.core.files.exchange import export_json

    add_contact(store, "Ann", handles={"x": "@ann"})
    (tmp_path / "export.json").write_bytes(export_json(store))
    result = preview_import(store, tmp_path / "export.json", tags=("x",))
    assert result.format == "json" and not result.adds_anything
    assert result.notices == ["tags not added (x): a JSON export is imported as it is"]


def test_escape_sequences_and_huge_cells_in_a_file_never_reach_the_preview(store, tmp_path):
    path = tmp_path / "evil.csv"
    name = "\x1b]0;owned\x07\x1b[2JMallory" + "x" * 5000
    path.write_text(f"name,x\n{name},not a handle!!\n\x1b[31mEve,@eve\n")
    result = preview_import(store, path)
    ((line, label, reason),) = result.bad
    assert line == 2 and label.startswith("Mallory") and len(label) == 80 and "\x1b" not in reason
    assert [c.name for _, c in result.added] == ["Eve"]


def test_a_contact_added_elsewhere_after_the_preview_is_not_imported_twice(store, clock):
    from dailyreach.core.store.store import Store

    result = preview(store, "following_accounts_old.csv")
    add_contact(Store(store.path, clock=clock), "Eugen", handles={"mastodon": "@Gargron@mastodon.social"})
    assert apply_import_preview(store, result) == 1
    assert sorted(c.name for c in store.contacts()) == ["Eugen", "yamada"]


file_like = st.one_of(
    st.binary(max_size=400),
    st.text(max_size=400).map(lambda text: text.encode("utf-8")),
    st.lists(
        st.sampled_from(
            [
                "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
                "Account address,Show boosts",
                "BEGIN:VCARD",
                "END:VCARD",
                "VERSION:4.0",
                "FN:山田",
                "N:;;;;",
                "X-SOCIAL-PROFILE;TYPE=twitter:@",
                "X-SOCIALPROFILE;type=GitHub;x-user=a;x-bundleidentifiers=b:x-apple:",
                "item1.URL:http\\://",
                "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=91=",
                "=80;;",
                "EMAIL;PREF;ENCODING=QUOTED-PRINTABLE;CHARSET=nope:=FF",
                "UID:" + "u" * 70,
                " continued",
                "First Name,Last Name,Labels,E-mail 1 - Value,Website 1 - Value",
                "a,b,* myContacts ::: x,no-at-sign,not a url",
                "name,x,email",
                'Ann,"@ann',
                ",,,,,,",
                "\x00",
                "\x1b[2J",
                "",
            ]
        ),
        max_size=12,
    ).map(lambda lines: "\r\n".join(lines).encode("utf-8")),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(content=file_like, fmt=st.sampled_from([None, "linkedin", "mastodon", "vcard", "csv", "json"]))
def test_any_file_gives_a_preview_or_a_clear_refusal_and_never_touches_the_store(
    store, tmp_path, content, fmt
):
    path = tmp_path / "input"
    path.write_bytes(content)
    before = store.path.read_bytes()
    try:
        result = preview_import(store, path, fmt=fmt)
    except ImportRejected as error:
        assert str(path) in str(error)
    else:
        for line, label, reason in [*result.skipped, *result.bad]:
            assert line >= 1 and "\x1b" not in label and reason
    assert store.path.read_bytes() == before


def test_a_csv_rows_label_is_its_first_cell_when_it_has_too_many_fields_or_no_name(tmp_path):
    """What the preview names a row by: its first cell when the row cannot be fitted to the header, its
    first cell with text when nothing in it is read as a contact's; pictures said once for the file."""
    from dailyreach.core.files.contact_files import read_csv

    parsed = read_csv(
        "name,email,photo\n"
        "Ann Smith,ann@example.com,http://pics.example/ann.jpg\n"
        "Bob Lee,bob@example.com,http://pics.example/bob.jpg,extra\n"
        ",,http://pics.example/nobody.jpg\n"
        "Cy Young,cy@example.com,http://pics.example/cy.jpg\n"
    )
    labels = [(row.line, row.label, row.problem is not None) for row in parsed.rows]
    assert labels[:2] == [(2, "Ann Smith", False), (3, "Bob Lee", True)]
    assert labels[2] == (4, "http://pics.example/nobody.jpg", False)
    assert parsed.notices.count("pictures left out: dailyreach keeps none") == 1


def test_only_a_first_line_of_one_account_hints_at_an_old_mastodon_export():
    from dailyreach.core.files.contact_files import UnknownFormat, detect_format

    with pytest.raises(UnknownFormat) as unknown:
        detect_format("foo,bar\n1,2\n")
    assert "Mastodon" not in str(unknown.value)
    with pytest.raises(UnknownFormat) as listed:
        detect_format("ann@mastodon.social\nbob@fosstodon.org\n")
    assert "read as Mastodon's with --format mastodon" in str(listed.value)


def test_a_vcard_of_a_group_a_place_a_device_or_an_application_is_skipped_as_no_one_to_write_to(
    store, tmp_path
):
    path = tmp_path / "export.vcf"
    cards = [
        "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:group\r\nFN:Friends\r\nMEMBER:urn:uuid:03a0e51f\r\nEND:VCARD\r\n",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nX-ADDRESSBOOKSERVER-KIND:group\r\nFN:Work\r\nEND:VCARD\r\n",
        "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:Location\r\nFN:Office\r\nEND:VCARD\r\n",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nX-ADDRESSBOOKSERVER-KIND:individual\r\nFN:Ann\r\nEND:VCARD\r\n",
        "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:org\r\nFN:Acme\r\nEMAIL:hi@acme.example\r\nEND:VCARD\r\n",
        "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:device\r\nFN:Printer\r\nEND:VCARD\r\n",
        "BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:application\r\nFN:Bot\r\nEND:VCARD\r\n",
    ]
    path.write_text("".join(cards), encoding="utf-8")
    result = preview_import(store, path)
    assert [(contact.name, contact.notes) for _, contact in result.added] == [("Ann", ""), ("Acme", "")]
    assert result.skipped == [
        (1, "Friends", "a group of contacts, not a person"),
        (7, "Work", "a group of contacts, not a person"),
        (12, "Office", "a place, not a person"),
        (28, "Printer", "a device, not a person"),
        (33, "Bot", "an application, not a person"),
    ]


def test_a_vcard_naming_its_person_in_two_languages_takes_the_first_and_keeps_the_other(store, tmp_path):
    """vCard 4's ALTID: the same name in Japanese and English. The first written is the name; the other
    is kept in the notes, where the last one had taken its place."""
    path = tmp_path / "yamamoto.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN;ALTID=1;LANGUAGE=ja:山本 一郎\r\n"
        "FN;ALTID=1;LANGUAGE=en:Ichiro Yamamoto\r\nFN:山本 一郎\r\nN;ALTID=1;LANGUAGE=ja:山本;一郎;;;\r\n"
        "N;ALTID=1;LANGUAGE=en:Yamamoto;Ichiro;;;\r\nEMAIL:ichiro@example.jp\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    result = preview_import(store, path)
    [(_line, ichiro)] = result.added
    assert (ichiro.name, ichiro.notes) == ("山本 一郎", "Other name (en): Ichiro Yamamoto")
    assert any("other name (1 contact)" in notice for notice in result.notices)


def test_a_social_profile_naming_no_service_is_a_handle_when_its_address_says_the_platform(store, tmp_path):
    path = tmp_path / "anne.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anne\r\n"
        "X-SOCIALPROFILE:https://bsky.app/profile/anne.bsky.social\r\n"
        "X-SOCIALPROFILE:https://example.org/u/anne\r\n"
        # A service named is taken at its word, though the address is another platform's.
        "X-SOCIALPROFILE;TYPE=myspace:https://x.com/anne\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    [(_line, anne)] = preview_import(store, path).added
    assert anne.handles == {"bluesky": "anne.bsky.social"}
    # A site dailyreach does not know is not the person's own web page: kept as the profile it is.
    assert anne.notes == "Social profile: https://example.org/u/anne\nMyspace: https://x.com/anne"


def test_a_vcards_titles_reading_and_key_are_kept_or_said_never_dropped_unsaid(store, tmp_path):
    path = tmp_path / "doe.vcf"
    cards = [
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Doe;John;Q;Dr.;Jr.\r\nSORT-STRING:どう じょん\r\n"
        "KEY;ENCODING=b:MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A\r\nEMAIL:john@example.com\r\nEND:VCARD\r\n",
        # Its full name says the title already: not said again in the notes.
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Dr. Ann Smith\r\nN:Smith;Ann;;Dr.;\r\nEMAIL:ann@example.com\r\nEND:VCARD\r\n",
    ]
    path.write_text("".join(cards), encoding="utf-8")
    result = preview_import(store, path)
    john, ann = (contact for _, contact in result.added)
    assert john.name == "John Q Doe"
    assert john.notes == "Reading: どう じょん\nName prefix: Dr.\nName suffix: Jr."
    assert (ann.name, ann.notes) == ("Dr. Ann Smith", "")
    assert "public keys left out: dailyreach keeps none" in result.notices
