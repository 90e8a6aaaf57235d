"""What the core says to a person comes out in the language in use: Japanese under
``use_language("ja")``, the same English as ever otherwise (issue 14). The core's modules are imported
once, in English, before any test switches: a message made at import time would stay English here."""

import copy
import json

import pendulum
import pytest

from dailyreach import i18n
from dailyreach.core.errors import ImportRejected, ValidationError, field_label
from dailyreach.core.files.contact_import import preview_import
from dailyreach.core.files.exchange import export_bundle
from dailyreach.core.planning.lookup import Ambiguous, NotFound, find_contact, find_invitation
from dailyreach.core.records.handles import HandleError, normalise_handle
from dailyreach.core.records.model import Contact, Interaction, Invitation, Snooze
from dailyreach.core.records.readback import readable_settings
from dailyreach.core.store.checked import checked_path
from dailyreach.core.store.storage import StoreCorrupt
from dailyreach.core.store.store import Store
from tests.conftest import add_contact, log


@pytest.fixture
def ja():
    i18n.use_language("ja")
    yield
    i18n.use_language("en")


def test_a_validation_error_is_japanese_under_japanese_and_english_otherwise():
    with pytest.raises(ValidationError) as english:
        Contact.from_dict({"name": "  "})
    assert str(english.value) == "Name: must not be empty"
    try:
        i18n.use_language("ja")
        with pytest.raises(ValidationError) as japanese:
            Contact.from_dict({"name": "  "})
    finally:
        i18n.use_language("en")
    assert str(japanese.value) == "名前: 空にはできません"
    assert (japanese.value.field, japanese.value.problem) == ("name", "空にはできません")


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ({"name": "A", "priority": 7}, "優先度: 1〜3で指定してください（入力: 7）"),
        ({"name": "A", "priority": "high"}, "優先度: 'high' は整数ではありません"),
        ({"name": "A", "handles": {"x": "ann smith"}}, "X: 'ann smith'：空白を含められません"),
        (
            {"name": "A", "handles": {"x": "a-b"}},
            "X: 'a-b'：X のハンドルは @ と1〜15文字の英数字またはアンダースコアです",
        ),
        ({"name": "A", "handles": {"fax": "1"}}, "ハンドル: 不明なプラットフォーム 'fax'"),
        ({"name": "A", "archived": "yes"}, "アーカイブ: true か false でなければなりません"),
        ({"name": "A", "mood": "great"}, "連絡先: 不明な項目 'mood'"),
    ],
)
def test_contact_problems_in_japanese(ja, fields, said):
    with pytest.raises(ValidationError) as caught:
        Contact.from_dict(fields)
    assert str(caught.value) == said


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ({"title": "会", "cost": "¥5000", "currency": "USD"}, "費用: '¥5000' は USD ではなく JPY の金額です"),
        ({"title": "会", "cost": "-3"}, "費用: 負の値にはできません（-3）"),
        ({"title": "会", "hours": "lots"}, "時間: 'lots' は 2、1.5、1h30 のような時間数ではありません"),
        (
            {"title": "会", "currency": "Y1"},
            "通貨: 'Y1' は USD や JPY のような3文字の通貨コードではありません",
        ),
        (
            {"title": "会", "currency": "YEN!"},
            "通貨: 'YEN!' は USD や JPY のような3文字の通貨コードではありません",
        ),
        (
            {"title": "会", "kind": "gala"},
            "種類: 'gala' は mixer, seminar, party, community, sales_pitch, other のどれでもありません",
        ),
        (
            {"title": "会", "event_date": "next week"},
            "開催日: 'next week' は日付（YYYY-MM-DD）ではありません",
        ),
        ({"title": ""}, "タイトル: 空にはできません"),
    ],
)
def test_invitation_problems_in_japanese(ja, fields, said):
    with pytest.raises(ValidationError) as caught:
        Invitation.from_dict(fields)
    assert str(caught.value) == said


