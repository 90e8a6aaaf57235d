"""What a new user met on the command line, installed and on real files: a setting's error names it as
its option's help does, an empty file is said to be empty, doctor counts in words, a LinkedIn date that
is not one is left out and said, Mastodon names are written one way, a contact added with a name
another already has is added with a note on stderr, decline takes the app's Reason as --reason, and an
invitation declined already is left as it was, a new reason for it said not to be recorded."""

import json
import re

import pytest

from tests.cli.test_views_without_click import run
from tests.conftest import run_cli

BAD_SETTINGS = {
    "--goal": "0",
    "--followup-days": "abc",
    "--followup-days-on": "email=abc",
    "--follow-ups": "-1",
    "--week-start": "tuesday",
    "--timezone": "Mars/Olympus",
    "--currency": "zz1",
}


def option_help(option: str, db) -> str:
    """The option's help in ``settings --help``, on one line."""
    text = run_cli("settings", "--help", db=db).stdout
    found = re.search(rf"^  {re.escape(option)} \S+\s+(.*?)(?=^  -|\Z)", text, re.MULTILINE | re.DOTALL)
    assert found, text
    return " ".join(found[1].split())


@pytest.mark.parametrize("option", BAD_SETTINGS)
def test_a_settings_error_names_the_setting_as_its_options_help_does(db, option):
    refused = run_cli("settings", option, BAD_SETTINGS[option], db=db, check=False)
    assert refused.returncode == 1
    named = re.search(r"^Error: (.+?)(?: \(\w+\))?: ", refused.stderr, re.MULTILINE)
    assert named, refused.stderr
    assert option_help(option, db).startswith(f"{named[1]}: ")


def test_a_timezone_is_stored_as_the_zone_database_names_it_and_localtime_is_refused(db):
    # utc was stored as typed while Asia/tokyo was refused; localtime names another zone on each machine.
    run_cli("settings", "--timezone", "asia/tokyo", db=db)
    assert json.loads(run_cli("settings", "--json", db=db).stdout)["timezone"] == "Asia/Tokyo"
    refused = run_cli("settings", "--timezone", "localtime", db=db, check=False)
    assert (refused.returncode, refused.stderr) == (
        1,
        "Error: Timezone: 'localtime' is not a known timezone\n",
    )
    assert json.loads(run_cli("settings", "--json", db=db).stdout)["timezone"] == "Asia/Tokyo"


def test_the_follow_up_options_help_says_the_names_their_errors_use(db):
    assert option_help("--followup-days", db).startswith("Days before a follow-up: ")
    assert option_help("--follow-ups", db).startswith("Follow-ups before giving up: ")
    refused = run_cli("settings", "--follow-ups", "-1", db=db, check=False)
    assert "Follow-ups before giving up: must be between 0 and 20, not -1" in refused.stderr


@pytest.mark.parametrize("content", [b"", b"  \n\n\t\r\n", b"\xef\xbb\xbf\n"])
@pytest.mark.parametrize(
    "fmt",
    [(), *(("--format", name) for name in ("csv", "vcard", "linkedin", "mastodon", "json"))],
)
def test_importing_an_empty_file_says_it_is_empty(db, tmp_path, content, fmt):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(content)
    refused = run_cli("import", str(empty), *fmt, db=db, check=False)
    assert refused.returncode == 1
    assert f"{empty} was not imported" in refused.stderr
    assert "the file is empty: there is nothing in it to import" in refused.stderr
    assert "tried" not in refused.stderr and "--format" not in refused.stderr


def unreadable(db, count: int) -> None:
    """``count`` contacts made unreadable, as a hand edit of the file does."""
    for name in ("Ann", "Bo", "Cy")[:count]:
        run_cli("add", name, db=db)
    data = json.loads(db.read_text(encoding="utf-8"))
    for record in list(data["contacts"].values())[:count]:
        record["priority"] = "high"
    db.write_text(json.dumps(data), encoding="utf-8")


def test_doctor_says_one_record_in_the_singular(db):
    unreadable(db, 1)
    said = run_cli("doctor", db=db, check=False).stdout.splitlines()[0]
    assert said == f"{db}: 1 record is not as dailyreach writes it; it is kept as it is"


