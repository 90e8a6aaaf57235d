"""Hostile input (issue 11): nothing typed or imported may brick the store, crash a command, or reach
the terminal raw. Each refusal leaves the database file byte for byte as it was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, run_cli


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "db.json"


@pytest.fixture
def alice(db: Path) -> str:
    return run_cli("add", "Alice", "--x", "alice", db=db).stdout.strip()


def refused(*args: str, db: Path) -> str:
    """Run a command that must be refused: exit 1, one message, no traceback, the file unchanged."""
    before = db.read_bytes() if db.exists() else None
    result = run_cli(*args, db=db, check=False)
    assert result.returncode == 1, result
    assert "Traceback" not in result.stderr
    assert (db.read_bytes() if db.exists() else None) == before
    return result.stderr


def commands_still_work(db: Path) -> None:
    for command in ("today", "pending", "invitations", "stats"):
        result = run_cli(command, db=db, check=False)
        assert result.returncode == 0, result.stderr
    assert run_cli("export", "--format", "ics", db=db, check=False).returncode in (0, 1)


# -- 1. dates that bricked the store ----------------------------------------------------------


@pytest.mark.parametrize(
    "when", ["9999-12-31", "0001-01-01T00:00+14:00", "1969-12-31T23:59Z", "0001-01-01", "1900-05-05T10:00"]
)
def test_log_refuses_a_moment_out_of_range_and_the_store_keeps_working(db, alice, when):
    message = refused("log", "alice", "dm_sent", "--at", when, db=db)
    assert "Error: --at: " in message  # the option given, not the app's field (When)
    commands_still_work(db)


@pytest.mark.parametrize("on", ["9999-12-31", "1901-01-01"])
def test_an_invitation_day_out_of_range_is_refused(db, alice, on):
    assert "Error: --on: " in refused("invite", "Far away", "--on", on, db=db)
    commands_still_work(db)


def _export_with(db: Path, tmp_path: Path, at: str) -> Path:
    exported = json.loads(run_cli("export", db=db).stdout)
    exported["interactions"].append(
        {
            "id": "hostile001",
            "contact_id": exported["contacts"][0]["id"],
            "kind": "dm_sent",
            "channel": "x",
            "at": at,
            "text": "",
        }
    )
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "at", ["0001-01-01T00:00:00+14:00", "9999-12-31T00:00:00+00:00", "2125-01-01T00:00:00+00:00"]
)
def test_an_imported_export_with_a_moment_out_of_range_or_in_the_future_is_refused(db, alice, tmp_path, at):
    path = _export_with(db, tmp_path, at)
    message = refused("import", str(path), db=db)
    assert "interactions[0].at" in message
    commands_still_work(db)


# -- 2. escape sequences and controls reaching the terminal -----------------------------------

OSC52 = "\x1b]52;c;aGVsbG8=\x07"
RAW_BYTES = ("\x1b", "\x07", "\x9b", "\u202e")


def no_raw_control(*outputs: str) -> None:
    for output in outputs:
        for raw in RAW_BYTES:
            assert raw not in output, (raw, output)


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--email", f"{OSC52}mallory@example.com"),
        ("--email", f"mal{OSC52}lory@example.com"),
        ("--web", f"https://example.com/{OSC52}"),
        ("--web", "https://example.com/\u202eevil"),
    ],
)
def test_e_mail_and_web_fields_are_cleaned_like_every_other(db, option, value):
    result = run_cli("add", "Mallory", option, value, db=db, check=False)
    no_raw_control(result.stdout, result.stderr)
    stored = db.read_text(encoding="utf-8") if db.exists() else ""
    assert "\\u001b" not in stored and "\\u0007" not in stored and "\u202e" not in stored
    for command in (("today",), ("export", "--format", "csv"), ("export", "--format", "vcard")):
        shown = run_cli(*command, db=db, check=False)
        no_raw_control(shown.stdout, shown.stderr)


def test_a_bidi_override_is_removed_from_names_but_zwj_and_variation_selectors_stay(db):
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    run_cli("add", f"Eve\u202e evil {family} \u2764\ufe0f", db=db)
    name = json.loads(run_cli("export", db=db).stdout)["contacts"][0]["name"]
    assert name == f"Eve evil {family} \u2764\ufe0f"


def test_the_duplicate_handle_error_and_the_import_preview_escape_what_they_echo(db, tmp_path):
    hand_edited = {
        "_meta": {"schema": {"format": "dailyreach", "version": 2}},
        "contacts": {
            "c1": {
                "id": "c1",
                "name": f"Mal{OSC52}lory",
                "handles": {"x": "@mal"},
                "why": "",
                "notes": "",
                "tags": [],
                "priority": 2,
                "followers": None,
                "cadence_days": None,
                "archived": False,
                "created_at": "2026-11-20T09:00:00+00:00",
                "updated_at": "2026-11-20T09:00:00+00:00",
            }
        },
    }
    db.write_text(json.dumps(hand_edited), encoding="utf-8")
    duplicate = run_cli("add", "Other", "--x", "mal", db=db, check=False)
    no_raw_control(duplicate.stderr)
    csv = tmp_path / "people.csv"
    csv.write_text(f"name,email\nEve{OSC52},{OSC52}@example.com\n", encoding="utf-8")
    preview = run_cli("import", str(csv), "--dry-run", db=db, check=False)
    no_raw_control(preview.stdout, preview.stderr)


# -- 3. brackets and odd bytes ----------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("log", "[x]", "note"),
        ("add", "Bob", "--web", "a[b]c"),
        ("add", "Bob", "--x", "x]"),
        ("add", "Bob", "--github", "http://[::1"),
        ("add", "Bob\udcff", "--x", "bob"),
        ("add", "Bob", "--x", "bo\udcffb"),
    ],
)
def test_brackets_and_bytes_that_are_not_utf_8_are_refused_in_one_line(db, alice, args):
    message = refused(*args, db=db)
    assert message.startswith("Error: ") and message.count("\n") == 1


@pytest.mark.parametrize("encoding", ["punycode", "undefined", "rot13", "base64"])
def test_an_encoding_that_is_no_text_encoding_is_refused(db, alice, tmp_path, encoding):
    csv = tmp_path / "people.csv"
    csv.write_text("name,x\nBob,bob\n", encoding="utf-8")
    assert "was not imported" in refused("import", str(csv), "--encoding", encoding, db=db)


def test_an_encoding_that_cannot_place_the_byte_it_stops_at_is_refused_naming_it(db, alice, tmp_path):
    # idna stops at the é but decodes nothing with errors="replace", which counting the lines before it uses.
    csv = tmp_path / "people.csv"
    csv.write_text("name,x\nRené,rene\n", encoding="utf-8")
    message = refused("import", str(csv), "--dry-run", "--encoding", "idna", db=db)
    assert "was not imported" in message and "cannot be read as idna: " in message


def test_a_csv_url_with_a_broken_bracket_is_a_bad_row_not_a_crash(db, alice, tmp_path):
    csv = tmp_path / "people.csv"
    csv.write_text("name,web\nBob,http://[x\nCarol,https://carol.example\n", encoding="utf-8")
    result = run_cli("import", str(csv), db=db, check=False)
    assert result.returncode == 0, result.stderr
    assert "line 2" in result.stdout
    names = {c["name"] for c in json.loads(run_cli("export", db=db).stdout)["contacts"]}
    assert names == {"Alice", "Carol"}


# -- 4. an unexpected error: one line and a crash report --------------------------------------


def test_an_unexpected_error_prints_one_line_naming_a_crash_report(db, alice, monkeypatch):
    from click.testing import CliRunner

    from dailyreach.cli.commands import cli
    from dailyreach.core.planning import agenda

    def broken(store):
        raise RuntimeError("a bug no check foresaw")

    # The bug is planted in-process: the installed command has none to find.
    monkeypatch.setattr(agenda, "build_agenda", broken)
    before = db.read_bytes()
    result = CliRunner().invoke(cli, ["--db", str(db), "today"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.output.startswith("Error: unexpected error (RuntimeError), nothing was changed")
    assert result.output.count("\n") == 1
    report = Path(result.output.split("details in ")[1].split(" (")[0])
    assert report.parent == db.parent / "crash-reports"
    assert "a bug no check foresaw" in report.read_text(encoding="utf-8")
    assert db.read_bytes() == before


def test_an_unexpected_error_after_a_save_names_what_was_saved(db, alice, monkeypatch):
    """It said "nothing was changed" after the log was saved, and the user logged it again."""
    from click.testing import CliRunner

    from dailyreach.cli import log_entry
    from dailyreach.cli.commands import cli

    def broken(*args, **kwargs):
        raise RuntimeError("a bug after the save")

    monkeypatch.setattr(log_entry, "logged_text", broken)
    result = CliRunner().invoke(cli, ["--db", str(db), "log", "Alice", "dm_sent", "--text", "hi"])
    assert result.exit_code == 1
    assert result.output.startswith(
        "Error: unexpected error (RuntimeError) after this was saved: DM sent to Alice; details in "
    )
    assert [entry["kind"] for entry in json.loads(db.read_text())["interactions"].values()] == ["dm_sent"]


def test_a_tag_too_long_is_said_of_the_tag_not_of_all_tags(db):
    said = refused("add", "Ann", "--x", "@ann", "--tag", "ok", "--tag", "a" * 200, db=db)
    assert said == f"Error: Tags: '{'a' * 54}...a' is 200 characters long; a tag is at most 50\n"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("log", "alice", "dm_sent", "--at", "1" * 100_000), f"Error: --at: '{'1' * 54}...1' is not a date "),
        (("invite", "Mixer", "--on", "a" * 100_000), f"Error: --on: '{'a' * 54}...a' is not a date "),
        (
            ("import", str(FIXTURES / "people.csv"), "--encoding", "a" * 100_000),
            f"\n  unknown encoding '{'a' * 54}...a'\n",
        ),
    ],
    ids=["log --at", "invite --on", "import --encoding"],
)
def test_a_huge_value_typed_is_quoted_cut_short_as_every_field_quotes_one(db, alice, args, said):
    # It was quoted whole: 100 KB written to the terminal for one mistyped option.
    message = refused(*args, db=db)
    assert said in message and len(message) < 400


# -- 4. hand-edited databases -------------------------------------------------------------------


def hand_edit(db: Path) -> dict:
    """Break one record of each kind the way a hand edit does; return the file's data as edited."""
    data = json.loads(db.read_text(encoding="utf-8"))
    first = next(iter(data["contacts"]))
    data["contacts"][first]["favourite_colour"] = "blue"
    data["contacts"]["a-list"] = [1, 2]
    data["contacts"]["nameless"] = {"id": "nameless"}
    data["contacts"]["typed"] = {"id": "typed", "name": "Typed", "priority": "high"}
    logged = next(iter(data["interactions"]))
    data["interactions"]["far-back"] = {
        **data["interactions"][logged],
        "id": "far-back",
        "at": "0001-01-01T00:00:00+14:00",
    }
    data["interactions"]["no-time"] = {**data["interactions"][logged], "id": "no-time", "at": "soon"}
    data["settings"] = {"settings": {"timezone": "Mars/Olympus", "daily_goal": 3}}
    db.write_text(json.dumps(data), encoding="utf-8")
    return data