def test_field_labels_follow_the_language():
    assert (field_label("why"), field_label("x"), field_label("id")) == ("Why", "X", "id")
    assert (field_label("contact"), field_label("contact_id")) == ("contact", "contact_id")
    try:
        i18n.use_language("ja")
        assert (field_label("why"), field_label("x"), field_label("id")) == ("目的", "X", "id")
        assert (field_label("contact"), field_label("contact_id")) == ("連絡先", "連絡先ID")
    finally:
        i18n.use_language("en")


def test_a_handle_problem_alone_in_japanese(ja):
    with pytest.raises(HandleError, match="^メールアドレスは name@example.com の形式で入力してください$"):
        normalise_handle("email", "ann-at-example")


def test_a_time_still_to_come_is_refused_in_japanese_with_its_day(ja, store):
    ann = add_contact(store, "山田 太郎")
    later = pendulum.datetime(2026, 11, 23, 18, 0, tz="Asia/Tokyo").isoformat()
    with pytest.raises(ValidationError) as caught:
        store.add_interaction(Interaction(contact_id=ann.id, kind="dm_sent", at=later))
    assert (
        str(caught.value) == "日時: 11月23日(月) 18:00 は未来の日時です。すでに起きたことを記録してください"
    )


def test_a_time_still_to_come_is_refused_in_english_as_before(store):
    ann = add_contact(store, "Ann")
    later = pendulum.datetime(2026, 11, 23, 18, 0, tz="Asia/Tokyo").isoformat()
    with pytest.raises(ValidationError) as caught:
        store.add_interaction(Interaction(contact_id=ann.id, kind="dm_sent", at=later))
    assert str(caught.value) == "When: 2026-11-23 18:00 is in the future; log what has already happened"


def test_what_undo_names_is_japanese(ja, store):
    ann = add_contact(store, "山田 太郎")
    log(store, ann, "dm_sent")
    assert store.undo().label == "山田 太郎 へのDM送信"
    store.save_contact(Contact.from_dict({"name": "佐藤"}))
    assert store.undo().label == "連絡先の保存"


def test_what_undo_names_of_a_snooze_a_decline_and_a_deletion_is_japanese(ja, store):
    taro = add_contact(store, "山田 太郎")
    store.snooze(Snooze(contact_id=taro.id, until="2026-11-30"))
    assert store.undo().label == "山田 太郎 を11月30日(月)まで後回し"
    store.snooze(Snooze(contact_id="gone", until="2027-01-04"))
    assert store.undo().label == "連絡先を2027年1月4日(月)まで後回し"
    mixer = store.save_invitation(Invitation.from_dict({"title": "異業種交流会"}))
    assert store.undo().label == "誘いの保存"
    store.save_invitation(mixer)
    store.decline_invitation(mixer.id)
    assert store.undo().label == "「異業種交流会」を断る"
    sent = log(store, taro, "dm_sent")
    store.delete_interaction(sent.id)
    assert store.undo().label == "山田 太郎 へのDM送信の削除"
    store.delete_interaction("no-such-entry")
    assert store.undo().label == "記録の削除"


def test_what_undo_names_stays_english_in_english(store):
    ann = add_contact(store, "Ann")
    store.snooze(Snooze(contact_id=ann.id, until="2026-11-30"))
    assert store.undo().label == "snooze of Ann until 2026-11-30"
    sent = log(store, ann, "dm_sent")
    store.delete_interaction(sent.id)
    assert store.undo().label == "deleted entry: DM sent to Ann"


def test_no_invitation_matches_in_japanese(ja):
    invitations = [Invitation(title="交流会 A"), Invitation(title="交流会 B")]
    with pytest.raises(NotFound, match=r"^'セミナー' に一致する誘いはありません（ID、タイトルで検索）$"):
        find_invitation(invitations, "セミナー")
    with pytest.raises(
        Ambiguous, match="^'交流会' に一致する誘いが2件あります。ID で指定してください：\n  交流会 A"
    ):
        find_invitation(invitations, "交流会")
    many = [Contact(name=f"山田 {n}") for n in range(10)]
    with pytest.raises(Ambiguous) as caught:
        find_contact(many, "山田")
    assert str(caught.value).endswith("\n  …ほか2件")


