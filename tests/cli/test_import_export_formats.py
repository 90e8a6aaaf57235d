"""`dailyreach import` of contact files and `dailyreach export --format`, through the installed command."""

import json
import stat

import icalendar
import pytest
from rich.cells import cell_len

from tests.conftest import FIXTURES, run_cli


def names(db) -> list[str]:
    return sorted(c["name"] for c in json.loads(run_cli("export", db=db).stdout)["contacts"])


def test_dry_run_previews_every_row_with_its_line_and_writes_nothing(db):
    run_cli("add", "Someone", db=db)
    before = db.read_bytes()
    out = run_cli("import", str(FIXTURES / "Connections.csv"), "--dry-run", db=db).stdout
    assert "LinkedIn connections, read as UTF-8" in out
    assert "would add 3 contacts" in out
    assert "line 5   Ann Smith   LinkedIn ann-smith" in out
    assert "line 7     15 Mar 2024: the person has left LinkedIn" in out
    assert "line 10    Broken: 3 fields where the header has 7" in out
    assert db.read_bytes() == before


def test_import_with_a_tag_adds_once_and_a_second_run_skips_everyone(db):
    out = run_cli("import", str(FIXTURES / "people_shift_jis.csv"), "--tag", "excel", db=db).stdout
    assert "read as Shift_JIS (CP932)" in out and "added 2 contacts" in out
    exported = json.loads(run_cli("export", db=db).stdout)
    assert sorted((c["name"], tuple(c["tags"])) for c in exported["contacts"]) == [
        ("山田 太郎", ("excel",)),
        ("鈴木 一郎", ("excel",)),
    ]
    again = run_cli("import", str(FIXTURES / "people_shift_jis.csv"), db=db).stdout
    assert "added 0 contacts" in again and "skipped 2" in again


def test_format_and_encoding_can_be_named(db):
    refused = run_cli("import", str(FIXTURES / "latin1.csv"), db=db, check=False)
    assert refused.returncode == 1 and "--encoding" in refused.stderr
    out = run_cli("import", str(FIXTURES / "latin1.csv"), "--format", "csv", "--encoding", "cp1252", db=db)
    assert "added 1 contact" in out.stdout
    wrong = run_cli("import", str(FIXTURES / "people.csv"), "--format", "vcard", db=db, check=False)
    assert wrong.returncode == 1 and "no BEGIN:VCARD" in wrong.stderr


def test_an_unknown_file_is_refused_and_the_store_is_untouched(db):
    run_cli("add", "Someone", db=db)
    before = db.read_bytes()
    result = run_cli("import", str(FIXTURES / "unknown.csv"), db=db, check=False)
    assert result.returncode == 1
    assert "tried json, linkedin, mastodon, vcard, csv" in result.stderr
    assert db.read_bytes() == before


def test_exports_in_every_format_are_owner_only_and_the_calendar_parses(db, tmp_path):
    ann = run_cli("add", "Ann", "--x", "@ann", db=db).stdout.strip()
    run_cli("log", ann, "dm_sent", "--at", "yesterday", db=db)
    for fmt, suffix in (("vcard", "vcf"), ("csv", "csv"), ("interactions-csv", "csv"), ("ics", "ics")):
        path = tmp_path / f"{fmt}.{suffix}"
        run_cli("export", "--format", fmt, "-o", str(path), db=db)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert b"BEGIN:VCARD\r\nVERSION:4.0\r\n" in (tmp_path / "vcard.vcf").read_bytes()
    calendar = icalendar.Calendar.from_ical((tmp_path / "ics.ics").read_bytes())
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == ["Follow up #1: Ann (X)"]
    fresh = tmp_path / "fresh.json"
    run_cli("import", str(tmp_path / "vcard.vcf"), db=fresh)
    run_cli("import", str(tmp_path / "csv.csv"), db=fresh)
    assert names(fresh) == ["Ann"]