def test_doctor_says_two_records_in_the_plural(db):
    unreadable(db, 2)
    said = run_cli("doctor", db=db, check=False).stdout.splitlines()[0]
    assert said == f"{db}: 2 records are not as dailyreach writes them; they are kept as they are"
    assert "(s)" not in said


def test_doctor_offers_repair_only_when_it_would_fix_something(db):
    unreadable(db, 1)  # a priority no repair can guess
    assert run_cli("doctor", db=db, check=False).stdout.splitlines()[-1] == (
        "none of these is safe to repair: each is yours to fix by hand"
    )
    data = json.loads(db.read_text(encoding="utf-8"))
    record = next(iter(data["contacts"].values()))
    record["priority"], record["colour"] = 2, "blue"  # a field no record has: dropped safely
    db.write_text(json.dumps(data), encoding="utf-8")
    assert run_cli("doctor", db=db, check=False).stdout.splitlines()[-1] == (
        "dailyreach doctor --repair fixes what is safe, after a backup"
    )


def test_doctor_lists_an_interaction_later_than_the_clock(db):
    run_cli("add", "Noah", "--x", "@noah", db=db)
    run_cli("log", "noah", "dm_sent", db=db)
    data = json.loads(db.read_text(encoding="utf-8"))
    for record in data["interactions"].values():
        record["at"] = "2099-06-01T09:00:00+00:00"
    db.write_text(json.dumps(data), encoding="utf-8")
    said = run_cli("doctor", db=db, check=False)
    assert said.returncode == 1
    assert "at: 2099-06-01 09:00 is later than this machine's clock" in said.stdout


def test_doctor_on_a_path_with_no_database_says_so_and_makes_none(tmp_path):
    missing = tmp_path / "mistyped.json"
    said = run_cli("doctor", db=missing, check=False)
    assert (said.returncode, said.stdout) == (0, "")
    assert said.stderr == f"no database at {missing} yet: nothing to check\n"
    assert not missing.exists()


LINKEDIN = """Notes:
"When exporting your connection data, you may notice that some of the email addresses are missing."

First Name,Last Name,URL,Email Address,Company,Position,Connected On
Ann,Lee,https://www.linkedin.com/in/annlee,,Acme,CTO,bad date
Bo,Kim,https://www.linkedin.com/in/bokim,,Acme,CTO,05 Mar 2024
"""


def test_a_linkedin_connected_on_that_is_no_date_is_left_out_and_said_in_the_preview(db, tmp_path):
    connections = tmp_path / "Connections.csv"
    connections.write_text(LINKEDIN, encoding="utf-8")
    preview = run_cli("import", str(connections), "--dry-run", db=db).stdout
    assert "line 5: Connected On 'bad date' is not a date (such as 05 Mar 2024): left out" in preview
    assert "line 6:" not in preview
    run_cli("import", str(connections), db=db)
    notes = {c["name"]: c["notes"] for c in json.loads(run_cli("export", db=db).stdout)["contacts"]}
    assert notes == {"Ann Lee": "CTO at Acme", "Bo Kim": "CTO at Acme\nLinkedIn connection since 2024-03-05"}


def test_mastodon_follows_are_named_without_a_leading_at_whichever_way_the_file_writes_them(db, tmp_path):
    follows = tmp_path / "following_accounts.csv"
    follows.write_text(
        "Account address,Show boosts,Notify on new posts,Languages\n"
        "@bob@hachyderm.io,true,false,\ngargron@mastodon.social,true,false,\n",
        encoding="utf-8",
    )
    preview = run_cli("import", str(follows), "--dry-run", db=db).stdout
    assert "line 2  bob      Mastodon @bob@hachyderm.io" in preview
    assert "line 3  gargron  Mastodon @gargron@mastodon.social" in preview
    run_cli("import", str(follows), db=db)
    contacts = json.loads(run_cli("export", db=db).stdout)["contacts"]
    assert {c["name"]: c["handles"]["mastodon"] for c in contacts} == {
        "bob": "@bob@hachyderm.io",
        "gargron": "@gargron@mastodon.social",
    }


