"""dailyreach draft, dailyreach template and dailyreach serve in Japanese, through the installed command
(``DAILYREACH_LANG=ja``); the drafts themselves are the templates' words, whatever the language (issue 14)."""

import socket
from urllib.parse import parse_qs, urlsplit

import pytest
from rich.cells import cell_len

from tests.conftest import run_cli
from tests.served import Served, free_port

JA = {"DAILYREACH_LANG": "ja", "COLUMNS": "80"}


def ja(*args: str, db, check: bool = True, **kwargs):
    return run_cli(*args, db=db, check=check, env=JA, **kwargs)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "db.json"
    run_cli("add", "山田 太郎", "--x", "@yamada", "--why", "上場した", db=path)
    run_cli("add", "Ann Smith", "--email", "ann@example.com", "--call-name", "Annie", db=path)
    return path


def test_draft_help_in_japanese(db):
    out = ja("draft", "--help", db=db).stdout
    assert out.startswith("使い方: dailyreach draft [OPTIONS] CONTACT\n")
    assert "  テンプレートから CONTACT（ID、ハンドルまたは名前）宛ての下書きを表示します。\n" in out
    assert "何も送信しません。" in out
    assert "  --template NAME  このテンプレートを使う（既定: 状況に合うもの）。\n" in out
    assert "  --copy           下書きをシステムのクリップボードにもコピーする。\n" in out
    assert max(cell_len(line) for line in out.splitlines()) <= 80, out


def test_template_help_lists_its_commands_in_japanese(db):
    out = ja("template", "--help", db=db).stdout
    assert "  下書きの元になるメッセージのテンプレートを一覧・追加・編集・削除します。\n" in out
    assert "  remove   テンプレート NAME を削除します。\n" in out
    assert max(cell_len(line) for line in out.splitlines()) <= 80, out
    main = ja("--help", db=db).stdout
    assert "  draft        テンプレートから CONTACT（ID、ハンドルまたは名前）宛ての下書" in main
    assert "  template     下書きの元になるメッセージのテンプレートを一覧・追加・編集・" in main


def test_template_list_in_japanese_names_the_defaults_in_japanese(db):
    listed = ja("template", "list", db=db).stdout.splitlines()
    # Japanese's first, in Japanese: the English ones filled a terminal before them.
    assert listed[0] == "最初の公開リプライ (ja) · 最初の公開リプライ · すべてのチャネル · 日本語"
    assert "最初の公開リプライ (en) · 最初の公開リプライ · すべてのチャネル · 英語" in listed
    assert "フォローアップ1 (ja) · フォローアップ #1 · すべてのチャネル · 日本語" in listed
    assert len(listed) == 18
    # Added in Japanese, named in English when English is in use (until the user renames one).
    assert run_cli("template", "list", db=db).stdout.splitlines()[0].startswith("first public reply (en) · ")


def test_the_defaults_added_in_english_are_named_in_japanese(db):
    run_cli("template", "list", db=db)
    assert "最初の公開リプライ (en) · 最初の公開リプライ · すべてのチャネル · 英語" in (
        ja("template", "list", db=db).stdout.splitlines()
    )
    assert ja("template", "show", "最初のDM (ja)", db=db).returncode == 0


def test_a_draft_in_japanese(db):
    done = ja("draft", "yamada", db=db)
    assert done.stdout.startswith("@yamada 大変参考になりました")  # the template's words
    said = done.stderr.splitlines()
    count = len(done.stdout.rstrip("\n")) + 1  # X weighs the Japanese twice, "@yamada" once
    assert said[0].startswith("テンプレート: 最初の公開リプライ (ja) · X · ")
    assert said[0].endswith("/280") and int(said[0].split(" · ")[-1].split("/")[0]) > count
    assert said[1].startswith("送信先: https://x.com/intent/post?")
    query = parse_qs(urlsplit(said[1].removeprefix("送信先: ")).query)
    assert query == {"text": [done.stdout.rstrip("\n")]}
    ann = ja("draft", "Ann", db=db)
    assert ann.stdout.startswith("Hi Annie,")
    assert "件名: A question from a first-time founder" in ann.stderr
    assert "{my_name} に入るあなたの名前は dailyreach template my-name NAME で設定できます" in ann.stderr
    assert ja("template", "my-name", db=db).stdout == "（未設定）\n"
    assert ja("template", "my-name", "佐藤 健", db=db).stdout == "あなたの名前: 佐藤 健\n"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ("template", "add", "Bad", "--purpose", "first_dm", "--body", "Hi {nmae}"),
            "本文: {nmae} というプレースホルダーはありません。使えるのは {name}、{call_name}、{handle}、"
            "{why}、{days_since}、{days_ago}、{my_name} です",
        ),
        (
            ("template", "add", "Bad", "--purpose", "first_dm", "--body", "Hi {name:>9}"),
            "本文: {name:>9} に書式は付けられません。{name} と書いてください",
        ),
        (
            ("template", "add", "Bad", "--purpose", "first_dm"),
            "本文が空です: --body TEXT を指定するか、--body - で標準入力から読み込んでください",
        ),
        (("template", "remove", "nope"), "'nope' という名前のテンプレートはありません。あるテンプレート: "),
        (("draft", "Ann", "--template", "nope"), "'nope' という名前のテンプレートはありません。"),
    ],
)
def test_template_mistakes_in_japanese(db, args, said):
    done = ja(*args, db=db, check=False)
    assert done.returncode != 0
    assert said in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_templates_added_edited_and_removed_say_so_in_japanese(db):
    ja("template", "add", "Mine", "--purpose", "thanks_reply", "--body", "{call_name}、ありがとう", db=db)
    assert ja("template", "edit", "mine", "--subject", "お礼", db=db).stdout == "保存しました: Mine\n"
    shown = ja("template", "show", "Mine", db=db)
    assert shown.stdout == "{call_name}、ありがとう\n"
    assert shown.stderr == "Mine · 返信へのお礼 · すべてのチャネル · すべての言語\n件名: お礼\n"
    taken = ja("template", "add", "MINE", "--purpose", "first_dm", "--body", "x", db=db, check=False)
    assert "名前: 'Mine' という名前のテンプレートがすでにあります" in taken.stderr
    assert ja("template", "remove", "Mine", db=db).stdout == "削除しました: Mine\n"