def test_a_hand_edited_database_opens_skips_its_bad_records_and_leaves_them_in_the_file(db, alice):
    run_cli("add", "Bob", "--x", "bob", db=db)
    run_cli("log", "alice", "dm_sent", "--at", "-1d", db=db)
    edited = hand_edit(db)
    for command in (("today",), ("pending",), ("invitations",), ("stats",), ("export", "--format", "csv")):
        result = run_cli(*command, db=db, check=False)
        assert result.returncode == 0, (command, result.stderr)
        assert "Traceback" not in result.stderr
    assert json.loads(run_cli("today", "--json", db=db).stdout)["goal"] == 3
    run_cli("log", "bob", "dm_sent", db=db)
    after = json.loads(db.read_text(encoding="utf-8"))
    for table in ("contacts", "interactions"):
        for record_id in ("a-list", "nameless", "typed", "far-back", "no-time"):
            if record_id in edited[table]:
                assert after[table][record_id] == edited[table][record_id]
    assert after["settings"] == edited["settings"]


def test_the_store_names_each_bad_record_by_table_id_and_field(db, alice):
    from dailyreach.core.store.store import Store

    run_cli("log", "alice", "dm_sent", "--at", "-1d", db=db)
    hand_edit(db)
    found = {(p.table, p.record_id, p.field) for p in Store(db).problems()}
    assert {
        ("contacts", "a-list", "record"),
        ("contacts", "nameless", "name"),
        ("contacts", "typed", "priority"),
        ("interactions", "far-back", "at"),
        ("interactions", "no-time", "at"),
        ("settings", "settings", "timezone"),
    } <= found
    assert any(p.field == "favourite_colour" for p in Store(db).problems())


