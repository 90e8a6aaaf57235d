"""Contacts files as Apple, Google, Outlook, Thunderbird, Evolution, Android, LinkedIn and Mastodon write
them: the samples in tests/fixtures/real_world (see SOURCES.md there for where each comes from)."""

from pathlib import Path

import pytest

from dailyreach.core.errors import ImportRejected
from dailyreach.core.files.contact_files import CONTACTS_HEADER
from dailyreach.core.files.contact_import import apply_import_preview, preview_import
from tests.conftest import add_contact

REAL_WORLD = Path(__file__).parent.parent / "fixtures" / "real_world"


def preview(store, name, **options):
    return preview_import(store, REAL_WORLD / name, **options)


def by_name(result) -> dict:
    return {contact.name: contact for _, contact in result.added}


def kept_notice(result) -> str:
    return next(notice for notice in result.notices if notice.startswith("kept in the contacts' notes"))


def test_apple_social_profiles_become_handles_whatever_form_ios_or_macos_writes(store):
    result = preview(store, "apple_social_profiles.vcf")
    people = by_name(result)
    yui, taro = people["Yui Tanaka"], people["山田 太郎"]
    assert yui.handles == {
        "email": "yui@kumolabs.example",
        "x": "@yui_builds",
        "linkedin": "yui-tanaka",
        "github": "yuitanaka",
    }
    # Apple's own UID is kept as the contact's id, so importing the card again is a duplicate.
    assert yui.id == "5f1c2a9e-3b47-4d2a-9a51-0c8e7b6d4f10"
    assert "Facebook: https://www.facebook.com/yui.tanaka.9" in yui.notes.splitlines()
    assert "E-mail (home): yui.tanaka@mail.example" in yui.notes.splitlines()
    # macOS writes the X profile twice (URL, then the app's x-apple: form): one handle, nothing extra.
    assert taro.handles == {
        "email": "taro@yamada.example.jp",
        "web": "https://yamada.example.jp/blog",
        "x": "@taro_yamada",
        "instagram": "@taro.yamada",
    }
    assert taro.notes == "Birthday: 03-09 (no year)"


def test_a_card_with_an_email_and_no_name_is_named_after_the_email(store):
    result = preview(store, "apple_social_profiles.vcf")
    assert by_name(result)["no.name@example.org"].handles == {"email": "no.name@example.org"}
    assert "line 38: no name in the file: named no.name@example.org" in result.notices
    android = preview(store, "John_Doe_ANDROID.vcf")
    assert [c.name for _, c in android.added][:2] == ["john.doe@company.com", "jane.doe@company.com"]


def test_gmail_vcard_keeps_the_whole_fn_and_the_escaped_colon_url(store):
    (_, john), *_ = preview(store, "John_Doe_GMAIL.vcf").added
    assert john.name == "Mr. John Richter, James Doe Sr."
    assert john.handles == {"email": "john.doe@ibm.com", "web": "http://www.ibm.com"}
    iphone = preview(store, "John_Doe_IPHONE.vcf").added[0][1]
    assert iphone.handles["web"] == "http://www.ibm.com"
    assert "Phone (AssistantPhone): 905-222-1234" in iphone.notes.splitlines()


def test_android_vcard_2_1_with_quoted_printable_utf8_on_continued_lines(store):
    result = preview(store, "John_Doe_ANDROID.vcf")
    names = [contact.name for _, contact in result.added]
    assert names[2:4] == ["Ñ Ñ Ñ Ñ Ñ", "Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ Ñ"]
    bob = by_name(result)["Ñ Ñ Ñ Ñ"]
    assert bob.handles == {"email": "bob@company.com", "web": "https://www.company.com"}
    assert "Phone (work, fax): 123456" in bob.notes.splitlines()
    assert "Website: http://www.company.com" in bob.notes.splitlines()
    assert result.bad == [] and "pictures left out: dailyreach keeps none" in result.notices