def test_no_contact_matches_in_japanese(ja):
    contacts = [Contact(name="山田 太郎"), Contact(name="山田 花子"), Contact(name="Ann")]
    with pytest.raises(NotFound) as missing:
        find_contact(contacts, "zz")
    assert str(missing.value) == "'zz' に一致する連絡先はありません（ID、ハンドル、名前で検索）"
    with pytest.raises(Ambiguous) as two:
        find_contact(contacts, "山田")
    assert str(two.value).startswith(
        "'山田' に一致する連絡先が2件あります。ID で指定してください：\n  山田 太郎 ("
    )


def test_no_contact_matches_in_english():
    with pytest.raises(NotFound, match=r"^no contact matches 'zz' \(by id, handle or name\)$"):
        find_contact([Contact(name="Ann")], "zz")
    with pytest.raises(Ambiguous, match="^'A' matches 2 contacts; use an id:\n  A"):
        find_contact([Contact(name="Ann"), Contact(name="Abe")], "A")


def test_import_problems_keep_their_line_numbers_in_japanese(ja, store, tmp_path):
    people = tmp_path / "people.csv"
    people.write_text("name,x\nAnn,@ann\nBen,@ben,extra\n,\nCho,not a handle\n", encoding="utf-8")
    preview = preview_import(store, people)
    assert [name for _, name in [(line, contact.name) for line, contact in preview.added]] == ["Ann"]
    assert preview.bad[0] == (3, "Ben", "見出しは2項目ですが3項目あります")
    assert preview.bad[1][0] == 5 and preview.bad[1][2].startswith("X: 'not a handle'：")


def test_a_file_that_cannot_be_imported_says_so_in_japanese(ja, store, tmp_path):
    with pytest.raises(ImportRejected) as caught:
        preview_import(store, tmp_path / "missing.csv")
    assert str(caught.value).startswith(
        f"{tmp_path / 'missing.csv'} はインポートされませんでした。何も変更していません：\n  読めません："
    )
    interactions = tmp_path / "interactions.csv"
    interactions.write_text("at,contact,kind,channel,text,contact_id,id\n", encoding="utf-8")
    with pytest.raises(ImportRejected, match="これは dailyreach のやりとりのエクスポートです"):
        preview_import(store, interactions)


def test_more_than_ten_problems_are_counted_in_japanese(ja):
    error = ImportRejected("f.json", [f"p{n}" for n in range(13)])
    assert str(error).endswith("  p9\n  …ほか3件")


def test_a_corrupt_file_is_reported_in_japanese(ja, tmp_path):
    broken = tmp_path / "db.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(StoreCorrupt, match=r"は正しい JSON ではありません（1行 2列："):
        Store(broken)


def test_what_doctor_lists_is_said_in_japanese_and_checked_again_in_another_language(db_path, store):
    ann = add_contact(store, "Ann")
    data = json.loads(db_path.read_text())
    data["contacts"][ann.id]["priority"] = 9
    db_path.write_text(json.dumps(data))
    assert [str(problem) for problem in Store(db_path).problems()] == [
        f"contacts {ann.id}: priority: must be a whole number from 1 to 3"
    ]
    store.save_contact(Contact.from_dict({"name": "Ben"}))  # writes <db>.checked with that problem
    assert json.loads(checked_path(db_path).read_text())["language"] == "en"
    try:
        i18n.use_language("ja")
        assert [str(problem) for problem in Store(db_path).problems()] == [
            f"contacts {ann.id}: priority：1から3までの整数でなければなりません"
        ]
    finally:
        i18n.use_language("en")
    assert [problem.problem for problem in Store(db_path).problems()] == [
        "must be a whole number from 1 to 3"
    ]


def test_settings_that_fail_are_named_by_their_key_in_japanese(ja):
    settings, problems = readable_settings({"daily_goal": 0, "mood": "great"})
    assert settings.daily_goal == 5
    assert [(problem.field, problem.problem) for problem in problems] == [
        ("mood", "不明な項目 'mood'"),
        ("daily_goal", "1〜200で指定してください（入力: 0）"),
    ]


