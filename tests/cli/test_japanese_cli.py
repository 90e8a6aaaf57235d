"""The installed command in Japanese (``DAILYREACH_LANG=ja``): its output, its errors, its help and
click's own words, laid out in terminal cells; ``--json`` the same in every language (issue 14)."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from rich.cells import cell_len

from dailyreach.core.records.model import Contact, Interaction, Invitation
from dailyreach.core.store.store import Store
from tests.conftest import run_cli

JA = {"DAILYREACH_LANG": "ja"}
EN = {"DAILYREACH_LANG": "en"}


def ja(*args: str, db, check: bool = True, **kwargs):
    return run_cli(*args, db=db, check=check, env={**JA, "COLUMNS": "80", **kwargs.pop("env", {})}, **kwargs)


@pytest.fixture
def history(tmp_path):
    """A store as a week of use leaves it, written without the command line: 山田 overdue for a
    follow-up, Bob waiting since yesterday, Ann given up on after two follow-ups; a declined mixer in yen
    and an undecided pitch in dollars."""
    db = tmp_path / "db.json"
    store = Store(db)
    now = datetime.now(UTC)
    yamada = store.save_contact(
        Contact.from_dict({"name": "山田 太郎", "handles": {"x": "@yamada"}, "why": "シリーズAを調達"})
    )
    ann = store.save_contact(Contact.from_dict({"name": "Ann Smith", "handles": {"x": "@ann"}}))
    bob = store.save_contact(Contact.from_dict({"name": "Bob", "handles": {"bluesky": "bob.bsky.social"}}))
    store.save_contact(Contact.from_dict({"name": "佐々木 花子", "handles": {"x": "@hanako"}}))
    for contact, kind, days, channel in [
        (yamada, "dm_sent", 6, "x"),
        (bob, "public_reply", 1, "bluesky"),
        (ann, "dm_sent", 20, "x"),
        (ann, "follow_up", 15, "x"),
        (ann, "follow_up", 10, "x"),
    ]:
        at = (now - timedelta(days=days)).isoformat()
        store.add_interaction(Interaction(contact_id=contact.id, kind=kind, at=at, channel=channel))
    store.save_invitation(
        Invitation.from_dict(
            {
                "title": "異業種交流会",
                "kind": "mixer",
                "from": "佐藤",
                "event_date": (now + timedelta(days=10)).date().isoformat(),
                "hours": 3,
                "cost": 5000,
                "currency": "JPY",
                "status": "declined",
                "decided_at": now.isoformat(),
            }
        )
    )
    store.save_invitation(
        Invitation.from_dict(
            {"title": "Growth seminar", "kind": "sales_pitch", "hours": 2, "cost": 40, "currency": "USD"}
        )
    )
    return db


def column_at(line: str, pattern: str) -> int:
    """Where (in terminal cells) ``line`` shows the first word ``pattern`` matches."""
    found = re.search(rf"(?:^|\s)({pattern})(?:\s|$)", line)
    assert found, (pattern, line)
    return cell_len(line[: found.start(1)])


# -- what each command prints ----------------------------------------------------------------------


def test_today_in_japanese_lines_up_in_cells(history):
    out = ja("today", db=history).stdout
    head, *rows = out.splitlines()
    assert re.fullmatch(r"\d{1,2}月\d{1,2}日\(.\)  今日 \d+/5  連続\d+日", head), head
    assert any("山田 太郎" in row for row in rows)
    # The channel column starts at one cell whatever the width of the names before it.
    assert len({column_at(row, "X|Bluesky") for row in rows}) == 1, out


def test_pending_in_japanese(history):
    out = ja("pending", db=history).stdout
    header, *rows = out.splitlines()
    assert header.split() == ["名前", "送信", "催促", "フォローアップ期限", "チャネル"]
    assert "期限超過" in out and "見送る" in out
    assert re.search(r"\d+日前", out)  # how long ago, in pendulum's Japanese
    # Every row's last column starts where the header's does, in cells.
    assert {column_at(row, "X|Bluesky") for row in rows} == {column_at(header, "チャネル")}, out
    assert {column_at(row, r"\d+月\d+日\(.\)") for row in rows} == {column_at(header, "フォローアップ期限")}


def test_invitations_in_japanese(history):
    out = ja("invitations", db=history).stdout
    assert out.startswith("断った誘い 1件: 節約 3時間、5,000円\n"), out
    assert "交流会" in out and "営業" in out and "未定 1件:" in out
    assert re.search(r"\d{1,2}月\d{1,2}日\(.\)", out)  # the event's day


def test_stats_in_japanese_keeps_the_calendar_in_its_cells(history):
    out = ja("stats", "--weeks", "4", db=history).stdout
    lines = out.splitlines()
    assert lines[0].startswith("統計 ") and "日ごとの連絡" in lines
    calendar = lines[lines.index("日ごとの連絡") + 2 : lines.index("日ごとの連絡") + 9]
    assert [line[0] for line in calendar] == list("月火水木金土日")
    # Each day's cells start in one column, its wide name before them: a row is shorter only where this
    # week has not come to that day yet (on a Monday, every row but Monday's).
    starts = {cell_len(line[: len(line) - len(line[1:].lstrip())]) for line in calendar}
    assert starts == {cell_len("月   ")}, out
    assert "チャネル別の返信率" in out and "ファネル" in out and "先週（" in out


def test_json_is_the_same_in_every_language(history):
    for command in (["today"], ["pending"], ["invitations"], ["stats", "--weeks", "4"]):
        english = run_cli(*command, "--json", db=history, env=EN).stdout
        assert ja(*command, "--json", db=history).stdout == english, command
    english = run_cli("export", db=history, env=EN).stdout
    assert _without_export_time(ja("export", db=history).stdout) == _without_export_time(english)


def _without_export_time(text: str) -> str:
    return re.sub(r'"exported_at": "[^"]*"', "", text)


# -- errors -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("tody",), "エラー: 'tody' というコマンドはありません。 'today' のことですか？"),
        (("stats", "--weeks", "0"), "エラー: '--weeks' の値が不正です: 0 は範囲 1<=x<=520 の外です。"),
        (("today", "--jsn"), "エラー: '--jsn' というオプションはありません。"),
        (("log",), "エラー: 引数がありません 'CONTACT'."),
        (("remind",), "エラー: --install、--status、--uninstall のどれかを指定してください"),
    ],
)
def test_click_and_our_own_errors_in_japanese(history, args, said):
    result = ja(*args, db=history, check=False)
    assert result.returncode != 0 and result.stdout == ""
    assert said in result.stderr, result.stderr
    if "Try" not in said:
        assert "Try " not in result.stderr and "Usage:" not in result.stderr


def test_an_unknown_contact_and_a_bad_time_are_said_in_japanese(history):
    before = history.read_bytes()
    for args in (("log", "Nobody", "dm_sent"), ("log", "山田", "dm_sent", "--at", "someday")):
        result = ja(*args, db=history, check=False)
        assert result.returncode == 1 and result.stderr.startswith("エラー: "), result.stderr
        assert english_words(result.stderr, allowed={"Nobody", "someday", "YYYY", "MM", "DD", "HH"}) == []
    assert history.read_bytes() == before


# -- help ---------------------------------------------------------------------------------------------


def test_help_in_japanese_fits_80_cells(history):
    out = ja("--help", db=history).stdout
    assert out.startswith("使い方: dailyreach [OPTIONS] [COMMAND] [ARGS]...\n")
    assert "\nオプション:\n" in out and "\nコマンド:\n" in out
    assert "このヘルプを表示して終了します。" in out and "バージョンを表示して終了します。" in out
    assert "  today        今日の予定、進捗、連続日数を表示します。" in out
    log = ja("log", "--help", db=history).stdout
    assert log.startswith("使い方: dailyreach log [OPTIONS] CONTACT KIND\n")
    assert "やりとりを記録し" in log and "--at TEXT" in log
    for text in (out, log):
        assert max(cell_len(line) for line in text.splitlines()) <= 80, text


def test_help_in_english_is_clicks_own(history):
    out = run_cli("--help", db=history, env=EN).stdout
    assert out.startswith("Usage: dailyreach [OPTIONS] [COMMAND] [ARGS]...\n")
    assert "  today        Print today's plan, progress and streak.\n" in out


# -- nothing left in English ------------------------------------------------------------------------

# What may stay in Latin letters in Japanese: the user's data in ``history``, command and option names,
# placeholders (CONTACT, KIND, FILE...), stored keys an option takes (dm_sent, sales_pitch, channels),
# file formats, brand and program names, and units of a timezone's name.
USER_DATA = {
    "Ann", "Smith", "Bob", "Growth", "seminar", "yamada", "ann", "bob", "bsky", "social", "hanako", "A",
    "todya",  # a command mistyped
}  # fmt: skip
NAMES = {
    "dailyreach", "id", "JSON", "json", "CSV", "csv", "vCard", "vcard", "ics", "vcf", "interactions", "ISO",
    "UTF", "Shift_JIS", "URL", "README", "LinkedIn", "Mastodon", "Bluesky", "X", "GitHub", "Linux",
    "macOS", "systemd", "launchd", "crontab", "stdout", "stderr", "Ctrl", "toml", "config", "Etc", "UTC",
    "Instagram", "Threads",
    "Asia", "Tokyo", "e", "g", "cp",
}  # fmt: skip
# The words a value can be written in for --at and --on, which the command reads in English too, and
# the values settings takes as typed (--timezone system, --week-start monday).
TYPED_WORDS = {
    "now", "today", "yesterday", "tomorrow", "friday", "h", "d", "system", "monday", "sunday", "saturday",
}  # fmt: skip
KEYS = {
    "public_reply", "dm_sent", "follow_up", "reply_received", "meeting_booked", "met", "no_response",
    "note", "mixer", "seminar", "party", "community", "sales_pitch", "other", "x", "bluesky", "linkedin",
    "mastodon", "user", "instance", "name", "alice", "handle", "remind", "install", "notify", "email",
}  # fmt: skip
COMMANDS = {
    "add", "log", "invite", "decline", "delete", "today", "pending", "invitations", "stats", "export", "import",
    "status", "notify", "remind", "doctor", "serve", "draft", "template", "settings",
    "list", "show", "edit", "remove", "my",  # template's own (my-name)
}  # fmt: skip


def english_words(text: str, allowed: frozenset[str] | set[str] = frozenset()) -> list[str]:
    """The words in Latin letters in ``text`` that are none of the above: what was left untranslated."""
    text = re.sub(r"--?[a-z][a-z-]*", " ", text)  # options
    text = re.sub(r"\{[a-z_]+\}", " ", text)  # status --format's fields
    text = re.sub(r"(?:/[\w.-]+)+", " ", text)  # paths
    text = re.sub(r"\b[a-z0-9]*\d[a-z0-9]*\b", " ", text)  # record ids
    found = []
    for word in re.findall(r"[A-Za-z][A-Za-z_]*", text):
        if word.isupper():  # a placeholder (CONTACT, KIND, FILE, H), a key (C of Ctrl+C)
            continue
        if word in USER_DATA | NAMES | TYPED_WORDS | KEYS | COMMANDS | allowed:
            continue
        found.append(word)
    return found


@pytest.mark.parametrize(
    "args",
    [
        ("--help",),
        ("add", "--help"),
        ("log", "--help"),
        ("invite", "--help"),
        ("decline", "--help"),
        ("delete", "--help"),
        ("today", "--help"),
        ("pending", "--help"),
        ("invitations", "--help"),
        ("stats", "--help"),
        ("export", "--help"),
        ("import", "--help"),
        ("status", "--help"),
        ("notify", "--help"),
        ("remind", "--help"),
        ("doctor", "--help"),
        ("serve", "--help"),
        ("draft", "--help"),
        ("template", "--help"),
        ("settings", "--help"),
        ("settings",),
        ("today",),
        ("pending",),
        ("invitations",),
        ("stats", "--weeks", "4"),
        ("doctor",),
        ("todya",),
        ("stats", "--weeks", "0"),
        ("remind",),
    ],
    ids=" ".join,
)
def test_no_english_is_left_in_japanese(history, args):
    result = ja(*args, db=history, check=False)
    lines = (result.stdout + result.stderr).splitlines()
    # Record ids are shown as they are; one may happen to hold no digit (wdsxbqbcbf).
    store = Store(history)
    ids = {rid for table in ("contacts", "interactions", "invitations") for rid in store.record_ids(table)}
    left = {line: words for line in lines if (words := english_words(line, ids))}
    assert left == {}, "\n".join(lines)


def test_notifications_reminders_and_the_status_line_in_japanese(history, tmp_path):
    morning = ja("notify", db=history).stdout
    assert re.fullmatch(r"今日の連絡 \d+人: .*フォローアップ.* · 連続\d+日\n", morning), morning
    assert ja("notify", "--evening", db=history).stdout.startswith("5人中")
    missing = tmp_path / "missing.json"
    said = {
        "status": ja("status", "--verbose", db=missing).stderr,
        "notify": ja("notify", db=missing).stderr,
        "remind": ja("remind", "--install", "--at", "25:00", db=missing, check=False).stderr,
        "format": ja("status", "--format", "{nope}", db=history, check=False).stderr,
    }
    assert said["status"] == f"dailyreach status: {missing} にまだデータベースがありません\n"
    assert said["notify"] == f"{missing} にまだデータベースがありません: 通知することはありません\n"
    assert said["remind"].startswith(
        "エラー: --at '25:00': 時刻は 09:00、18:30、9時 のように指定してください"
    )
    assert said["format"].startswith("dailyreach status: --format の {nope} という項目はありません。")
    for text in said.values():
        assert english_words(text, allowed={"nope"}) == [], text


def test_the_language_is_the_config_files_then_the_environments(history, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('language = "ja"\n', encoding="utf-8")
    unset = {"DAILYREACH_LANG": "", "LC_ALL": "", "LC_MESSAGES": ""}
    chosen = run_cli("--config", str(config), "pending", db=history, env={**unset, "LANG": "en_US.UTF-8"})
    assert chosen.stdout.startswith("名前 ")
    from_lang = run_cli("pending", db=history, env={**unset, "LANG": "ja_JP.UTF-8"})
    assert from_lang.stdout.startswith("名前 ")
    english = run_cli("pending", db=history, env={**unset, "LANG": "C.UTF-8"})
    assert english.stdout.startswith("name ")


def test_an_import_is_previewed_and_reported_in_japanese(history, tmp_path):
    people = tmp_path / "people.csv"
    people.write_text(
        "name,x,priority\n佐藤 花子,@sato_h,1\n鈴木 一郎,@ichiro,nine\n山田 太郎,@yamada,2\n",
        encoding="utf-8",
    )
    preview = ja("import", str(people), "--dry-run", db=history).stdout
    assert "1件の連絡先を追加します" in preview and "2行目" in preview, preview
    assert "スキップ 1件:" in preview and "インポートしなかった不正な行 1件:" in preview, preview
    done = ja("import", str(people), db=history).stdout
    assert "1件の連絡先を追加しました" in done, done
    for text in (preview, done):
        left = english_words(text, allowed={"sato_h", "ichiro", "nine", "name", "priority"})
        assert left == [], text


def test_a_file_the_system_cannot_give_is_said_in_japanese(tmp_path):
    # The system's words came through in English: 読めません：No such file or directory.
    result = run_cli("import", str(tmp_path / "nowhere.csv"), db=tmp_path / "db.json", check=False, env=JA)
    assert result.returncode == 1
    assert "読めません：そのようなファイルやフォルダはありません" in result.stderr
    assert "No such file" not in result.stderr