@pytest.mark.parametrize("name", ["John_Doe_EVOLUTION.vcf", "John_Doe_MS_OUTLOOK.vcf"])
def test_what_has_no_field_goes_into_the_notes_and_the_preview_says_so(store, name):
    result = preview(store, name)
    ((_, john),) = result.added
    lines = john.notes.splitlines()
    assert john.handles["email"].startswith("john.doe@ibm.c")
    for expected in ("Nickname: Johny", "Title: Money Counter", "Birthday: 1980-03-22"):
        assert expected in lines
    assert any(line.startswith("Phone (work): ") for line in lines)
    assert any(line.startswith("Address (home): ") for line in lines)
    assert "phone (1 contact)" in kept_notice(result) and "address (1 contact)" in kept_notice(result)


def test_google_contacts_csv_today(store):
    result = preview(store, "google_contacts.csv")
    assert result.format == "csv" and "columns read as Google Contacts exports them" in result.notices
    people = by_name(result)
    mia, taro = people["Mia Okafor"], people["山田 太郎"]
    assert mia.handles == {
        "email": "mia@brightline.example",
        "linkedin": "mia-okafor",
        "web": "https://mia.example.com",
    }
    assert mia.tags == ["Investors", "starred"]
    assert mia.notes.splitlines() == [
        "Invests in B2B SaaS, pre-seed",
        "Organisation: Brightline Capital",
        "Title: Partner",
        "Birthday: 1985-04-12",
        "E-mail (Home): mia.okafor@mail.example",
        "Phone (Mobile): +1 415-555-0134",
        "Address (Work): 1 Market St / San Francisco, CA 94105 / US",
    ]
    assert taro.handles == {"email": "taro@yamada.example.jp", "x": "@taro_yamada"}
    assert "Phonetic Last Name: やまだ" in taro.notes.splitlines()
    assert "+44 20 7946 0000" in people
    assert "a second e-mail (1 contact)" in kept_notice(result)


def test_google_numbered_columns_each_keep_their_label_and_an_address_its_parts(store, tmp_path):
    """Columns the Google fixtures do not have, as Google names them: an IM's Service is its label, an
    address without its Formatted cell is put together from its parts, the first header behind a BOM,
    spaced as a hand edit may leave it."""
    csv = tmp_path / "google.csv"
    csv.write_text(
        "\ufeffE-mail  1 - Value,First Name,Last Name,IM 1 - Service,IM 1 - Value,Phone 1 - Label,"
        "Phone 1 - Value,Address 1 - Label,Address 1 - Street,Address 1 - City,Address 1 - Postal Code,"
        "Organization 1 - Department,Relation 1 - Label,Relation 1 - Value,Custom Field 1 - Label,"
        "Custom Field 1 - Value\n"
        "ann@example.com,Ann,Lee,Skype,ann.lee,Mobile,+1 555 0100,Home,1 Main St,Springfield,12345,"
        "Research,Manager,Bob Boss,Met at,SaaStr\n",
        encoding="utf-8",
    )
    [(_, ann)] = preview_import(store, csv).added
    assert (ann.name, ann.handles) == ("Ann Lee", {"email": "ann@example.com"})
    assert ann.notes.splitlines() == [
        "IM (Skype): ann.lee",
        "Phone (Mobile): +1 555 0100",
        "Department: Research",
        "Relation (Manager): Bob Boss",
        "Custom field (Met at): SaaStr",
        "Address (Home): 1 Main St, Springfield, 12345",
    ]


def test_a_row_is_named_from_its_parts_or_else_by_its_nickname_or_organisation(store, tmp_path):
    csv = tmp_path / "contacts.csv"
    csv.write_text(
        "First Name,Middle Name,Last Name,Nickname,Organization Name,Birth Year,Birth Month,Birth Day,"
        "E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Website 1 - Label,Website 1 - Value\n"
        "Ann,Marie,Lee,,,1985,4,,* Home,ann@example.com,Work,ann@work.example,Blog,https://ann.blog\n"
        ",,,Bobby,,,,,,,,,,\n"
        ",,,,Acme Inc,,,,,,,,,\n"
    )
    result = preview_import(store, csv)
    ann, bobby, acme = (contact for _, contact in result.added)
    assert ann.name == "Ann Marie Lee"
    # Google marks the primary e-mail "* Home": the first e-mail is the handle, the second kept with its label.
    assert ann.handles == {"email": "ann@example.com", "web": "https://ann.blog"}
    assert ann.notes.splitlines() == ["E-mail (Work): ann@work.example", "Birthday: 1985-4-?"]
    assert (bobby.name, bobby.notes) == ("Bobby", "Nickname: Bobby")
    assert (acme.name, acme.notes) == ("Acme Inc", "Organisation: Acme Inc")
    assert "line 3: no name in the file: named Bobby" in result.notices


