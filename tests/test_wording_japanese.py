"""The words the command line and the app share, in Japanese, and the same calls still in English
(issue 14)."""

from datetime import UTC, date, datetime

import pytest

from dailyreach import i18n
from dailyreach.core.files.contact_import import ImportPreview
from dailyreach.core.files.exchange import ImportPlan
from dailyreach.core.planning.planner import PendingReply, Savings
from dailyreach.core.records.model import Contact, Invitation
from dailyreach.stats_wording import duration
from dailyreach.wording import (
    channel_label,
    count_text,
    days,
    days_ago,
    export_plan_text,
    follow_up_text,
    hours,
    import_source,
    import_title,
    invitation_kind_label,
    invitation_status_label,
    kind_label,
    listed,
    missing_text,
    money,
    money_text,
    purpose_title,
    reason_text,
    saved_text,
    savings_text,
    stage_label,
    template_text,
)

TODAY = date(2026, 11, 23)  # a Monday


@pytest.fixture
def ja():
    i18n.use_language("ja")
    yield
    i18n.use_language("en")


PENDING_FIELDS = (
    "contact",
    "channel",
    "waiting_since",
    "last_sent",
    "nudges",
    "follow_up_due",
    "give_up_offered",
)


def reply(due: date, nudges: int = 0, give_up: bool = False) -> PendingReply:
    sent = datetime(2026, 11, 20, tzinfo=UTC)
    return PendingReply(Contact(name="Ann"), "x", sent, sent, nudges, due, give_up)


@pytest.mark.parametrize(
    ("value", "currency", "english", "japanese"),
    [
        (5000, "JPY", "5,000 JPY", "5,000円"),
        (1234567.891, "JPY", "1,234,567.89 JPY", "1,234,567.89円"),
        (40, "USD", "40 USD", "$40"),
        (12.5, "USD", "12.50 USD", "$12.50"),
        (12.5, "EUR", "12.50 EUR", "€12.50"),
        (3000, "GBP", "3,000 GBP", "£3,000"),
        (80, "CHF", "80 CHF", "80 CHF"),  # no sign for it: the code, in every language
    ],
)
def test_money_in_each_language(value, currency, english, japanese):
    assert money_text(value, currency) == english
    try:
        i18n.use_language("ja")
        assert money_text(value, currency) == japanese
    finally:
        i18n.use_language("en")


def test_hours_days_and_lists_in_japanese(ja):
    assert (hours(3), hours(1.5)) == ("3時間", "1.5時間")
    assert (days(1), days(3)) == ("1日", "3日")
    assert (days_ago(0), days_ago(1), days_ago(2), days_ago(9)) == ("今日", "昨日", "2日前", "9日前")
    assert listed(["a", "b", "c"]) == "a、b、c"


def test_days_ago_and_lists_in_english():
    assert (days_ago(0), days_ago(1), days_ago(2)) == ("today", "yesterday", "2 days ago")
    assert listed(["a", "b"]) == "a, b"


def test_what_declining_saved_in_japanese(ja):
    assert savings_text(Savings(hours=14, money={"JPY": 13000, "USD": 169})) == "14時間、13,000円、$169"
    assert savings_text(Savings(hours=0, money={"JPY": 5000})) == "5,000円"
    assert savings_text(Savings(hours=2.5, money={})) == "2.5時間"
    assert savings_text(Savings(hours=0, money={})) == "まだなし"
    assert money(Savings(hours=0, money={})) == "金額なし"
    assert money(Savings(hours=0, money={"EUR": 12.5, "JPY": 800})) == "€12.50、800円"
    mixer = Invitation(title="異業種交流会", kind="mixer", hours=3, cost=5000, currency="JPY")
    assert saved_text(mixer) == "3時間、5,000円"
    assert saved_text(Invitation(title="Call", kind="sales_pitch", hours=1)) == "1時間"
    assert saved_text(Invitation(title="Free", kind="party")) == ""


