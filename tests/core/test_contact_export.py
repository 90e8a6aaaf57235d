"""vCard, CSV and iCalendar exports: they re-import to the same contacts, and calendars accept them."""

import csv
import io
import re
from dataclasses import replace

import icalendar
import pendulum
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from dailyreach.core.errors import ValidationError
from dailyreach.core.files.contact_export import (
    calendar_ics,
    contacts_csv,
    contacts_vcard,
    interactions_csv,
    nothing_upcoming,
)
from dailyreach.core.files.contact_import import apply_import_preview, preview_import
from dailyreach.core.records.clock import FixedClock
from dailyreach.core.records.model import Contact
from dailyreach.core.store.store import Store
from tests.conftest import TOKYO, add_contact, log
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
        "Follow up #1: Ann [/] Smith (X)",
        "Follow up #1: 佐藤 花子 (LinkedIn)",
        "Keep in touch: Bo (e-mail)",
    ]
    today = now.date()
    assert events["Follow up #1: 佐藤 花子 (LinkedIn)"].decoded("dtstart") == today
    assert events["Keep in touch: Bo (e-mail)"].decoded("dtstart") == today.add(days=11)
    ann_event = events["Follow up #1: Ann [/] Smith (X)"]
    assert ann_event.decoded("dtstart") > today
    assert str(ann_event["url"]) == "https://x.com/ann"
    assert "Sold her startup" in str(ann_event["description"])
    uids = [str(event["uid"]) for event in events.values()]
    assert len(set(uids)) == 3 and calendar_ics(store) == calendar_ics(store)
    assert str(ann_event["uid"]) == f"follow-up-{ann.id}@dailyreach"
    assert str(events["Keep in touch: Bo (e-mail)"]["uid"]) == f"keep-in-touch-{bo.id}@dailyreach"
    assert ann_event.decoded("dtstamp").utcoffset().total_seconds() == 0
    assert (str(calendar["prodid"]), str(calendar["version"]), str(calendar["x-wr-calname"])) == (
        "-//dailyreach//dailyreach//EN",
        "2.0",
        "dailyreach",
    )


def test_an_event_is_written_whole_as_calendars_read_it(store):
    ann = add_contact(store, "Ann", handles={"x": "@ann"}, why="Sold her startup")
    log(store, ann, "dm_sent", at=store.now().subtract(days=1))
    bo = add_contact(store, "Bo")  # no handle, no why: no link, no description
    log(store, bo, "dm_sent", at=store.now().subtract(days=1))
    text = calendar_ics(store).decode()
    assert text.startswith(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//dailyreach//dailyreach//EN\r\nX-WR-CALNAME:dailyreach\r\n"
    )
    due = store.today().add(days=2).format("YYYYMMDD")
    ends = store.today().add(days=3).format("YYYYMMDD")
    assert (
        "BEGIN:VEVENT\r\nSUMMARY:Follow up #1: Ann (X)\r\n"
        f"DTSTART;VALUE=DATE:{due}\r\nDTEND;VALUE=DATE:{ends}\r\nDTSTAMP:20261123T000000Z\r\n"
        f"UID:follow-up-{ann.id}@dailyreach\r\nDESCRIPTION:Sold her startup\\nhttps://x.com/ann\r\n"
        "TRANSP:TRANSPARENT\r\nURL:https://x.com/ann\r\nEND:VEVENT\r\n"
    ) in text
    assert (
        f"DTSTAMP:20261123T000000Z\r\nUID:follow-up-{bo.id}@dailyreach\r\nTRANSP:TRANSPARENT\r\nEND:VEVENT\r\n"
    ) in text


def test_the_calendar_holds_the_next_90_days_to_the_last_one(store):
    now = store.now()
    edge = add_contact(store, "Edge", handles={"x": "@edge"}, cadence_days=90)
    log(store, edge, "reply_received", at=now)  # due in 90 days: the last day the calendar holds
    beyond = add_contact(store, "Beyond", handles={"x": "@beyond"}, cadence_days=91)
    log(store, beyond, "reply_received", at=now)
    store.save_settings(replace(store.settings(), followup_days=90))
    late = add_contact(store, "Late", handles={"x": "@late"})
    log(store, late, "dm_sent", at=now)  # its follow-up due in 90 days too
    calendar = icalendar.Calendar.from_ical(calendar_ics(store))
    events = {str(event["summary"]): event.decoded("dtstart") for event in calendar.walk("VEVENT")}
    edge_day = now.date().add(days=90)
    assert events == {"Keep in touch: Edge (X)": edge_day, "Follow up #1: Late (X)": edge_day}