BAD_HANDLES = "@@,in/,b..,@m,-g-,mail,not a url"  # x, linkedin, bluesky, mastodon, github, email, web


def test_a_csv_row_says_every_problem_it_has_not_only_the_first(db, tmp_path):
    sheet = tmp_path / "people.csv"
    sheet.write_text(
        f"name,x,linkedin,bluesky,mastodon,github,email,web,priority,cadence\nAnn,{BAD_HANDLES},9,zz\n",
        encoding="utf-8",
    )
    preview = run_cli("import", str(sheet), "--dry-run", db=db, check=False).stdout.splitlines()
    bad = preview[preview.index("not imported, 1 bad row:") + 1]
    assert bad.startswith("  line 2     Ann: X: '@@': an X handle is @ and 1-15 letters")
    for said in (
        "; LinkedIn: 'in/': ",
        "; Bluesky: 'b..': ",
        "; Mastodon: '@m': ",
        "; GitHub: '-g-': ",
        "; E-mail: 'mail': ",
        "; Web: 'not a url': ",
        "; Priority: must be between 1 and 3, not 9",
        "; Keep in touch every (days): 'zz' is not a whole number",
    ):
        assert said in bad


def test_a_csv_row_says_at_most_ten_problems_and_counts_the_rest(db, tmp_path):
    sheet = tmp_path / "people.csv"
    sheet.write_text(
        "name,x,linkedin,bluesky,mastodon,github,email,web,priority,cadence,why\n"
        f"{'A' * 201},{BAD_HANDLES},9,zz,{'w' * 10_001}\n",
        encoding="utf-8",
    )
    bad = run_cli("import", str(sheet), "--dry-run", db=db, check=False).stdout.splitlines()[-1]
    assert bad.endswith("; Why: is 10001 characters long; at most 10000 are allowed; ... and 1 more")
    assert "Name:" not in bad  # the eleventh


def test_an_empty_row_amid_the_data_is_said_and_a_spreadsheets_trailing_ones_are_not(db, tmp_path):
    sheet = tmp_path / "people.csv"
    sheet.write_text("name,x,email\nAnn,@ann,\n,,\n\nBo,@bo,\n,,\n,,\n\n", encoding="utf-8")
    preview = run_cli("import", str(sheet), "--dry-run", db=db).stdout.splitlines()
    assert preview[preview.index("would add 2 contacts") + 1 :] == [
        "  line 2  Ann  X @ann",
        "  line 5  Bo   X @bo",
        "skipped 2:",
        "  line 3     (empty row): every cell is empty",
        "  line 4     (empty row): every cell is empty",
    ]
    run_cli("import", str(sheet), db=db)
    assert [c["name"] for c in json.loads(run_cli("export", db=db).stdout)["contacts"]] == ["Ann", "Bo"]


@pytest.mark.parametrize(
    ("when", "said"),
    [
        ("yesterday 25:00", "--at: 'yesterday 25:00' is not a time: hours are 00 to 23, minutes and seconds"),
        ("2100-01-01", "--at: 2100-01-01 00:00 is in the future; log what has already happened"),
        ("1900-01-01", "--at: '1900-01-01' is out of range: use a time between 1970"),
    ],
)
@pytest.mark.parametrize("through_click", [False, True], ids=["log-without-click", "log-through-click"])
def test_a_time_log_cannot_take_names_the_at_option_not_the_apps_when_field(db, when, said, through_click):
    run_cli("add", "Ann", "--x", "@ann", db=db)
    refused = run("log", "ann", "dm_sent", "--at", when, db=db, click=through_click)
    assert (refused.returncode, refused.stdout) == (1, "")
    assert refused.stderr.startswith(f"Error: {said}")
    assert "When" not in refused.stderr