async def test_the_app_says_how_many_records_it_skips_as_doctor_counts_them(db, alice):
    from dailyreach.core.store.store import Store
    from dailyreach.tui.app import DailyReachApp
    from tests.tui.conftest import SIZE, settle

    run_cli("log", "alice", "dm_sent", "--at", "-1d", db=db)
    hand_edit(db)
    store = Store(db)
    counted = len(store.problems())
    assert counted >= 6
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        said = [n.message for n in app._notifications if "dailyreach doctor lists them" in n.message]
        assert said == [
            f"{counted} records in {db} cannot be read and are skipped (left as they are in the file); "
            "dailyreach doctor lists them"
        ]
    warned = run_cli("today", db=db).stderr
    assert f"warning: {counted} records in {db} cannot be read" in warned  # the log's records too


def test_commands_warn_of_skipped_records_and_doctor_lists_then_repairs_what_is_safe(db, alice):
    run_cli("log", "alice", "dm_sent", "--at", "-1d", db=db)
    edited = hand_edit(db)
    assert "`dailyreach doctor` lists them" in run_cli("today", db=db).stderr
    listed = run_cli("doctor", db=db, check=False)
    assert listed.returncode == 1
    for expected in (
        "contacts a-list: record",
        "contacts typed: priority",
        "interactions far-back: at",
        "settings settings: timezone",
        "favourite_colour",
    ):
        assert expected in listed.stdout
    listed_after = json.loads(db.read_text(encoding="utf-8"))
    assert {t: listed_after[t] for t in ("contacts", "interactions", "settings")} == {
        t: edited[t] for t in ("contacts", "interactions", "settings")
    }

    repaired = run_cli("doctor", "--repair", db=db, check=False)
    backup = Path(repaired.stdout.split("backup: ")[1].splitlines()[0])
    assert json.loads(backup.read_text(encoding="utf-8"))["contacts"] == edited["contacts"]
    after = json.loads(db.read_text(encoding="utf-8"))
    first = next(iter(edited["contacts"]))
    assert "favourite_colour" not in after["contacts"][first]
    assert after["settings"]["settings"]["timezone"] is None
    assert after["settings"]["settings"]["daily_goal"] == 3
    assert after["contacts"]["typed"] == edited["contacts"]["typed"]
    assert "Alice" in {c["name"] for c in json.loads(run_cli("export", db=db).stdout)["contacts"]}
    left = run_cli("doctor", db=db, check=False).stdout
    assert "favourite_colour" not in left and "contacts typed: priority" in left


