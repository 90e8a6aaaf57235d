"""The draft screen (c) and the templates screen in Japanese: their titles, keys, columns, counts and
messages, and the default templates named in Japanese when a Japanese interface adds them (issue 14)."""

import webbrowser

import pytest
from rich.cells import cell_len
from textual.widgets import DataTable, TextArea
from textual.widgets._footer import FooterKey

from dailyreach import i18n
from dailyreach.core.planning.default_templates import default_templates
from dailyreach.core.store.templates import delete_template, ensure_default_templates, templates
from dailyreach.tui.app import DailyReachApp
from dailyreach.tui.log_keys import KIND_TITLES
from dailyreach.tui.screens.draft import DraftScreen
from dailyreach.tui.screens.templates import TemplateForm, TemplatesScreen
from tests.conftest import add_contact, log
from tests.tui.conftest import SIZE, Keys, settle


@pytest.fixture
def japanese():
    """The interface in Japanese for one test (set before the app is made), English again after."""
    i18n.use_language("ja")
    yield
    i18n.use_language("en")


@pytest.fixture
def outside(monkeypatch):
    """The browser and the system clipboard, patched: what each was handed."""
    handed: dict[str, list[str]] = {"opened": [], "copied": []}
    monkeypatch.setattr(webbrowser, "open", lambda url: handed["opened"].append(url) or True)
    monkeypatch.setattr(
        "dailyreach.clipboard.copy_to_system_clipboard", lambda text: handed["copied"].append(text)
    )
    return handed


def draft_text(app) -> str:
    return app.screen.query_one(TextArea).text


@pytest.fixture
def people(store):
    ann = add_contact(store, "Ann Smith", handles={"x": "@ann"}, why="Sold her startup", priority=1)
    yamada = add_contact(store, "山田 太郎", handles={"mastodon": "@yamada@mstdn.jp"}, why="上場経験")
    store.history.clear()
    return ann, yamada