def test_a_calendar_with_nothing_upcoming_holds_only_the_store_timezone_and_says_so(store):
    add_contact(store, "Never contacted")
    calendar = icalendar.Calendar.from_ical(calendar_ics(store))
    assert calendar.walk("VEVENT") == []
    (zone,) = calendar.walk("VTIMEZONE")
    assert str(zone["tzid"]) == TOKYO
    # The days the calendar would hold: this zone had one offset through them.
    assert [str(part.decoded("dtstart").date()) for part in zone.walk("STANDARD")] == ["2026-11-23"]
    assert f"from 2026-11-23 to {store.today().add(days=90)}" in str(zone["comment"])
    assert nothing_upcoming(store) == (
        "the calendar has no events: no follow-ups or keep-in-touch dates in the next 90 days"
    )


def test_nothing_upcoming_says_nothing_of_a_calendar_with_events(store):
    contact = add_contact(store, "Waiting")
    log(store, contact, "dm_sent", at=store.now().subtract(days=1))
    assert nothing_upcoming(store) is None
    assert "VTIMEZONE" not in calendar_ics(store).decode()


def _vcard_of_a_hard_contact(store):
    return add_contact(
        store,
        "Mr. John Richter, James Doe Sr.",
        handles={
            "linkedin": "山田太",
            "x": "@taro",
            "email": "taro@example.jp",
            "web": "https://example.org/a;b",
        },
        notes="上場経験あり。" * 12 + "\nsecond line; with a semicolon, a comma and a back\\slash",
        tags=["captain, starfleet", "日本", "semi;colon"],
        why="Sold her startup",
    )


def test_each_vcard_has_the_contact_id_as_uid_and_vobject_reads_it_back(store):
    import vobject

    contact = _vcard_of_a_hard_contact(store)
    card = vobject.readOne(contacts_vcard(store).decode("utf-8"))
    assert card.uid.value == contact.id
    assert card.fn.value == contact.name
    assert card.note.value == contact.notes
    assert card.categories.value == contact.tags
    profiles = {str(line.params["TYPE"][0]): line.value for line in card.contents["x-socialprofile"]}
    assert profiles == {
        "twitter": "https://x.com/taro",
        "linkedin": "https://www.linkedin.com/in/%E5%B1%B1%E7%94%B0%E5%A4%AA",
    }


def _rfc6350_text(value) -> str:
    return re.sub(r"\\(.)", lambda match: "\n" if match[1] in "nN" else match[1], str(value))


def test_the_vcard_export_is_read_the_same_by_an_independent_parser(store):
    """icalendar's content-line parser (RFC 5545's line syntax is RFC 6350's): it unfolds, splits
    parameters and comma lists itself; it leaves text values escaped, so they are unescaped here."""
    contact = _vcard_of_a_hard_contact(store)
    card = icalendar.Component.from_ical(contacts_vcard(store).decode("utf-8"))
    assert card.name == "VCARD"
    assert str(card["UID"]) == contact.id
    assert _rfc6350_text(card["FN"]) == contact.name
    assert _rfc6350_text(card["NOTE"]) == contact.notes
    assert [str(tag) for tag in card["CATEGORIES"].cats] == contact.tags
    assert str(card["X-DAILYREACH-WHY"]) == "Sold her startup"


def test_vcard_lines_are_folded_at_75_octets_without_splitting_a_character(store):
    contact = _vcard_of_a_hard_contact(store)
    payload = contacts_vcard(store)
    physical = payload.split(b"\r\n")
    assert physical[-1] == b"" and max(len(line) for line in physical) <= 75
    assert sum(line.startswith(b" ") for line in physical) >= 4
    for line in physical:
        line.decode("utf-8")  # a character cut in two would not decode
    unfolded = payload.decode("utf-8").replace("\r\n ", "")
    assert "NOTE:" + "上場経験あり。" * 12 in unfolded
    assert contact.id in unfolded