# -- 8. a link opener re-checks the link when it opens it ---------------------------------------


async def test_o_opens_https_http_and_mailto_links_and_nothing_else(store, monkeypatch):
    import webbrowser

    from dailyreach.core.records.model import Contact
    from dailyreach.tui.app import DailyReachApp
    from tests.tui.conftest import SIZE, settle

    store.save_contact(Contact.from_dict({"name": "Plain", "handles": {"web": "http://plain.example"}}))
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url: opened.append(url) or True)
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert opened == ["http://plain.example"]
        for url in ("file:///etc/passwd", "javascript:alert(1)", "https://x.com/a b", "ftp://example.com"):
            app.screen.open_link(url)
        await settle(pilot)
        assert opened == ["http://plain.example"]
        refused = [
            n.message for n in app._notifications if "is not an https:, http: or mailto: link" in n.message
        ]
        assert len(refused) == 4


@pytest.mark.parametrize(
    ("url", "profile", "compose"),
    [
        ("https://x.com/intent/post?text=hi", True, True),
        ("mailto:ann@example.com?subject=hi", True, True),
        ("http://plain.example", True, False),
        ("HTTP://PLAIN.EXAMPLE", True, False),
        ("file:///etc/passwd", False, False),
        ("javascript:alert(1)", False, False),
        ("https://example.com/a b", False, False),
        ("https://example.com/\x1b]52;c;x\x07", False, False),
    ],
)
def test_a_profile_may_be_an_http_site_a_compose_link_never(url, profile, compose):
    from dailyreach.core.records.handles import COMPOSE_SCHEMES, openable

    assert openable(url) is profile
    assert openable(url, COMPOSE_SCHEMES) is compose