def test_a_calendar_export_with_nothing_upcoming_replaces_the_last_and_says_so(db, tmp_path):
    ann = run_cli("add", "Ann", "--x", "@ann", db=db).stdout.strip()
    run_cli("log", ann, "dm_sent", "--at", "yesterday", db=db)
    path = tmp_path / "follow-ups.ics"
    run_cli("export", "-o", str(path), db=db)
    run_cli("log", ann, "reply_received", db=db)
    result = run_cli("export", "-o", str(path), "--force", db=db)
    assert result.stderr == (
        f"exported to {path}\n"
        "note: the calendar has no events: no follow-ups or keep-in-touch dates in the next 90 days\n"
    )
    assert icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT") == []


def test_a_calendar_follow_up_links_the_profile_on_the_channel_its_summary_names(db, tmp_path):
    eve = run_cli("add", "Eve Martin", "--x", "@eve_m", "--mastodon", "@eve@mastodon.social", db=db).stdout
    run_cli("log", eve.strip(), "dm_sent", "--channel", "mastodon", "--at", "yesterday", db=db)
    # No LinkedIn name to link to: her X profile, the one she is reached on, as before.
    bo = run_cli("add", "Bo", "--x", "@bo", db=db).stdout.strip()
    run_cli("log", bo, "dm_sent", "--channel", "linkedin", "--at", "yesterday", db=db)
    path = tmp_path / "follow-ups.ics"
    run_cli("export", "--format", "ics", "-o", str(path), db=db)
    events = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    # Her X handle comes first, but the thread is on Mastodon: the event linked her X profile.
    assert [(str(e["summary"]), str(e["url"]), str(e["description"])) for e in events] == [
        ("Follow up #1: Bo (LinkedIn)", "https://x.com/bo", "https://x.com/bo"),
        (
            "Follow up #1: Eve Martin (Mastodon)",
            "https://mastodon.social/@eve",
            "https://mastodon.social/@eve",
        ),
    ]


def test_a_calendar_keep_in_touch_names_and_links_the_channel_the_conversation_is_on(db, tmp_path):
    # The thread is on Mastodon: the event said "(X)" and linked her X profile, where a draft sends from
    # Mastodon.
    gil = run_cli(
        "add", "Gil", "--x", "@gilx", "--mastodon", "@gil@fosstodon.org", "--cadence", "7", db=db
    ).stdout.strip()
    run_cli("log", gil, "dm_sent", "--channel", "mastodon", "--at", "-9d", db=db)
    run_cli("log", gil, "reply_received", "--channel", "mastodon", "--at", "-8d", db=db)
    run_cli("log", gil, "met", "--channel", "mastodon", "--at", "-8d", db=db)
    path = tmp_path / "keep-in-touch.ics"
    run_cli("export", "--format", "ics", "-o", str(path), db=db)
    (event,) = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert (str(event["summary"]), str(event["url"])) == (
        "Keep in touch: Gil (Mastodon)",
        "https://fosstodon.org/@gil",
    )


def test_a_duplicate_in_the_preview_names_the_platform_as_the_app_does(db, tmp_path):
    run_cli("add", "Mo Ali", "--x", "@moali", db=db)
    path = tmp_path / "people.csv"
    path.write_text("name,x,email\nMo Ali,@moali,\nSam,,sam@example.org\nSam Lee,,sam@example.org\n")
    # It was said by its key ("same x @moali", "same email"), where every other line says X and e-mail.
    out = run_cli("import", str(path), "--dry-run", db=db).stdout
    assert "Mo Ali: already in your contacts as Mo Ali (same X @moali)" in out
    assert "Sam Lee: same person as line 3 (same e-mail sam@example.org)" in out
    japanese = run_cli("import", str(path), "--dry-run", db=db, env={"DAILYREACH_LANG": "ja"}).stdout
    assert "（X @moali が同じ）" in japanese and "（メール sam@example.org が同じ）" in japanese


def test_a_contact_met_again_by_its_id_or_its_name_and_notes_is_named_so_in_japanese(db, tmp_path):
    # "(vCard UID … が同じ)" and "name and notes, and no handle" were left in English.
    path = tmp_path / "people.vcf"
    path.write_text("BEGIN:VCARD\nVERSION:3.0\nUID:card-1\nFN:Ann\nEND:VCARD\n", encoding="utf-8")
    run_cli("import", str(path), db=db)
    bare = tmp_path / "bare.csv"
    bare.write_text("name\nBo\n", encoding="utf-8")
    run_cli("import", str(bare), db=db)
    japanese = {"DAILYREACH_LANG": "ja"}
    again = run_cli("import", str(path), "--dry-run", db=db, env=japanese).stdout
    assert "（vCard の UID card-1 が同じ）" in again
    again = run_cli("import", str(bare), "--dry-run", db=db, env=japanese).stdout
    assert "（名前とメモ（ハンドルなし） が同じ）" in again