@pytest.mark.parametrize(
    ("due", "nudges", "said"),
    [
        (date(2026, 11, 25), 0, "フォローアップ #1：期限は11月25日(水)（あと2日）"),
        (TODAY, 1, "フォローアップ #2：今日が期限"),
        (date(2026, 11, 22), 0, "フォローアップ #1：11月22日(日)から期限超過（1日）"),
        (date(2027, 1, 4), 0, "フォローアップ #1：期限は2027年1月4日(月)（あと42日）"),
        (date(2025, 12, 30), 2, "フォローアップ #3：2025年12月30日(火)から期限超過（328日）"),
    ],
)
def test_when_a_follow_up_is_due_in_japanese(ja, due, nudges, said):
    assert follow_up_text(reply(due, nudges), TODAY) == said


def test_a_thread_past_its_follow_ups_offers_to_close_in_japanese(ja):
    assert (
        follow_up_text(reply(TODAY, 2, give_up=True), TODAY)
        == "2回フォローアップして返信なし：x でスレッドを閉じます"
    )


def test_after_the_last_follow_up_it_says_when_closing_is_offered_not_a_follow_up_more():
    last_sent = reply(date(2026, 11, 25), 2)
    used_up = PendingReply(*(getattr(last_sent, name) for name in PENDING_FIELDS), follow_ups_used_up=True)
    assert follow_up_text(used_up, TODAY) == (
        "2 follow-ups sent, none left: closing offered 2026-11-25 (in 2 days)"
    )
    assert follow_up_text(reply(TODAY, 0, give_up=True), TODAY) == "no answer: x closes the thread"
    none_allowed = PendingReply(*(getattr(reply(date(2026, 11, 25)), name) for name in PENDING_FIELDS), True)
    assert (
        follow_up_text(none_allowed, TODAY)
        == "no follow-ups: closing the thread is offered 2026-11-25 (in 2 days)"
    )


def test_a_follow_up_in_another_year_is_still_iso_in_english():
    assert follow_up_text(reply(date(2027, 1, 4)), TODAY) == "follow-up #1 due 2027-01-04 (in 42 days)"


def test_why_someone_is_planned_in_japanese(ja):
    assert [reason_text("new", 0), reason_text("keep_in_touch", 0), reason_text("follow_up", 2)] == [
        "新規",
        "近況連絡",
        "フォローアップ #2",
    ]


LABELS = [
    (kind_label, "dm_sent", "DM sent", "DM送信"),
    (kind_label, "reply_received", "reply received", "返信あり"),
    (kind_label, "no_response", "no response", "反応なし"),
    (kind_label, "unknown_kind", "unknown_kind", "unknown_kind"),
    (channel_label, "x", "X", "X"),
    (channel_label, "email", "e-mail", "メール"),
    (channel_label, "in_person", "in person", "対面"),
    (channel_label, "fax", "fax", "fax"),
    (stage_label, "target", "target", "ターゲット"),
    (stage_label, "no_response", "no response", "反応なし"),
    (stage_label, "lost", "lost", "lost"),
    (invitation_kind_label, "mixer", "mixer", "交流会"),
    (invitation_kind_label, "sales_pitch", "sales pitch", "営業"),
    (invitation_kind_label, "gala", "gala", "gala"),
    (invitation_status_label, "declined", "declined", "断った"),
    (invitation_status_label, "undecided", "undecided", "未定"),
    (invitation_status_label, "maybe", "maybe", "maybe"),
    (import_title, "linkedin", "LinkedIn connections", "LinkedIn のつながり"),
    (import_title, "vcard", "vCard", "vCard"),
    (purpose_title, "first_dm", "first DM", "最初のDM"),
    (purpose_title, "a_new_purpose", "a_new_purpose", "a_new_purpose"),
]


@pytest.mark.parametrize(("label", "key", "english", "japanese"), LABELS)
def test_a_stored_key_is_shown_in_words_and_an_unknown_one_as_it_is(label, key, english, japanese):
    assert label(key) == english
    try:
        i18n.use_language("ja")
        assert label(key) == japanese
    finally:
        i18n.use_language("en")