def test_a_link_another_program_wrote_into_the_file_is_not_read(db, alice):
    data = json.loads(db.read_text(encoding="utf-8"))
    contact = next(iter(data["contacts"].values()))
    contact["handles"] = {"web": "file:///etc/passwd"}
    db.write_text(json.dumps(data), encoding="utf-8")
    assert "contacts" in run_cli("doctor", db=db, check=False).stdout
    assert "passwd" not in run_cli("export", "--format", "csv", db=db).stdout


# -- 5 and 10. a symlink at the database path, a read-only database ----------------------------


def test_a_symlink_at_the_database_path_is_written_through_to_its_target(tmp_path):
    synced = tmp_path / "synced"
    synced.mkdir()
    target = synced / "dailyreach.json"
    link = tmp_path / "db.json"
    run_cli("add", "Alice", "--x", "alice", db=target)
    link.symlink_to(target)
    run_cli("add", "Bob", "--x", "bob", db=link)
    assert link.is_symlink()
    names = {c["name"] for c in json.loads(target.read_text(encoding="utf-8"))["contacts"].values()}
    assert names == {"Alice", "Bob"}


def test_a_read_only_database_is_refused_for_writing_and_kept_read_only(db, alice):
    db.chmod(0o400)
    try:
        message = refused("add", "Bob", "--x", "bob", db=db)
        assert "read-only" in message
        assert db.stat().st_mode & 0o777 == 0o400
        assert "Alice" in run_cli("export", "--format", "csv", db=db).stdout
    finally:
        db.chmod(0o600)


def test_a_full_width_currency_code_is_the_ascii_code(db):
    run_cli("invite", "Mixer", "--cost", "5000", "--currency", "ＪＰＹ", "--decline", db=db)
    invitation = json.loads(run_cli("export", db=db).stdout)["invitations"][0]
    assert invitation["currency"] == "JPY"