def test_a_second_website_and_a_primary_phone_keep_their_labels_without_googles_star(store, tmp_path):
    csv = tmp_path / "contacts.csv"
    csv.write_text(
        "First Name,Last Name,Phone 1 - Label,Phone 1 - Value,Website 1 - Label,Website 1 - Value,"
        "Website 2 - Label,Website 2 - Value\n"
        "Ann,Lee,* Mobile,+1 555,Blog,https://ann.blog,Portfolio,https://ann.art\n"
    )
    [(_, ann)] = preview_import(store, csv).added
    assert ann.handles == {"web": "https://ann.blog"}
    assert ann.notes.splitlines() == ["Phone (Mobile): +1 555", "Website (Portfolio): https://ann.art"]


def test_an_archived_cell_as_a_spreadsheet_saves_it_is_read_in_any_case(store, tmp_path):
    """dailyreach's own export, re-saved by a spreadsheet, which writes a true cell back as TRUE."""
    header = list(CONTACTS_HEADER)
    at = header.index("archived")

    def row(name: str, archived: str) -> str:
        cells = [""] * len(header)
        cells[0], cells[header.index("x")], cells[at] = name, "@" + name.lower(), archived
        return ",".join(cells)

    csv = tmp_path / "contacts.csv"
    csv.write_text(
        "\n".join([",".join(header), row("Ann", "TRUE"), row("Bo", "False"), row("Cy", "")]) + "\n"
    )
    result = preview_import(store, csv)
    assert [(contact.name, contact.archived) for _, contact in result.added] == [
        ("Ann", True),
        ("Bo", False),
        ("Cy", False),
    ]


def test_google_contacts_csv_as_gmail_wrote_it_before_2020(store):
    result = preview(store, "google_contacts_legacy.csv")
    ravi = by_name(result)["Ravi Patel"]
    assert ravi.handles == {"email": "ravi@patel.example", "x": "@ravipatel"}
    assert ravi.tags == ["Mentors"]
    # Two home addresses in one cell, as Gmail wrote them: " ::: " between them.
    assert "E-mail (Home): r.patel@mail.example" in ravi.notes.splitlines()
    assert "Organisation: Patel Labs" in ravi.notes.splitlines()
    assert by_name(result)["someone@startup.example"].handles == {"email": "someone@startup.example"}


def test_outlook_csv_with_a_short_row_and_its_empty_defaults(store):
    result = preview(store, "outlook_contacts.csv")
    carlos, dana = (contact for _, contact in result.added)
    assert carlos.handles == {"email": "carlos@acme.example", "web": "https://acme.example/team/carlos"}
    assert carlos.tags == ["Partners", "Robotics"]
    assert "E-mail: cmendes@mail.example" in carlos.notes.splitlines()
    assert "Address (Business): 200 Harbor Way, Oakland, CA, 94607, United States of America" in carlos.notes
    # "Normal", "Unspecified", "0/0/00": what Outlook writes into every row says nothing.
    assert "Normal" not in carlos.notes and "0/0/00" not in dana.notes
    assert dana.handles == {"email": "dana@whitfield.example"}
    assert "line 3: 60 fields where the header has 92: the missing ones are taken as empty" in result.notices
    assert result.bad == []


def test_thunderbird_csv_with_a_trailing_comma_on_every_row(store):
    result = preview(store, "thunderbird_trailing_comma.csv")
    assert [(c.name, c.handles) for _, c in result.added] == [
        ("John Doe", {"email": "john@doe.invalid"}),
        ("Jane Doe", {"email": "jane@doe.invalid"}),
    ]
    assert result.bad == []


