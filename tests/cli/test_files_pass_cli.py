"""What a new user's pass over import, export, doctor and the store's folder found, through the installed
command with real files: exports that lose nothing, a CSV no spreadsheet runs, encodings said plainly,
previews that count what comes in, doctor's backups kept, and other people's files left alone."""

import csv
import io
import json
import tempfile

import pytest

from tests.conftest import run_cli

# Each holds something a spreadsheet would run as a formula, or a quote that one of them could be taken for.
FORMULAS = {
    '=HYPERLINK("http://evil","x")': "-2+3",
    "+cmd|calc!A0": "@SUM(1)",
    "'=quoted already": "'tis plain",
}


def contacts(db) -> list[dict]:
    """The contacts as the JSON export has them, without the moments this import stamped."""
    found = json.loads(run_cli("export", db=db).stdout)["contacts"]
    return sorted(
        ({k: v for k, v in c.items() if k not in ("created_at", "updated_at")} for c in found),
        key=lambda c: c["name"],
    )


def hand_edit(db, changes: dict[str, dict]) -> None:
    """Set fields the command line has no option for (notes, archived) on the contacts named."""
    data = json.loads(db.read_text(encoding="utf-8"))
    for body in data["contacts"].values():
        body.update(changes.get(body["name"], {}))
    db.write_text(json.dumps(data), encoding="utf-8")


@pytest.fixture
def full_store(db):
    run_cli("add", "Zed Q", "--x", "@zedq", "--call-name", "Zeddy", "--followers", "500", db=db)
    run_cli(
        "add", "山田 花子, Jr.", "--mastodon", "@hanako@mstdn.jp", "--email", "hanako@example.jp",
        "--why", "上場経験あり", "--tag", "captain, starfleet", "--tag", "starred", "--priority", "1",
        "--cadence", "30", "--followers", "0", "--call-name", "花子さん", db=db,
    )  # fmt: skip
    run_cli("add", "Archie", "--github", "archie", db=db)
    hand_edit(db, {"Archie": {"archived": True, "notes": "first line\nsecond; line, with a comma"}})
    return db


@pytest.mark.parametrize(("fmt", "suffix"), [("vcard", "vcf"), ("csv", "csv")])
def test_a_vcard_or_csv_export_imported_into_an_empty_store_exports_the_same(
    full_store, tmp_path, fmt, suffix
):
    exported = tmp_path / f"people.{suffix}"
    run_cli("export", "--format", fmt, "-o", str(exported), db=full_store)
    fresh = tmp_path / "fresh.json"
    assert "added 3 contacts" in run_cli("import", str(exported), db=fresh).stdout
    assert contacts(fresh) == contacts(full_store)
    again = tmp_path / f"again.{suffix}"
    run_cli("export", "--format", fmt, "-o", str(again), db=fresh)
    assert again.read_bytes() == exported.read_bytes()


def test_the_csv_export_imported_into_its_own_store_is_skipped_by_the_id_it_carries(full_store, tmp_path):
    exported = tmp_path / "people.csv"
    run_cli("export", "--format", "csv", "-o", str(exported), db=full_store)
    zed = next(c["id"] for c in contacts(full_store) if c["name"] == "Zed Q")
    out = run_cli("import", str(exported), "--dry-run", db=full_store).stdout
    assert "would add 0 contacts" in out
    assert f"Zed Q: already in your contacts as Zed Q (same id {zed})" in out


def test_the_vcard_says_the_call_name_as_its_nickname_and_the_rest_in_its_own_properties(full_store):
    cards = run_cli("export", "--format", "vcard", db=full_store).stdout
    assert "\nNICKNAME:Zeddy\n" in cards and "\nX-DAILYREACH-FOLLOWERS:500\n" in cards
    assert "\nX-DAILYREACH-FOLLOWERS:0\n" in cards and "\nX-DAILYREACH-ARCHIVED:TRUE\n" in cards