@pytest.mark.parametrize(
    ("day", "said"),
    [
        ("2026-02-30", "Error: --on: '2026-02-30' is not a date: 2026-02 has 28 days"),
        ("9999-12-31", "Error: --on: '9999-12-31' is out of range: use a day between 1970 and 2126"),
    ],
)
def test_an_invitations_day_it_cannot_take_names_the_on_option_not_the_apps_event_date(db, day, said):
    run_cli("add", "Ann", db=db)  # made first: the note that it was made would come before the error
    refused = run_cli("invite", "Mixer", "--on", day, db=db, check=False)
    assert refused.returncode == 1 and refused.stderr.startswith(said)
    assert "Event date" not in refused.stderr


def test_other_problems_of_a_log_still_name_their_field(db):
    run_cli("add", "Ann", "--x", "@ann", db=db)
    refused = run_cli("log", "ann", "bogus", "--at", "-2h", db=db, check=False)
    assert refused.stderr.startswith("Error: Kind: 'bogus' is not one of public_reply")


def test_add_with_a_name_another_contact_has_adds_it_with_a_note_naming_the_other(db_path):
    first = run_cli("add", "Ann Red", "--x", "@annred", db=db_path).stdout.strip()
    twin = run_cli("add", "ann red", db=db_path)
    assert twin.returncode == 0 and twin.stdout.strip() != first
    assert twin.stderr == f"note: Ann Red (id {first}) has the same name; use an id to log to either\n"
    names = [contact["name"] for contact in json.loads(run_cli("export", db=db_path).stdout)["contacts"]]
    assert sorted(names) == ["Ann Red", "ann red"]
    assert run_cli("add", "Ann Redford", db=db_path).stderr == ""


def invitations(db_path) -> dict[str, dict]:
    exported = json.loads(run_cli("export", db=db_path).stdout)
    return {invitation["title"]: invitation for invitation in exported["invitations"]}


def test_decline_takes_the_apps_reason_as_reason_or_note_and_invite_takes_a_note(db_path):
    run_cli("invite", "Founder seminar", "--kind", "seminar", "--note", "a pitch in disguise", db=db_path)
    run_cli("invite", "Mixer", "--note", "on a Friday", "--decline", db=db_path)
    run_cli("invite", "Party", db=db_path)
    assert {title: invitation["note"] for title, invitation in invitations(db_path).items()} == {
        "Founder seminar": "a pitch in disguise",
        "Mixer": "on a Friday",
        "Party": "",
    }
    assert run_cli("decline", "founder", "--reason", "not my crowd", db=db_path).stdout == (
        "Declined Founder seminar.\n"
    )
    run_cli("decline", "party", "--note", "too late", db=db_path)
    declined = invitations(db_path)
    assert (declined["Founder seminar"]["note"], declined["Party"]["note"]) == ("not my crowd", "too late")
    assert "--note, --reason" in run_cli("decline", "--help", db=db_path).stdout


def test_declining_an_invitation_already_declined_says_when_and_leaves_it(db_path):
    run_cli("invite", "Founder seminar", "--decline", "--note", "not my crowd", db=db_path)
    before = invitations(db_path)["Founder seminar"]
    again = run_cli("decline", "founder", "--reason", "another reason", db=db_path)
    assert again.returncode == 0
    assert again.stdout == f"Founder seminar was already declined on {before['decided_at'][:10]}\n"
    # The reason given is not taken, and the user is told so and where to change it: it was dropped unsaid.
    assert again.stderr == (
        "note: the reason given was not recorded, as the invitation was declined already; press E on it "
        "under Declined invitations in the app to change its reason\n"
    )
    assert invitations(db_path)["Founder seminar"] == before
    # No reason, or the one it has: nothing is lost, nothing to say.
    for reason in ((), ("--reason", "not my crowd")):
        assert run_cli("decline", "founder", *reason, db=db_path).stderr == ""


def test_declining_names_a_long_title_as_every_notice_does(db_path):
    # The whole title of 500 characters was printed back, where the app's notices cut it at 80.
    title = "Founder summit " + "with a very long programme " * 18
    run_cli("invite", title, db=db_path)
    said = run_cli("decline", "founder", db=db_path).stdout
    assert said.startswith("Declined Founder summit with a very long programme") and said.endswith("….\n")
    assert len(said) < 100
    assert run_cli("decline", "founder", db=db_path).stdout.split(" was already declined")[0].endswith("…")
