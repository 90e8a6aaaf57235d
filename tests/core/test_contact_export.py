"""vCard, CSV and iCalendar exports: they re-import to the same contacts, and calendars accept them."""

import csv
import io

import icalendar
import pendulum
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from dailyreach.core.clock import FixedClock
from dailyreach.core.contact_export import calendar_ics, contacts_csv, contacts_vcard, interactions_csv
from dailyreach.core.contact_import import apply_import_preview, preview_import
from dailyreach.core.errors import NothingToExport, ValidationError
from dailyreach.core.model import Contact
from dailyreach.core.store import Store
from tests.conftest import add_contact, log
from tests.core.test_exchange import unicode_text

KEPT = ("name", "handles", "why", "notes", "tags", "priority", "cadence_days")


def portrait(store) -> list[dict]:
    return sorted(
        ({key: contact.to_dict()[key] for key in KEPT} for contact in store.contacts()),
        key=lambda c: c["name"],
    )


def reimported(tmp_path, payload: bytes, suffix: str, clock) -> Store:
    path = tmp_path / f"export.{suffix}"
    path.write_bytes(payload)
    target = Store(tmp_path / "target.json", clock=clock)
    result = preview_import(target, path)
    assert result.bad == [] and result.skipped == []
    apply_import_preview(target, result)
    return target


handle_choices = st.fixed_dictionaries(
    {},
    optional={
        "linkedin": st.sampled_from(["ann-smith", "taro-yamada-123"]),
        "bluesky": st.sampled_from(["ann.bsky.social", "yamada.example.jp"]),
        "mastodon": st.sampled_from(["@ann@mastodon.social", "@yamada@mstdn.jp"]),
        "github": st.sampled_from(["ann", "taro-y"]),
        "email": st.sampled_from(["ann@example.com", "taro@example.jp"]),
        "web": st.sampled_from(["https://ann.example.com/", "https://example.org/taro?q=1"]),
    },
)
tag_words = st.lists(st.from_regex(r"[a-z0-9_\-山田]{1,12}", fullmatch=True), max_size=4, unique=True)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    people=st.lists(
        st.tuples(
            unicode_text,
            unicode_text,
            unicode_text,
            tag_words,
            st.sampled_from([1, 2, 3]),
            st.none() | st.integers(1, 3650),
            handle_choices,
        ),
        min_size=1,
        max_size=4,
    )
)
def test_a_vcard_export_reimports_to_the_same_contacts(tmp_path_factory, people):
    clock = FixedClock(pendulum.datetime(2026, 11, 23, 9, tz="Asia/Tokyo"))
    source = Store(tmp_path_factory.mktemp("db") / "source.json", clock=clock)
    for index, (name, why, notes, tags, priority, cadence, handles) in enumerate(people):
        # Each person gets one handle of their own, so no two are the same person on re-import.
        handles = {**{k: v for k, v in handles.items() if index == 0}, "x": f"@person{index}"}
        fields = {"name": name, "why": why, "notes": notes, "tags": tags, "priority": priority}
        try:
            source.save_contact(Contact.from_dict({**fields, "cadence_days": cadence, "handles": handles}))
        except ValidationError:
            continue
    assume(source.contacts())
    target = reimported(tmp_path_factory.mktemp("out"), contacts_vcard(source), "vcf", clock)
    assert portrait(target) == portrait(source)


def test_the_contacts_csv_reimports_to_the_same_contacts_japanese_and_all(store, tmp_path):
    add_contact(
        store,
        "山田 太郎, Jr.",
        handles={"x": "@taro", "mastodon": "@yamada@mstdn.jp", "email": "taro@example.jp"},
        why="上場経験あり\n二行目",
        tags=["investors", "日本"],
        priority=1,
    )
    add_contact(store, '[bold]VIP "quoted"', handles={"linkedin": "vip-person"}, cadence_days=30)
    payload = contacts_csv(store)
    assert payload.startswith(b"\xef\xbb\xbfname,x,linkedin")
    assert portrait(reimported(tmp_path, payload, "csv", store.clock)) == portrait(store)


def test_the_interactions_csv_has_one_row_per_interaction_with_the_contact_name(store):
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    log(store, ann, "dm_sent", text="Loved your talk, a question about pricing")
    log(store, ann, "reply_received")
    rows = list(csv.DictReader(io.StringIO(interactions_csv(store).decode("utf-8-sig"))))
    assert [(row["contact"], row["kind"], row["text"]) for row in rows] == [
        ("Ann", "dm_sent", "Loved your talk, a question about pricing"),
        ("Ann", "reply_received", ""),
    ]
    assert rows[0]["contact_id"] == ann.id


def test_the_calendar_has_one_event_per_follow_up_and_keep_in_touch_date(store):
    now = store.now()
    ann = add_contact(store, "Ann [/] Smith", handles={"x": "@ann"}, why="Sold her startup")
    log(store, ann, "dm_sent", at=now.subtract(days=1))
    late = add_contact(store, "佐藤 花子", handles={"linkedin": "hanako"})
    log(store, late, "dm_sent", at=now.subtract(days=30), channel="linkedin")
    bo = add_contact(store, "Bo", handles={"email": "bo@example.com"}, cadence_days=14)
    log(store, bo, "reply_received", at=now.subtract(days=3))
    add_contact(store, "Never contacted")
    calendar = icalendar.Calendar.from_ical(calendar_ics(store))
    events = {str(event["summary"]): event for event in calendar.walk("VEVENT")}
    assert sorted(events) == [
        "Follow up #1: Ann [/] Smith (x)",
        "Follow up #1: 佐藤 花子 (linkedin)",
        "Keep in touch: Bo (email)",
    ]
    today = now.date()
    assert events["Follow up #1: 佐藤 花子 (linkedin)"].decoded("dtstart") == today
    assert events["Keep in touch: Bo (email)"].decoded("dtstart") == today.add(days=11)
    ann_event = events["Follow up #1: Ann [/] Smith (x)"]
    assert ann_event.decoded("dtstart") > today
    assert str(ann_event["url"]) == "https://x.com/ann"
    assert "Sold her startup" in str(ann_event["description"])
    uids = [str(event["uid"]) for event in events.values()]
    assert len(set(uids)) == 3 and calendar_ics(store) == calendar_ics(store)


def test_an_empty_calendar_is_refused_with_a_reason(store):
    add_contact(store, "Never contacted")
    with pytest.raises(NothingToExport, match="no follow-ups"):
        calendar_ics(store)