def test_an_import_is_described_in_japanese(ja):
    preview = ImportPreview("Connections.csv", "linkedin", "UTF-8 with BOM")
    assert import_source(preview) == "Connections.csv：LinkedIn のつながり（UTF-8（BOM付き）として読み込み）"
    plan = ImportPlan(
        new={"contacts": {"a": {}, "b": {}}, "interactions": {"c": {}}, "plans": {}},
        already_present={"contacts": 3, "interactions": 1},
    )
    assert export_plan_text(plan, "would add") == "追加予定：連絡先2件、やりとり1件（4件は登録済み）"
    assert export_plan_text(plan, "added") == "追加しました：連絡先2件、やりとり1件（4件は登録済み）"
    assert export_plan_text(ImportPlan(), "added") == "追加しました：なし（0件は登録済み）"
    assert (
        export_plan_text(ImportPlan(new={"widgets": {"w": {}}}), "added")
        == "追加しました：widgets1件（0件は登録済み）"
    )


def test_an_import_is_described_in_english_as_before():
    preview = ImportPreview("Connections.csv", "linkedin", "UTF-8 with BOM")
    assert import_source(preview) == "Connections.csv: LinkedIn connections, read as UTF-8 with BOM"
    plan = ImportPlan(new={"contacts": {"a": {}, "b": {}}, "plans": {}}, already_present={"contacts": 3})
    assert export_plan_text(plan, "would add") == "would add 2 contacts; 3 already present"
    assert export_plan_text(plan, "added") == "added 2 contacts; 3 already present"
    assert export_plan_text(ImportPlan(), "imported") == "imported nothing; 0 already present"


def test_draft_words_in_each_language():
    assert count_text(812, None) == "812 characters"
    assert count_text(1, None) == "1 character"
    assert count_text(123, 280) == "123/280"
    assert count_text(301, 300) == "301/300, 1 over"
    assert missing_text(("why", "my_name")) == "nothing to fill {why}, {my_name}"
    assert template_text("t", "first_dm", None, "") == "t · first DM · any channel · any language"
    assert template_text("t", "first_dm", "email", "ja") == "t · first DM · e-mail · ja"
    try:
        i18n.use_language("ja")
        assert count_text(812, None) == "812文字"
        assert count_text(123, 280) == "123/280"
        assert count_text(301, 300) == "301/300（1文字超過）"
        assert missing_text(("why",)) == "埋める内容がありません：{why}"
        assert template_text("t", "follow_up_1", "x", "ja") == "t · フォローアップ #1 · X · 日本語"
        assert template_text("t", "first_dm", "email", "en") == "t · 最初のDM · メール · 英語"
        assert template_text("t", "first_dm", None, "") == "t · 最初のDM · すべてのチャネル · すべての言語"
    finally:
        i18n.use_language("en")


@pytest.mark.parametrize("weeks", [13, 26, 52])
def test_every_month_of_the_calendar_is_named_in_japanese_too(weeks):
    """10月 takes four cells where Oct takes three: a name that does not fit over the week its 1st is
    in moves on to the month's next week rather than being left out."""
    from datetime import date, timedelta

    from dailyreach import i18n
    from dailyreach.stats_calendar import month_row

    starts = [date(2026, 12, 7) - timedelta(weeks=weeks - index) for index in range(weeks)]
    # Each month whose 1st is in a week shown (the first week's own month is named only with room); one in
    # the last week that the name before pushes on is named after the calendar's weeks.
    ends = [start + timedelta(days=6) for start in starts]
    months = {end.month for end in ends if end.day <= 7}
    try:
        i18n.use_language("ja")
        row = month_row(starts)
    finally:
        i18n.use_language("en")
    assert {month for month in range(1, 13) if f"{month}月" in row.split()} >= months


def test_a_wait_under_a_minute_in_japanese(ja):
    assert (duration(0.2 / 60), duration(0.75)) == ("1分未満", "45分")