def test_copy_without_a_clipboard_says_so_in_japanese(db, tmp_path):
    env = {**JA, "PATH": str(tmp_path), "DISPLAY": "", "WAYLAND_DISPLAY": ""}
    done = run_cli("draft", "yamada", "--copy", db=db, check=False, env=env)
    assert done.returncode == 1 and done.stdout.startswith("@yamada ")
    assert done.stderr.splitlines()[-1] == (
        "コピーできませんでした: クリップボードのツール（pbcopy、clip、wl-copy、xclip、xsel、"
        "termux-clipboard-set）が見つかりません。下書きは上に表示しています"
    )


def test_serve_refuses_a_host_other_than_loopback_in_japanese(tmp_path):
    done = run_cli(
        "serve", "--host", "0.0.0.0", "--port", str(free_port()), db=tmp_path / "db.json", check=False, env=JA
    )
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr == (
        "エラー: 0.0.0.0 はループバックアドレスではありません: そこに届く人は誰でも連絡先を閲覧・変更できて"
        "しまいます。それでも公開するには --public-i-understand を付けてください。\n"
    )


def test_serve_says_where_and_warns_in_japanese(tmp_path, monkeypatch):
    monkeypatch.setenv("DAILYREACH_LANG", "ja")
    server = Served(tmp_path, "--host", "0.0.0.0", "--public-i-understand")
    try:
        assert server.first_line == (
            f"dailyreach を http://127.0.0.1:{server.port} で公開しています: ブラウザーで開いてください。"
            "Ctrl+C で停止します。\n"
        )
        code, _, err = server.interrupt()
    finally:
        server.kill()
    assert code == 0
    assert err == (
        f"警告: 0.0.0.0:{server.port} に届く人は誰でも dailyreach を開けます。連絡先をすべて閲覧・変更"
        "できます。パスワードはありません。\n"
    )


def test_serve_on_a_port_in_use_says_so_in_japanese(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = run_cli("serve", "--port", str(port), db=tmp_path / "db.json", check=False, env=JA)
    assert done.returncode == 1
    assert done.stderr == (
        f"エラー: 127.0.0.1 のポート {port} はすでに使われています: --port で別のポートを選んでください\n"
    )


def test_purpose_help_names_every_purpose_and_says_or_in_japanese(db):
    from dailyreach.cli import draft_commands
    from dailyreach.core.records.template import PURPOSES

    assert (*draft_commands.PURPOSES, draft_commands.LAST_PURPOSE) == PURPOSES
    out = ja("template", "add", "--help", db=db).stdout
    assert "meeting_ask、または thanks_met。" in out
    said = ja("template", "add", "X", "--body", "x", db=db, check=False).stderr
    assert "エラー: --purpose を指定してください: first_public_reply, first_dm," in said


@pytest.mark.parametrize(
    ("host", "reasons"),
    [
        ("192.0.2.1", {"このアドレスはこのマシンのものではありません"}),
        # Without a network the resolver may say it cannot tell yet rather than that there is none.
        ("nosuchhost.invalid", {"その名前のホストが見つかりません", "名前解決に一時的に失敗しました"}),
    ],
)
def test_serve_on_an_address_it_cannot_listen_on_says_why_in_japanese(tmp_path, host, reasons):
    port = str(free_port())
    done = run_cli(
        "serve",
        "--host",
        host,
        "--port",
        port,
        "--public-i-understand",
        db=tmp_path / "db.json",
        check=False,
        env=JA,
    )
    assert done.returncode == 1
    said = done.stderr.removeprefix(f"エラー: {host}:{port} で待ち受けできません: ").removesuffix("\n")
    assert said in reasons, done.stderr


def test_a_japanese_first_dm_with_your_name_unset_has_no_nameless_introduction(db):
    run_cli("log", "山田", "public_reply", db=db)
    done = ja("draft", "山田", db=db)
    assert done.stdout == (
        "山田さん\n\n突然のご連絡失礼いたします。初めての起業に取り組んでおり、山田さんのご活動"
        "からいつも学ばせていただいております。\n\nもしよろしければ、一つだけご質問させていただけないでしょうか。\n"
    )
    assert "{my_name} に入るあなたの名前は dailyreach template my-name NAME で設定できます" in done.stderr
    run_cli("template", "my-name", "佐藤", db=db)
    signed = ja("draft", "山田", db=db).stdout
    assert "突然のご連絡失礼いたします。佐藤と申します。初めての起業" in signed and signed.endswith(
        "\n\n佐藤\n"
    )


@pytest.mark.parametrize(("at", "says"), [("-1d", "昨日のメッセージ"), ("-3d", "3日前のメッセージ")])
@pytest.mark.parametrize("interface", ["ja", "en"])
def test_a_japanese_follow_up_says_how_long_ago_in_japanese_whatever_the_interface(db, at, says, interface):
    run_cli("log", "山田", "dm_sent", "--at", at, db=db)
    done = run_cli("draft", "山田", db=db, env={"DAILYREACH_LANG": interface})
    assert done.stdout.startswith(f"山田さん\n\n{says}の件で、念のため再度ご連絡いたしました。")