@pytest.mark.parametrize(
    ("kind", "currency", "language", "stored"),
    [
        ("セミナー", "円", "ja", ("seminar", "JPY")),  # as the Japanese screens show them
        ("営業", "日本円", "ja", ("sales_pitch", "JPY")),
        ("Sales Pitch", "ユーロ", "en", ("sales_pitch", "EUR")),  # the English label, in any case
        ("seminar", "usd", "ja", ("seminar", "USD")),
        ("セミナー", "円", "en", ("seminar", "JPY")),  # Japanese read in every language, as its days are
    ],
)
def test_a_kind_and_a_currency_are_taken_as_they_are_shown_and_said(db, kind, currency, language, stored):
    run_cli(
        "invite", "Mixer", "--kind", kind, "--currency", currency, db=db, env={"DAILYREACH_LANG": language}
    )
    invitation = json.loads(run_cli("export", db=db).stdout)["invitations"][0]
    assert (invitation["kind"], invitation["currency"]) == stored


@pytest.mark.parametrize(
    ("typed", "stored"), [("月曜", "monday"), ("日曜日", "sunday"), ("土曜", "saturday")]
)
def test_the_weeks_first_day_is_taken_by_its_japanese_name(typed, stored):
    from dailyreach.core.records.model import Settings

    assert Settings.from_dict({"week_start": typed}).week_start == stored


def test_a_week_that_starts_on_a_day_it_cannot_is_refused_as_typed():
    from dailyreach.core.errors import ValidationError
    from dailyreach.core.records.model import Settings

    with pytest.raises(ValidationError, match="'水曜' is not one of monday, sunday, saturday"):
        Settings.from_dict({"week_start": "水曜"})


@pytest.mark.parametrize("hours", ["1e-320", "0.0000001"])
def test_an_amount_too_small_to_be_meant_is_refused(db, alice, hours):
    assert "Hours" in refused("invite", "Mixer", "--hours", hours, db=db)


# -- generated hostile input: the validation boundary, the store reader, the importers ---------

import contextlib  # noqa: E402

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from dailyreach.core.errors import ImportRejected, ValidationError  # noqa: E402
from dailyreach.core.records.model import Contact, Interaction, Invitation  # noqa: E402
from dailyreach.core.records.readback import record_problem  # noqa: E402
from dailyreach.core.records.text import terminal_safe  # noqa: E402

# Text with the characters that broke things: controls, escapes, bidi controls, brackets, surrogates.
HOSTILE = st.text(
    st.one_of(
        st.characters(codec="utf-8"),
        st.sampled_from(["\x1b", "\x07", "\x9b", "\u202e", "\u2066", "[", "]", "@", ":", "/", "\ud800"]),
    ),
    max_size=40,
)
TERMINAL_DRIVERS = ("\x1b", "\x07", "\x9b", "\u202e", "\u2066")
JSON = st.recursive(
    # 64-bit integers: orjson reads a larger one as a float (noted in issue 11's report).
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | HOSTILE,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(HOSTILE, inner, max_size=3),
    max_leaves=8,
)
FAST = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FAST
@given(
    name=HOSTILE,
    platform=st.sampled_from(["x", "email", "web", "mastodon", "github", "linkedin"]),
    handle=HOSTILE,
)
def test_a_contact_is_either_refused_or_clean_and_readable_back(name, platform, handle):
    try:
        contact = Contact.from_dict(
            {"name": name, "handles": {platform: handle}, "created_at": "2026-11-23T09:00Z"}
        )
    except ValidationError:
        return
    body = contact.to_dict()
    assert record_problem("contacts", body) is None
    for text in (contact.name, *contact.handles.values()):
        assert not any(raw in text for raw in TERMINAL_DRIVERS)


@FAST
@given(at=HOSTILE | st.datetimes().map(lambda moment: moment.isoformat() + "+14:00"), text=HOSTILE)
def test_an_interaction_is_either_refused_or_readable_back(at, text):
    try:
        interaction = Interaction.from_dict({"contact_id": "c1", "kind": "note", "at": at, "text": text})
    except ValidationError:
        return
    assert record_problem("interactions", interaction.to_dict()) is None