def test_what_an_import_keeps_in_notes_is_counted_in_japanese(ja, store, tmp_path):
    card = tmp_path / "people.vcf"
    card.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:山田 太郎\nEMAIL:taro@example.com\nEMAIL:yamada@example.jp\n"
        "TEL:+81-3-0000-0000\nX-SOCIALPROFILE;TYPE=x:@not a handle\nEND:VCARD\n",
        encoding="utf-8",
    )
    preview = preview_import(store, card)
    kept = next(notice for notice in preview.notices if notice.startswith("dailyreach に項目がないため"))
    assert "2つ目のメール（連絡先1件）、" in kept and "電話（連絡先1件）" in kept
    assert preview.added[0][1].notes.startswith(
        "E-mail: yamada@example.jp"
    )  # the notes stay as the file's data


BROKEN_EXPORT = {
    "format": "other",
    "version": 1,
    "exported_at": 3,
    "contacts": [
        {
            "id": "a",
            "name": "",
            "handles": {},
            "why": "",
            "notes": "",
            "tags": [],
            "priority": 0,
            "followers": -1,
            "cadence_days": None,
            "archived": False,
            "created_at": "yesterday",
            "updated_at": "2026-11-23T09:00:00+09:00",
            "mood": 1,
        }
    ],
    "interactions": [{"id": "b"}],
    "invitations": [],
    "snoozes": [],
    "plans": [],
    "templates": [],
    "settings": {},
    "extra": 1,
}


def schema_problems(tmp_path, store) -> list[str]:
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(BROKEN_EXPORT), encoding="utf-8")
    with pytest.raises(ImportRejected) as caught:
        preview_import(store, path)
    return caught.value.problems


def test_what_the_export_schema_finds_is_said_in_japanese(ja, store, tmp_path):
    problems = schema_problems(tmp_path, store)
    assert "ファイル: 'extra' はこのレコードの項目ではありません" in problems
    assert "format: 'other' は 'dailyreach' ではありません" in problems
    assert "exported_at: 3 はテキストではありません" in problems
    assert "contacts[0]: 'mood' はこのレコードの項目ではありません" in problems
    assert "contacts[0].name: 空にはできません" in problems
    assert "contacts[0].priority: 0 は 1, 2, 3 のどれでもありません" in problems
    assert "contacts[0].followers: -1 は 0 より小さいです" in problems
    assert (
        "contacts[0].created_at: 'yesterday' はオフセット付きの ISO 8601 日時（例：2026-11-23T09:00+09:00）ではありません"
        in problems
    )
    assert "interactions[0]: 'contact_id' がありません" in problems


def test_what_the_export_schema_finds_stays_jsonschemas_english(store, tmp_path):
    problems = schema_problems(tmp_path, store)
    assert "file: Additional properties are not allowed ('extra' was unexpected)" in problems
    assert "format: 'dailyreach' was expected" in problems
    assert "contacts[0].priority: 0 is not one of [1, 2, 3]" in problems
    assert "interactions[0]: 'contact_id' is a required property" in problems


def test_more_of_what_the_export_schema_finds_is_said_in_japanese(ja, store, tmp_path):
    """The checks the first broken export does not make: a length, a platform, one of two forms, a
    number that may be missing."""
    add_contact(store, "Ann", handles={"x": "@ann"})
    store.save_invitation(Invitation.from_dict({"title": "Mixer", "kind": "mixer"}), "invitation")
    # A copy: the bundle holds the store's own documents.
    broken = copy.deepcopy(export_bundle(store))
    broken["contacts"][0] |= {"name": "あ" * 201, "handles": {"myspace": "ann"}, "followers": "many"}
    broken["invitations"][0]["event_date"] = "soon"
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(ImportRejected) as caught:
        preview_import(store, path)
    problems = caught.value.problems
    assert "contacts[0].name: 200文字より長いです" in problems
    assert any(
        problem.startswith("contacts[0].handles: 'myspace' は x, linkedin,")
        and problem.endswith("のどれでもありません")
        for problem in problems
    )
    assert "contacts[0].followers: 'many' は整数, nullではありません" in problems
    assert (
        "invitations[0].event_date: 'soon' はYYYY-MM-DD 形式の日付（例：2026-11-23）ではありません"
        in problems
    )