def test_the_contacts_csv_has_a_column_for_each_field_and_the_id(full_store):
    rows = list(csv.DictReader(io.StringIO(run_cli("export", "--format", "csv", db=full_store).stdout)))
    zed = next(row for row in rows if row["\ufeffname"] == "Zed Q")
    assert (zed["call_name"], zed["followers"], zed["archived"]) == ("Zeddy", "500", "")
    assert zed["id"] == next(c["id"] for c in contacts(full_store) if c["name"] == "Zed Q")


def test_another_programs_nickname_and_id_columns_are_kept_in_the_notes_as_before(db, tmp_path):
    card = tmp_path / "other.vcf"
    card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Smith\r\nNICKNAME:Annie\r\nEND:VCARD\r\n")
    sheet = tmp_path / "crm.csv"
    sheet.write_text("name,id,followers,archived,notes\nBo Chen,17,1.2k,yes,'=not ours\n")
    run_cli("import", str(card), db=db)
    run_cli("import", str(sheet), db=db)
    ann, bo = contacts(db)
    assert (ann["call_name"], ann["notes"]) == ("", "Nickname: Annie")
    assert bo["id"] != "17" and (bo["followers"], bo["archived"]) == (None, False)
    assert bo["notes"] == "'=not ours\nid: 17\nfollowers: 1.2k\narchived: yes"


def test_the_csv_export_quotes_every_formula_and_its_own_import_takes_the_quote_back(db, tmp_path):
    for index, (name, why) in enumerate(FORMULAS.items()):
        run_cli("add", name, f"--why={why}", "--x", f"@person{index}", db=db)
    exported = tmp_path / "people.csv"
    run_cli("export", "--format", "csv", "-o", str(exported), db=db)
    rows = list(csv.reader(io.StringIO(exported.read_text(encoding="utf-8-sig"))))[1:]
    cells = {(row[0], row[10]) for row in rows}
    assert cells == {
        ('\'=HYPERLINK("http://evil","x")', "'-2+3"),
        ("'+cmd|calc!A0", "'@SUM(1)"),
        ("''=quoted already", "'tis plain"),
    }
    assert {row[1] for row in rows} == {"'@person0", "'@person1", "'@person2"}
    fresh = tmp_path / "fresh.json"
    run_cli("import", str(exported), db=fresh)
    assert contacts(fresh) == contacts(db)


def test_the_interactions_csv_quotes_formulas_too(db):
    contact = run_cli("add", "Ann", "--x", "@ann", db=db).stdout.strip()
    run_cli("log", contact, "dm_sent", "--text", "=1+2", db=db)
    row = list(csv.DictReader(io.StringIO(run_cli("export", "--format", "interactions-csv", db=db).stdout)))
    assert row[0]["text"] == "'=1+2"


def test_a_file_that_is_not_utf8_is_refused_with_the_line_and_character_of_the_byte(db, tmp_path):
    latin = tmp_path / "people.csv"
    latin.write_bytes("name,email\nRené D,rene@example.com\n".encode("latin-1"))
    refused = run_cli("import", str(latin), db=db, check=False)
    assert refused.returncode == 1
    assert "line 2, character 4 is neither UTF-8 nor Japanese Shift_JIS" in refused.stderr
    named = run_cli("import", str(latin), "--encoding", "ascii", db=db, check=False)
    assert "not valid ascii at line 2, character 4" in named.stderr
    bom = tmp_path / "bom.csv"
    bom.write_bytes(b"\xef\xbb\xbf" + latin.read_bytes())
    assert "not UTF-8 at line 2, character 4" in run_cli("import", str(bom), db=db, check=False).stderr


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_named_with_the_encoding_to_give(db, tmp_path, encoding):
    path = tmp_path / "people.csv"
    path.write_bytes("name,email\n山田 太郎,taro@example.jp\nAnn,ann@example.com\n".encode(encoding))
    refused = run_cli("import", str(path), db=db, check=False)
    assert refused.returncode == 1
    assert (
        f"without a byte order mark (every other byte is zero): import it as {encoding} (--encoding {encoding} on"
        in (refused.stderr)
    )
    assert "added 2 contacts" in run_cli("import", str(path), "--encoding", encoding, db=db).stdout