REAL_WORLD = FIXTURES.parent / "real_world"


@pytest.mark.parametrize(
    ("name", "options", "expected"),
    [
        ("apple_social_profiles.vcf", (), ["Yui Tanaka", "no.name@example.org", "山田 太郎"]),
        ("John_Doe_GMAIL.vcf", (), ["Mr. John Richter, James Doe Sr."]),
        ("John_Doe_IPHONE.vcf", (), ["Mr. John Richter James Doe Sr."]),
        ("John_Doe_ANDROID.vcf", (), ["jane.doe@company.com", "john.doe@company.com"]),
        ("John_Doe_EVOLUTION.vcf", (), ["Mr. John Richter, James Doe Sr."]),
        ("John_Doe_MS_OUTLOOK.vcf", (), ["Mr. John Richter James Doe Sr."]),
        ("google_contacts.csv", (), ["+44 20 7946 0000", "Mia Okafor", "山田 太郎"]),
        ("google_contacts_legacy.csv", (), ["Ravi Patel", "someone@startup.example"]),
        ("outlook_contacts.csv", (), ["Carlos Mendes", "Dana Whitfield"]),
        ("thunderbird_export.csv", (), ["contact number one", "contact number two"]),
        ("thunderbird_trailing_comma.csv", (), ["Jane Doe", "John Doe"]),
        ("linkedin_connections_2025.csv", (), ["José D´Angelo", "María López 🚀"]),
        ("linkedin_connections_2018.csv", (), ["Priya Raman", "Tom O'Neil"]),
        ("mastodon_following_headerless.csv", ("--format", "mastodon"), ["Gargron"]),
    ],
)
def test_each_real_world_file_imports_through_the_command_once(db, name, options, expected):
    out = run_cli("import", str(REAL_WORLD / name), *options, db=db).stdout
    assert "not imported" not in out
    assert all(person in names(db) for person in expected)
    again = run_cli("import", str(REAL_WORLD / name), *options, db=db).stdout
    assert "added 0 contacts" in again


def test_the_preview_says_what_went_into_the_notes(db):
    out = run_cli("import", str(REAL_WORLD / "google_contacts.csv"), "--dry-run", db=db).stdout
    assert "columns read as Google Contacts exports them" in out
    assert "kept in the contacts' notes, as dailyreach has no field for them:" in out
    assert "a second e-mail (1 contact)" in out and "phone (2 contacts)" in out
    assert not db.exists() or "Mia" not in db.read_text()


def test_a_stray_quote_is_refused_with_its_line_and_nothing_is_written(db, tmp_path):
    run_cli("add", "Someone", db=db)
    before = db.read_bytes()
    path = tmp_path / "people.csv"
    path.write_text('name,x\n"unterminated,@foo\nBob,@bob\n', encoding="utf-8")
    refused = run_cli("import", str(path), db=db, check=False)
    assert refused.returncode == 1 and "added" not in refused.stdout
    assert 'line 2: a quote (") opened in this row is not closed' in refused.stderr
    assert db.read_bytes() == before


def test_a_long_name_is_cut_in_the_dry_run_so_each_row_fits_80_columns(db, tmp_path):
    path = tmp_path / "people.csv"
    long_name, kanji = "Very Long Name " * 13, "高橋健" * 30
    path.write_text(f"name,x\n{long_name},@longname\n{kanji},@kanji\nBob,@bob\n", encoding="utf-8")
    out = run_cli("import", str(path), "--dry-run", db=db).stdout
    rows = [line for line in out.splitlines() if line.startswith("  line ")]
    assert len(rows) == 3 and all(cell_len(row) <= 80 for row in rows)
    assert "Very Long Name Very Long Name V…" in out and "高橋健高橋健高橋健高橋健高橋健…" in out
    assert "  line 4  Bob" in out