def shown(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


def footer(app) -> dict[str, str]:
    return {key.key: key.description for key in app.screen.query(FooterKey)}


async def open_templates(keys: Keys) -> None:
    await keys.press("ctrl+p")
    await keys.type("テンプレート")
    await keys.press("enter")


async def test_the_draft_screen_speaks_japanese(japanese, store, people, outside):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("j", "c")  # 山田 太郎: a first public reply on Mastodon, 500 at most
        assert isinstance(app.screen, DraftScreen)
        title = shown(app, "#draft_title")
        assert title.startswith("山田 太郎 への下書き")
        assert "最初の公開リプライ (ja) · 最初の公開リプライ · Mastodon" in title
        assert draft_text(app).startswith("@yamada@mstdn.jp 大変参考になりました")
        count = len(draft_text(app))
        assert shown(app, "#draft_count") == f"{count}/500"
        assert shown(app, "#draft_link").startswith("開くページ: https://mstdn.jp/share?text=")
        keys_shown = footer(app)
        assert [keys_shown[key] for key in ("ctrl+s", "ctrl+t", "ctrl+l", "escape")] == [
            "コピーして開く",
            "次のテンプレート",
            "記録",
            "閉じる",
        ]
        app.screen.query_one(TextArea).load_text("とても" * 170)
        await settle(pilot)
        assert shown(app, "#draft_count") == "510/500（10文字超過）"
        await keys.press("ctrl+s")
        # Copied and opened: the log bar says what Enter logs, in Japanese.
        kind = i18n._(KIND_TITLES["public_reply"])
        assert kind != KIND_TITLES["public_reply"]
        assert list(app._notifications)[-1].message == (
            f"コピーしました。Enter で下書きを本文として記録します（{kind}）。送らなかったときは Escape を押してください。"
        )
        assert outside["opened"] and outside["copied"] == ["とても" * 170]


async def test_without_a_template_for_what_is_due_it_says_so_in_japanese(japanese, store, people, outside):
    ann, _ = people
    log(store, ann, "dm_sent", at=store.now().subtract(days=4), channel="x")
    ensure_default_templates(store)
    for template in templates(store):
        if template.purpose == "follow_up_1":
            delete_template(store, template)
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("2", "c")
        assert shown(app, "#draft_count") == (
            "X の「フォローアップ #1」のテンプレートがありません: ctrl+t でほかを試すか、"
            "ctrl+p のテンプレートで追加してください。"
        )
        await keys.press("ctrl+t")
        assert draft_text(app) != ""


async def test_the_templates_screen_speaks_japanese(japanese, store, people, outside):
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await open_templates(keys)
        assert isinstance(app.screen, TemplatesScreen)
        table = app.screen.query_one(DataTable)
        assert table.border_title == "テンプレート"
        assert [str(column.label) for column in table.ordered_columns] == ["名前", "用途", "チャネル", "言語"]
        rows = [[str(cell) for cell in table.get_row_at(index)] for index in range(table.row_count)]
        # Added now, by a Japanese interface: the defaults are named in Japanese (their words unchanged).
        assert ["最初の公開リプライ (en)", "最初の公開リプライ", "すべてのチャネル", "英語"] in rows
        assert ["最初のDM (en, email)", "最初のDM", "メール", "英語"] in rows
        assert ["フォローアップ1 (ja)", "フォローアップ #1", "すべてのチャネル", "日本語"] in rows
        assert len(rows) == len(templates(store)) == len(default_templates())
        assert shown(app, "#preview_title") == "Ann Smith・X でのプレビュー（p: 次の連絡先）"
        assert shown(app, "#my_name_line") == "あなたの名前: 未設定（y で変更）"
        assert [footer(app)[key] for key in ("enter", "n", "x", "p", "y")] == [
            "編集",
            "新規",
            "削除",
            "次の連絡先",
            "あなたの名前",
        ]
        # A new template: the form in Japanese, an unknown placeholder refused in Japanese.
        await keys.press("n")
        assert isinstance(app.screen, TemplateForm)
        assert str(app.screen.query_one(".title").render()) == "新しいテンプレート"
        assert str(app.screen.query_one("#problem").render()).startswith(
            "ctrl+s で保存、Escape でキャンセル。"
        )
        await keys.type("Mine")
        app.screen.query_one("#body", TextArea).load_text("こんにちは {nmae}")
        await keys.press("ctrl+s")
        assert isinstance(app.screen, TemplateForm)
        assert str(app.screen.query_one("#problem").render()).startswith(
            "本文: {nmae} というプレースホルダーはありません。使えるのは {name}、{call_name}、"
        )
        app.screen.query_one("#body", TextArea).load_text("{call_name}、お茶でもいかがですか")
        await keys.press("ctrl+s")
        assert isinstance(app.screen, TemplatesScreen)
        assert (
            app._notifications and list(app._notifications)[-1].message == "テンプレート Mine を保存しました"
        )
        table.move_cursor(row=next(i for i in range(table.row_count) if "Mine" in str(table.get_row_at(i))))
        await keys.press("x")
        assert list(app._notifications)[-1].message == "テンプレート Mine を削除しました: u で元に戻せます"
        await keys.press("u")
        assert "Mine" in [t.name for t in templates(store)]
        assert list(app._notifications)[-1].message == "元に戻しました: テンプレート Mine の削除"


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
async def test_the_japanese_footers_fit(japanese, store, people, outside, size):
    app = DailyReachApp(store)
    async with app.run_test(size=size) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await keys.press("c")
        assert isinstance(app.screen, DraftScreen)
        for key in app.screen.query(FooterKey):
            assert key.region.right <= size[0], key.description
        await keys.press("escape")
        await open_templates(keys)
        assert isinstance(app.screen, TemplatesScreen)
        shown_keys = [key for key in app.screen.query(FooterKey) if key.key != "ctrl+p"]
        assert [key.key for key in shown_keys][:5] == ["enter", "n", "x", "p", "y"]
        for key in shown_keys:
            # Whole: the label and its key, in cells, inside the terminal.
            assert key.region.right <= size[0], key.description
            assert key.region.width >= cell_len(f"{key.key_display or key.key} {key.description}")


async def test_the_defaults_added_in_english_are_named_in_japanese(japanese, store, people, outside):
    i18n.use_language("en")
    ensure_default_templates(store)
    i18n.use_language("ja")
    app = DailyReachApp(store)
    async with app.run_test(size=SIZE) as pilot:
        keys = Keys(pilot)
        await settle(pilot)
        await open_templates(keys)
        table = app.screen.query_one(DataTable)
        rows = [[str(cell) for cell in table.get_row_at(index)] for index in range(table.row_count)]
        assert rows[0][3] == "日本語"  # the interface's language first
        first_english = next(row for row in rows if row[3] == "英語")
        assert first_english == ["最初の公開リプライ (en)", "最初の公開リプライ", "すべてのチャネル", "英語"]


@pytest.mark.parametrize(
    "keys",
    [
        ("j", "c"),  # 山田's draft: a first public reply on Mastodon
        ("j", "c", "question_mark"),  # its keys
        ("ctrl+p", "テンプレート", "enter", "j"),  # a Japanese template, previewed
        ("ctrl+p", "テンプレート", "enter", "j", "enter"),  # its form
        ("ctrl+p", "テンプレート", "enter", "j", "p", "n"),  # a new one, over 山田's preview
        ("ctrl+p", "テンプレート", "enter", "j", "p", "y"),  # the user's name, over it
    ],
    ids=["draft", "draft keys", "templates", "template form", "new template", "your name"],
)
async def test_no_english_is_left_on_the_draft_and_templates_screens(japanese, store, people, outside, keys):
    from tests.tui.test_japanese_screens import english, screen_lines

    app = DailyReachApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        typing = Keys(pilot)
        await settle(pilot)
        for key in keys:
            await (typing.type(key) if len(key) > 1 and not key.isascii() else typing.press(key))
        lines = screen_lines(app)
    # Placeholders are written as they are typed, and a default template's name says its channel's key.
    # "Mas": Mastodon in the preview's title, cut short by a form over it.
    typed = {"name", "call_name", "handle", "why", "days_since", "days_ago", "my_name", "email", "Mas"}
    assert english(lines, frozenset(typed)) == [], "\n".join(lines)