def test_a_stray_nul_byte_is_not_taken_for_utf16(db, tmp_path):
    # One zero in 16 bytes is more than one in 32, yet nothing like UTF-16's every other byte.
    path = tmp_path / "people.csv"
    path.write_bytes(b"name,x\nAnn,@ann\x00\n")
    done = run_cli("import", str(path), db=db)
    assert "UTF-16" not in done.stderr and "added 1 contact" in done.stdout


GOOGLE_HEADER = (
    "First Name,Last Name,Organization Name,Organization Title,Birthday,Labels,"
    "E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value"
)


def test_a_google_csv_preview_counts_only_what_the_contacts_it_adds_keep_in_their_notes(db, tmp_path):
    run_cli("add", "Mia Okafor", "--email", "mia@brightline.example", db=db)
    path = tmp_path / "contacts.csv"
    path.write_text(
        f"{GOOGLE_HEADER}\n"
        "Mia,Okafor,Brightline,Partner,1985-04-12,* myContacts,Work,mia@brightline.example,Mobile,+1 415\n"
        "Bo,Chen,,,,* myContacts,Work,bo@example.com,Mobile,+1 212\n"
        "Bo,Chen,Acme,CEO,,* myContacts,Home,bo@example.com,,\n"
    )
    out = run_cli("import", str(path), "--dry-run", db=db).stdout
    assert "would add 1 contact" in out and "skipped 2" in out
    assert "kept in the contacts' notes, as dailyreach has no field for them: phone (1 contact)" in out


def test_doctor_repair_run_again_with_nothing_left_it_can_repair_copies_nothing_more(db):
    run_cli("add", "Ann", "--x", "@ann", db=db)
    run_cli("add", "Bob", "--x", "@bob", db=db)
    hand_edit(db, {"Ann": {"colour": "red"}, "Bob": {"priority": 9}})
    runs = [run_cli("doctor", "--repair", db=db, check=False).stdout for _run in range(3)]
    assert "backup: " in runs[0]
    # Bob's priority is left for the user: the runs after the first change nothing, and copy nothing.
    assert all("backup: " not in out for out in runs[1:])
    [kept] = (db.parent / "backups").glob("db-before-doctor-*")
    before_first = json.loads(kept.read_text(encoding="utf-8"))["contacts"]
    assert [c.get("colour") for c in before_first.values()].count("red") == 1


def test_opening_the_store_removes_only_the_temporary_files_its_own_writer_leaves(db, tmp_path):
    run_cli("add", "Ann", "--x", "@ann", db=db)
    descriptor, ours = tempfile.mkstemp(dir=tmp_path, prefix=f".{db.name}.", suffix=".tmp")
    with open(descriptor, "w") as handle:
        handle.write('{"half": ')
    theirs = [tmp_path / f".{db.name}.notes.tmp", tmp_path / f".{db.name}.my-sync.part.tmp"]
    for path in theirs:
        path.write_text("someone else's")
    run_cli("today", db=db)
    assert not (tmp_path / ours).exists()
    assert all(path.read_text() == "someone else's" for path in theirs)


def test_a_japanese_name_written_without_a_space_is_called_by_the_family_name_the_card_gives(db, tmp_path):
    card = tmp_path / "people.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:山田;花子;;;\r\nFN:山田花子\r\nEMAIL:hanako@example.jp\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Smith;Robert;;;\r\nFN:Bob Smith\r\nEMAIL:bob@example.com\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Lee;Ann;;;\r\nFN:Ann Lee\r\nEMAIL:ann@example.com\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    run_cli("import", str(card), db=db)
    assert [(c["name"], c["call_name"]) for c in contacts(db)] == [
        ("Ann Lee", ""),
        ("Bob Smith", ""),
        ("山田花子", "山田さん"),
    ]
    draft = run_cli("draft", "hanako@example.jp", db=db).stdout
    assert "山田さん" in draft and "山田花子さん" not in draft