def test_an_interactions_export_is_refused_on_import_with_the_way_to_move_history(db, tmp_path):
    ann = run_cli("add", "Ann", "--x", "@ann", db=db).stdout.strip()
    run_cli("log", ann, "dm_sent", "--at", "yesterday", db=db)
    path = tmp_path / "interactions.csv"
    run_cli("export", "--format", "interactions-csv", "-o", str(path), db=db)
    before = db.read_bytes()
    refused = run_cli("import", str(path), db=db, check=False)
    assert refused.returncode == 1 and "interactions export" in refused.stderr
    assert "dailyreach export -o backup.json" in refused.stderr and "Traceback" not in refused.stderr
    assert db.read_bytes() == before


def test_the_vcard_export_carries_uids_and_comes_back_as_the_same_contacts(db, tmp_path):
    import vobject

    ann = run_cli(
        "add", "山田 太郎, Jr.", "--linkedin", "山田太", "--tag", "captain, starfleet", db=db
    ).stdout
    path = tmp_path / "contacts.vcf"
    run_cli("export", "--format", "vcard", "-o", str(path), db=db)
    card = vobject.readOne(path.read_text(encoding="utf-8"))
    # A comma parts tags wherever they are typed (as the app's form shows them): two tags.
    assert card.uid.value == ann.strip() and card.categories.value == ["captain", "starfleet"]
    assert max(len(line) for line in path.read_bytes().split(b"\r\n")) <= 75
    fresh = tmp_path / "fresh.json"
    run_cli("import", str(path), db=fresh)
    exported = json.loads(run_cli("export", db=fresh).stdout)["contacts"]
    assert [(c["id"], c["name"], c["tags"]) for c in exported] == [
        (ann.strip(), "山田 太郎, Jr.", ["captain", "starfleet"])
    ]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        # Excel's "CSV UTF-16" (and old Gmail exports): UTF-16 with its BOM, commas.
        (
            "people.csv",
            "name,email,x\r\nJosé Álvarez,jose@example.com,@jose\r\n山田 太郎,,@yamada\r\n".encode("utf-16"),
        ),
        # Excel's "Unicode Text": UTF-16, tabs between the fields.
        (
            "people.txt",
            "name\temail\tx\r\nJosé Álvarez\tjose@example.com\t@jose\r\n山田 太郎\t\t@yamada\r\n".encode(
                "utf-16"
            ),
        ),
        # Excel where a comma is the decimal mark: semicolons.
        ("people.csv", "name;email;x\nJosé Álvarez;jose@example.com;@jose\n山田 太郎;;@yamada\n".encode()),
    ],
    ids=["utf-16", "utf-16-tabs", "semicolons"],
)
def test_the_csv_files_excel_writes_are_read_without_naming_anything(db, tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    said = run_cli("import", str(path), db=db)
    assert "added 2 contacts" in said.stdout
    people = {contact["name"]: contact for contact in json.loads(run_cli("export", db=db).stdout)["contacts"]}
    assert people["José Álvarez"]["handles"] == {"x": "@jose", "email": "jose@example.com"}
    assert people["山田 太郎"]["handles"] == {"x": "@yamada"}


def test_a_vcard_folded_inside_a_character_is_read_whole_and_keeps_its_line_numbers(tmp_path):
    """Some exporters fold every 75 octets, cutting a character in two: the card reads as if they had not."""
    card = tmp_path / "split.vcf"
    card.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Yamada\r\nNOTE:\xe6\x97\r\n \xa5\xe6\x9c\xac\xe8\xaa\x9e\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Broken\r\nEMAIL:not an address\r\nEND:VCARD\r\n"
    )
    db = tmp_path / "db.json"
    said = run_cli("import", str(card), db=db).stdout
    assert "added 2 contacts" in said and "line 7: 'not an address'" in said  # the second card's own line
    notes = {
        contact["name"]: contact["notes"]
        for contact in json.loads(run_cli("export", db=db).stdout)["contacts"]
    }
    assert notes["Yamada"] == "日本語"