def test_a_vcard_export_reimports_as_the_same_contacts_into_the_same_store_as_duplicates(store, tmp_path):
    contact = _vcard_of_a_hard_contact(store)
    path = tmp_path / "contacts.vcf"
    path.write_bytes(contacts_vcard(store))
    result = preview_import(store, path)
    assert result.added == [] and [reason for *_, reason in result.skipped] == [
        f"already in your contacts as Mr. John Richter, James Doe Sr. (same vCard UID {contact.id})"
    ]
    fresh = reimported(tmp_path, contacts_vcard(store), "vcf", store.clock)
    assert portrait(fresh) == portrait(store)
    assert [c.id for c in fresh.contacts()] == [c.id for c in store.contacts()]


@pytest.mark.parametrize(
    "tags",
    [["captain, starfleet"], ["captain, starfleet", "日本"], ["semi;colon", "back\\slash", "a, b; c"]],
)
def test_csv_tags_survive_their_own_round_trip(store, tmp_path, tags):
    add_contact(store, "Jean-Luc", handles={"x": "@picard"}, tags=tags)
    assert portrait(reimported(tmp_path, contacts_csv(store), "csv", store.clock)) == portrait(store)


def test_the_interactions_csv_is_refused_on_import_with_the_way_to_move_history(store, tmp_path):
    from dailyreach.core.errors import ImportRejected

    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    log(store, ann, "dm_sent", text="Loved your talk")
    path = tmp_path / "interactions.csv"
    path.write_bytes(interactions_csv(store))
    before = store.path.read_bytes()
    for fmt in (None, "csv"):
        with pytest.raises(ImportRejected, match="interactions export.*dailyreach export -o backup.json"):
            preview_import(store, path, fmt=fmt)
    assert store.path.read_bytes() == before


def test_after_the_last_follow_up_the_settings_allow_the_calendar_offers_to_close_the_thread(store):
    now = store.now()
    dan = add_contact(store, "Dan", handles={"x": "@dan"})
    for days_ago, kind in ((6, "dm_sent"), (4, "follow_up"), (1, "follow_up")):
        log(store, dan, kind, at=now.subtract(days=days_ago))
    [event] = icalendar.Calendar.from_ical(calendar_ics(store)).walk("VEVENT")
    assert str(event["summary"]) == "No answer from Dan (X): close the thread?"
    assert str(event["uid"]) == f"follow-up-{dan.id}@dailyreach"  # the follow-up's event, updated


def test_an_offer_to_close_a_thread_already_due_stays_in_the_calendar_on_today(store):
    """Like a follow-up past its day: the offer was dropped from the calendar the day it fell due."""
    now = store.now()
    dan = add_contact(store, "Dan", handles={"x": "@dan"})
    for days_ago, kind in ((12, "dm_sent"), (9, "follow_up"), (6, "follow_up")):
        log(store, dan, kind, at=now.subtract(days=days_ago))
    [event] = icalendar.Calendar.from_ical(calendar_ics(store)).walk("VEVENT")
    assert str(event["summary"]) == "No answer from Dan (X): close the thread?"
    assert event.decoded("dtstart") == store.today()


def test_the_calendars_days_are_the_stores_local_days_and_a_cadence_with_no_exchange_has_none(store, clock):
    """Half past midnight in Tokyo is the day before in UTC: the follow-up and keep-in-touch days are
    counted from Tokyo's. Someone with a cadence and no exchange yet has no keep-in-touch day."""
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    bob = add_contact(store, "Bob", handles={"x": "@bob"}, cadence_days=7)
    add_contact(store, "Cy", handles={"x": "@cy"}, cadence_days=7)
    log(store, ann, "dm_sent", at=pendulum.datetime(2026, 11, 23, 0, 30, tz=TOKYO))
    log(store, bob, "met", at=pendulum.datetime(2026, 11, 20, 0, 30, tz=TOKYO))
    events = icalendar.Calendar.from_ical(calendar_ics(store)).walk("VEVENT")
    assert sorted((str(event["summary"]), event.decoded("dtstart").isoformat()) for event in events) == [
        ("Follow up #1: Ann (X)", "2026-11-26"),
        ("Keep in touch: Bob (X)", "2026-11-27"),
    ]