def test_thunderbird_csv_export_keeps_an_address_it_cannot_use_in_the_notes(store):
    result = preview(store, "thunderbird_export.csv")
    one, two = (contact for _, contact in result.added)
    assert (one.name, one.handles, one.notes) == ("contact number one", {}, "E-mail: contact1@invalid")
    assert "Custom 4: custom / 4" in two.notes.splitlines()
    assert "line 2: 'contact1@invalid' kept in notes: an e-mail address looks like name@example.com" in (
        result.notices
    )


def test_linkedin_profile_urls_with_percent_encoded_emoji_and_accents(store):
    result = preview(store, "linkedin_connections_2025.csv")
    assert [(c.name, c.handles) for _, c in result.added] == [
        ("María López 🚀", {"linkedin": "maría-lópez-🚀-4b1a2c"}),
        ("José D´Angelo", {"linkedin": "josé-d´angelo-9a8b7c", "email": "jose.dangelo@mail.example"}),
    ]


def test_the_2018_linkedin_layout_is_read_as_linkedin(store):
    result = preview(store, "linkedin_connections_2018.csv")
    assert result.format == "linkedin"
    priya, tom = (contact for _, contact in result.added)
    assert (priya.handles, priya.tags) == ({"email": "priya.raman@mail.example"}, ["linkedin"])
    assert priya.notes == "VP Engineering at Northwind\nLinkedIn connection since 2018-01-21"
    assert tom.notes == "Founder at Quill, Inc.\nLinkedIn connection since 2017-03-03"


def test_a_headerless_mastodon_list_is_read_when_named_and_explained_when_not(store):
    result = preview(store, "mastodon_following_headerless.csv", fmt="mastodon")
    assert [c.handles["mastodon"] for _, c in result.added] == [
        "@ann@mastodon.social",
        "@yamada@mstdn.jp",
        "@Gargron@mastodon.social",
    ]
    with pytest.raises(ImportRejected, match="--format mastodon"):
        preview(store, "mastodon_following_headerless.csv")


@pytest.mark.parametrize(
    "name",
    [
        "apple_social_profiles.vcf",
        "John_Doe_ANDROID.vcf",
        "google_contacts.csv",
        "google_contacts_legacy.csv",
        "outlook_contacts.csv",
        "thunderbird_export.csv",
        "linkedin_connections_2018.csv",
    ],
)
def test_importing_a_real_world_file_again_adds_nothing(store, name):
    first = preview(store, name)
    assert apply_import_preview(store, first) == len(first.added) > 0
    again = preview(store, name)
    assert again.added == [] and len(again.skipped) == len(first.added) + len(first.skipped)


def test_a_person_is_found_by_any_of_their_emails_in_the_store_or_the_file(store):
    add_contact(store, "Mia O.", handles={"email": "mia.okafor@mail.example"})
    add_contact(store, "Ravi", handles={"x": "@ravi"}, notes="E-mail (Work): ravi@patel.example")
    mia = preview(store, "google_contacts.csv")
    assert ("Mia Okafor", "already in your contacts as Mia O. (same e-mail mia.okafor@mail.example)") in [
        (name, reason) for _, name, reason in mia.skipped
    ]
    ravi = preview(store, "google_contacts_legacy.csv")
    assert [reason for _, name, reason in ravi.skipped if name == "Ravi Patel"] == [
        "already in your contacts as Ravi (same e-mail ravi@patel.example)"
    ]


def test_google_contacts_own_groups_are_no_tags_but_the_users_labels_are(store, tmp_path):
    """Google Contacts puts every card in myContacts (and the starred in starred): no tag of the user's."""
    card = tmp_path / "contacts.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Smith\r\nN:Smith;Ann;;;\r\nEMAIL;TYPE=INTERNET:ann@example.com\r\n"
        "CATEGORIES:myContacts,starred,Investors\r\nEND:VCARD\r\n"
    )
    (_, ann), *_ = preview_import(store, card).added
    assert ann.tags == ["Investors"]


def test_a_japanese_spreadsheets_priority_and_reason_columns_are_read(store, tmp_path):
    sheet = tmp_path / "people.csv"
    sheet.write_text("名前,メール,優先度,理由\n山田 太郎,taro@example.jp,1,上場した\n", encoding="utf-8")
    (_, taro), *_ = preview_import(store, sheet).added
    assert (taro.priority, taro.why, taro.notes) == (1, "上場した", "")