@FAST
@given(fields=st.dictionaries(st.sampled_from(["title", "hours", "cost", "currency", "event_date"]), JSON))
def test_an_invitation_is_either_refused_or_readable_back(fields):
    try:
        invitation = Invitation.from_dict({"title": "T", **fields})
    except ValidationError:
        return
    assert record_problem("invitations", invitation.to_dict()) is None


@FAST
@given(text=HOSTILE)
def test_what_is_printed_never_holds_a_byte_that_drives_the_terminal(text):
    shown = terminal_safe(text)
    assert not any(raw in shown for raw in (*TERMINAL_DRIVERS, "\ud800"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=st.sampled_from(["contacts", "interactions", "invitations", "snoozes", "plans"]), body=JSON)
def test_the_store_reads_any_hand_edited_record_and_skips_what_it_cannot_read(tmp_path_factory, table, body):
    from dailyreach.core.planning.agenda import build_agenda
    from dailyreach.core.store.store import Store

    db = tmp_path_factory.mktemp("hand") / "db.json"
    data = {"_meta": {"schema": {"format": "dailyreach", "version": 2}}, table: {"r1": body}}
    db.write_text(json.dumps(data), encoding="utf-8", errors="surrogatepass")
    store = Store(db)
    store.problems()
    build_agenda(store)
    assert all(isinstance(document, dict) for document in store.documents(table))
    kept = json.loads(db.read_text(encoding="utf-8", errors="surrogatepass"))[table]["r1"]
    assert json.dumps(kept) == json.dumps(body)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(HOSTILE, min_size=2, max_size=2), max_size=4))
def test_a_generated_csv_is_previewed_or_refused_never_crashes(tmp_path_factory, rows):
    import csv

    from dailyreach.core.files.contact_import import preview_import
    from dailyreach.core.store.store import Store

    folder = tmp_path_factory.mktemp("csv")
    path = folder / "people.csv"
    with path.open("w", encoding="utf-8", errors="surrogatepass", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "web"])
        writer.writerows(rows)
    with contextlib.suppress(ImportRejected):
        preview_import(Store(folder / "db.json"), path)


def test_control_characters_another_program_wrote_are_reported_and_cleaned_by_doctor(db, alice):
    data = json.loads(db.read_text(encoding="utf-8"))
    contact_id = next(iter(data["contacts"]))
    data["contacts"][contact_id]["name"] = f"Ali{OSC52}ce\u202e"
    db.write_text(json.dumps(data), encoding="utf-8")
    today = run_cli("today", db=db)
    no_raw_control(today.stdout, today.stderr)
    assert "control characters" in run_cli("doctor", db=db, check=False).stdout
    run_cli("doctor", "--repair", db=db)
    assert json.loads(db.read_text(encoding="utf-8"))["contacts"][contact_id]["name"] == "Alice"
    assert "Alice" in run_cli("export", "--format", "csv", db=db).stdout


def test_a_hand_edited_mastodon_handle_that_would_open_another_host_is_skipped(tmp_path):
    from dailyreach.core.records.model import Contact
    from dailyreach.core.store.store import Store

    db = tmp_path / "db.json"
    ann = Store(db).save_contact(
        Contact.from_dict({"name": "Ann", "handles": {"mastodon": "@ann@good.social"}})
    )
    data = json.loads(db.read_text(encoding="utf-8"))
    data["contacts"][ann.id]["handles"]["mastodon"] = "@ann@good.social@evil.example"
    db.write_text(json.dumps(data), encoding="utf-8")
    store = Store(db)
    assert store.contact(ann.id) is None
    [problem] = store.problems()
    assert (problem.record_id, problem.field) == (ann.id, "handles")
    assert "is not @user@server" in problem.problem
