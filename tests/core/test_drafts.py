"""Drafts: which template fits, how it is filled, counted and linked; hostile names and handles."""

import re
from dataclasses import replace
from datetime import datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dailyreach import i18n
from dailyreach.core.errors import ValidationError
from dailyreach.core.planning.default_templates import _EARLIER_BODIES, as_in_use, default_templates
from dailyreach.core.planning.drafts import (
    KIND_FOR_PURPOSE,
    LINKEDIN_NOTE_LIMIT,
    character_count,
    choose_template,
    compose_link,
    days_ago_text,
    default_call_name,
    draft_channel,
    language_for,
    limit_for,
    make_draft,
    prepare_draft,
    purpose_for,
    templates_for,
)
from dailyreach.core.records.model import CHANNELS, Contact, Interaction
from dailyreach.core.records.template import PLACEHOLDERS, PURPOSES, Template
from dailyreach.core.records.text import terminal_safe
from dailyreach.core.store.store import META_TABLE, Store
from dailyreach.core.store.templates import SEEDED_KEY, ensure_default_templates, save_template, templates
from tests.conftest import add_contact, log

NOW = datetime.fromisoformat("2026-11-23T09:00:00+09:00")


def contact(name="Ann Smith", **fields) -> Contact:
    return Contact.from_dict({"name": name, **fields})


def said(*kinds: str, channel: str = "x", days_ago: int = 5) -> list[Interaction]:
    """A log with one interaction a day, the last ``days_ago`` days before NOW."""
    start = NOW - timedelta(days=days_ago + len(kinds) - 1)
    return [
        Interaction(contact_id="c", kind=kind, channel=channel, at=(start + timedelta(days=i)).isoformat())
        for i, kind in enumerate(kinds)
    ]


# -- call names --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "called"),
    [
        ("山田 太郎", "山田さん"),
        ("山田\u3000太郎", "山田さん"),
        ("山田太郎", "山田太郎さん"),
        ("佐藤先生", "佐藤先生"),
        ("やまだ たろう", "やまださん"),
        ("Ann Smith", "Ann"),
        ("Smith, Ann", "Ann"),
        ("Dr. Ann Smith", "Ann"),
        ("Prince", "Prince"),
        ("José  María García", "José"),
        ("김 민수", "김 민수"),
        ("🚀🔥 山田 花子 🌸", "山田さん"),
        ("🚀 Ann Smith", "Ann"),
        ("Dr. 🎉 Ann Smith", "Ann"),
        ("🚀 🌸", "🚀"),
        ("van der Berg, Ann", "Ann"),
        ("花子🌸", "花子さん"),
        ("🌸山田 花子", "山田さん"),
        ("Bob🚀 Jones", "Bob"),
        ("❤\ufe0fAnn👩🏽\u200d💻 Smith", "Ann"),
        ("अनिल कुमार", "अनिल"),
        ("MX. Sam Lee", "Sam"),
    ],
)
def test_the_default_call_name_is_family_name_san_for_japanese_names_and_given_name_otherwise(name, called):
    assert default_call_name(name) == called


def test_a_contact_s_own_call_name_wins():
    assert make_draft(first_dm(), contact("山田 太郎", call_name="太郎くん"), "x", [], NOW).text.startswith(
        "太郎くん"
    )


def test_call_name_is_a_contact_field_that_is_cleaned_and_kept():
    ann = contact(call_name="  Annie\x1b[31m\n ")
    assert ann.call_name == "Annie"
    assert Contact.from_dict(ann.to_dict()).call_name == "Annie"
    with pytest.raises(ValidationError, match="Call them"):
        contact(call_name="x" * 201)


# -- choosing ----------------------------------------------------------------------------------


def first_dm(body: str = "{call_name} {why}") -> Template:
    return Template(name="dm", purpose="first_dm", body=body)


@pytest.mark.parametrize("purpose", PURPOSES)
@pytest.mark.parametrize("channel", CHANNELS)
def test_the_channel_s_own_template_is_chosen_over_the_general_one_for_every_purpose(purpose, channel):
    general = Template(name="g", purpose=purpose, body="general", language="en")
    other = next(c for c in CHANNELS if c != channel)
    elsewhere = Template(name="o", purpose=purpose, body="other channel", channel=other, language="en")
    own = Template(name="c", purpose=purpose, body="own", channel=channel, language="en")
    unrelated = [Template(name=p, purpose=p, body=p, channel=channel) for p in PURPOSES if p != purpose]
    assert choose_template([general, elsewhere, own, *unrelated], purpose, channel, "en") is own
    assert choose_template([elsewhere, general, *unrelated], purpose, channel, "en") is general
    assert choose_template([elsewhere, *unrelated], purpose, channel, "en") is None


@pytest.mark.parametrize("purpose", PURPOSES)
@pytest.mark.parametrize("channel", CHANNELS)
def test_the_default_set_has_a_template_for_every_purpose_and_channel_in_both_languages(purpose, channel):
    for language in ("en", "ja"):
        chosen = choose_template(default_templates(), purpose, channel, language)
        assert chosen is not None and chosen.language == language and chosen.purpose == purpose
        assert chosen.channel in (None, channel)


def test_the_language_follows_the_name_and_falls_back_to_any_template_never_to_another_language():
    assert language_for(contact("山田 太郎")) == "ja"
    assert language_for(contact("Ann Smith")) == "en"
    english = Template(name="en", purpose="first_dm", body="Hi", language="en")
    anything = Template(name="any", purpose="first_dm", body="Yo")
    japanese = Template(name="ja", purpose="first_dm", body="こんにちは", language="ja")
    assert choose_template([english, anything, japanese], "first_dm", "x", "ja") is japanese
    assert choose_template([english, anything], "first_dm", "x", "ja") is anything
    assert choose_template([english], "first_dm", "x", "ja") is None
    assert choose_template([japanese], "first_dm", "x", "en") is None


@pytest.mark.parametrize(
    ("log", "channel", "reason", "purpose"),
    [
        ((), "x", None, "first_public_reply"),
        ((), "bluesky", "new", "first_public_reply"),
        ((), "email", "new", "first_dm"),
        ((), "github", None, "first_dm"),
        (("public_reply",), "x", None, "first_dm"),
        (("public_reply", "public_reply"), "x", None, "first_dm"),
        (("dm_sent",), "x", "follow_up", "follow_up_1"),
        (("public_reply", "dm_sent"), "x", "follow_up", "follow_up_1"),
        (("dm_sent", "follow_up"), "x", "follow_up", "follow_up_2"),
        (("dm_sent", "follow_up", "follow_up"), "x", "follow_up", "follow_up_2"),
        (("dm_sent", "reply_received"), "x", None, "thanks_reply"),
        (("dm_sent", "reply_received", "note"), "x", None, "thanks_reply"),
        (("dm_sent", "meeting_booked"), "x", None, "thanks_reply"),
        (("dm_sent", "reply_received", "met"), "x", None, "thanks_met"),
        (("dm_sent", "reply_received", "dm_sent"), "x", None, "follow_up_1"),
        (("dm_sent", "no_response"), "x", None, "first_public_reply"),
        (("dm_sent", "reply_received", "met"), "x", "keep_in_touch", "meeting_ask"),
    ],
)
def test_the_purpose_follows_the_conversation(log, channel, reason, purpose):
    assert purpose_for(said(*log, channel=channel), channel, reason) == purpose


@pytest.mark.parametrize(
    ("log", "allowed", "purpose"),
    [
        (("dm_sent",), 1, "follow_up_2"),
        (("dm_sent",), 3, "follow_up_1"),
        (("dm_sent", "follow_up"), 3, "follow_up_1"),
        (("dm_sent", "follow_up", "follow_up"), 3, "follow_up_2"),
        (("dm_sent", "follow_up", "reply_received", "dm_sent"), 2, "follow_up_1"),
        (("dm_sent", "dm_sent"), 2, "follow_up_2"),  # a DM after a DM was the first follow-up
        (("public_reply", "dm_sent"), 2, "follow_up_1"),
    ],
)
def test_the_last_follow_up_the_settings_allow_is_the_one_that_says_it_is_the_last(log, allowed, purpose):
    assert purpose_for(said(*log), "x", "follow_up", allowed) == purpose


def test_the_draft_goes_where_the_last_message_went():
    ann = contact(handles={"x": "@ann", "email": "ann@example.com"})
    assert draft_channel(ann, []) == "x"
    assert draft_channel(ann, said("dm_sent", channel="email")) == "email"


def test_switching_goes_through_the_channel_s_templates_in_the_contact_s_language_first():
    order = templates_for(default_templates(), "email", "ja")
    assert all(t.channel in (None, "email") for t in order)
    languages = [t.language for t in order]
    assert languages == sorted(languages, key=lambda language: language != "ja")
    assert [t.purpose for t in order if t.language == "ja"][:2] == ["first_public_reply", "first_dm"]


# -- filling -----------------------------------------------------------------------------------


def test_every_placeholder_is_filled():
    body = " | ".join(f"{{{name}}}" for name in PLACEHOLDERS)
    template = Template(name="t", purpose="follow_up_1", body=body, subject="For {call_name}")
    ann = contact("Ann Smith", handles={"x": "ann"}, why="Grew a shop to 1M")
    draft = make_draft(template, ann, "x", said("dm_sent", days_ago=4), NOW, my_name="Ken")
    assert draft.text == "Ann Smith | Ann | @ann | Grew a shop to 1M | 4 | 4 days ago | Ken"
    assert draft.subject == ""  # X has no subject line
    assert draft.missing == ()
    assert draft.kind == "follow_up"
    mail = make_draft(template, replace(ann, handles={"email": "ann@example.com"}), "email", [], NOW)
    assert mail.subject == "For Ann"


def test_a_placeholder_in_the_subject_alone_is_asked_for_only_in_an_e_mail():
    template = Template(name="t", purpose="first_dm", body="Hi", subject="Re: {why}")
    ann = contact("Ann Smith", handles={"x": "ann", "email": "ann@example.com"})
    assert make_draft(template, ann, "x", [], NOW).missing == ()
    assert make_draft(template, ann, "email", [], NOW).missing == ("why",)


def test_a_japanese_draft_addresses_the_family_name():
    yamada = contact("山田 太郎", handles={"mastodon": "@yamada@mstdn.jp"}, why="上場した")
    template = choose_template(default_templates(), "first_dm", "mastodon", language_for(yamada))
    assert template is not None
    draft = make_draft(template, yamada, "mastodon", [], NOW, my_name="佐藤")
    assert draft.text.startswith("山田さん\n\n")
    assert "佐藤と申します" in draft.text and "山田さんのご活動から" in draft.text
    assert "{" not in draft.text


@pytest.mark.parametrize(
    ("name", "call_name", "called"),
    [
        ("Sam Lee", "", "Samさん"),
        ("김 민수", "", "김 민수さん"),
        ("山田 太郎", "", "山田さん"),
        ("Sam Lee", "Sammy", "Sammy"),  # the contact's own call name is written as the user set it
    ],
)
def test_a_japanese_draft_addresses_anyone_with_san(name, call_name, called):
    template = choose_template(default_templates(), "first_dm", "x", "ja")
    assert template is not None
    draft = make_draft(template, contact(name, handles={"x": "@sam"}, call_name=call_name), "x", [], NOW)
    assert draft.text.startswith(f"{called}\n\n")


def test_an_english_draft_addresses_an_english_name_bare():
    template = choose_template(default_templates(), "first_dm", "x", "en")
    assert template is not None
    draft = make_draft(template, contact("Sam Lee", handles={"x": "@sam"}), "x", [], NOW, my_name="Ken")
    assert draft.text.startswith("Hi Sam,\n")


def test_missing_fields_are_left_empty_and_named():
    template = Template(
        name="t", purpose="first_dm", body="Hi {call_name} {handle} ({why}) {days_since} {my_name}"
    )
    draft = make_draft(template, contact("Ann"), "x", [], NOW)
    assert draft.text == "Hi Ann"
    assert draft.missing == ("handle", "why", "days_since", "my_name")
    # Where there are no mentions nothing is to fill {handle}.
    assert make_draft(template, contact("Ann"), "email", [], NOW).missing == ("why", "days_since", "my_name")
    # With no log there is no "ago" either.
    ago = Template(name="t", purpose="follow_up_1", body="Hi {call_name}, my note from {days_ago}.")
    assert make_draft(ago, contact("Ann"), "x", [], NOW).missing == ("days_ago",)


@pytest.mark.parametrize(
    ("channel", "handle", "mention"),
    [
        ("x", "ann", "@ann"),
        ("bluesky", "ann.bsky.social", "@ann.bsky.social"),
        ("mastodon", "@ann@mastodon.social", "@ann@mastodon.social"),
        ("threads", "ann", "@ann"),
        ("instagram", "ann", "@ann"),
        ("github", "octocat", "@octocat"),
    ],
)
def test_handle_is_the_mention_where_the_channel_has_mentions(channel, handle, mention):
    ann = contact(handles={channel: handle})
    for template in default_templates():
        if template.purpose == "first_public_reply" and template.channel in (None, channel):
            draft = make_draft(template, ann, channel, [], NOW)
            assert draft.text.startswith(f"{mention} ") and draft.missing == ()


@pytest.mark.parametrize(
    ("channel", "handle"),
    [("linkedin", "janedoe"), ("email", "jane@example.com"), ("web", "https://jane.example")],
)
def test_without_mentions_handle_is_empty_and_takes_its_space_with_it(channel, handle):
    jane = contact("Jane Doe", handles={channel: handle})
    default = choose_template(default_templates(), "first_public_reply", channel, "en")
    assert default is not None
    draft = make_draft(default, jane, channel, [], NOW)
    assert draft.text.startswith("Thank you for sharing this — it is exactly")
    assert draft.missing == ()
    # A template of the user's own, with the mention within a line, reads as well.
    mine = Template(
        name="t", purpose="first_public_reply", body="Great post {handle} — thanks!\n{handle} again"
    )
    assert make_draft(mine, jane, channel, [], NOW).text == "Great post — thanks!\nagain"
    assert make_draft(mine, contact(handles={"x": "ann"}), "x", [], NOW).text == (
        "Great post @ann — thanks!\n@ann again"
    )


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("Hi {nmae}", "unknown placeholder {nmae}"),
        ("Hi {Name}", "unknown placeholder {Name}"),
        ("Hi {name.__class__}", "unknown placeholder"),
        ("Hi {0}", "unknown placeholder {0}"),
        ("Hi {}", "unknown placeholder {}"),
        # What was typed is said, and what to write instead.
        ("Hi {name:>99999999}", "{name:>99999999} takes no format: write it as {name}"),
        ("Hi {name!r}", "{name!r} takes no format: write it as {name}"),
        ("Hi {name", "opens or closes no placeholder"),
        ("Hi name}", "opens or closes no placeholder"),
    ],
)
def test_an_unknown_or_odd_placeholder_is_refused_when_the_template_is_made(body, problem):
    with pytest.raises(ValidationError, match=re.escape(problem)) as refused:
        Template.from_dict({"name": "t", "purpose": "first_dm", "body": body})
    assert "{call_name}" in str(refused.value) or "format" in problem or "brace" in str(refused.value)
    with pytest.raises(ValidationError, match="Subject"):
        Template.from_dict({"name": "t", "purpose": "first_dm", "body": "ok", "subject": body})


def test_doubled_braces_are_braces():
    template = Template.from_dict({"name": "t", "purpose": "first_dm", "body": "{{name}} is {name}"})
    assert make_draft(template, contact("Ann"), "x", [], NOW).text == "{name} is Ann"


def test_a_template_round_trips_and_checks_its_fields():
    template = Template.from_dict(
        {"name": " Mine ", "purpose": "meeting_ask", "channel": "email", "language": "ja", "body": "x\n\ny"}
    )
    assert Template.from_dict(template.to_dict()) == template
    assert template.name == "Mine" and template.body == "x\n\ny"
    assert (
        Template.from_dict({"name": "t", "purpose": "first_dm", "body": "b", "channel": ""}).channel is None
    )
    for field, value in (("purpose", "hello"), ("channel", "fax"), ("language", "fr"), ("body", "  ")):
        with pytest.raises(ValidationError) as refused:
            Template.from_dict({"name": "t", "purpose": "first_dm", "body": "b", field: value})
        assert refused.value.field == field


# -- counts and limits -------------------------------------------------------------------------


def test_limits_per_channel_and_message():
    assert limit_for("bluesky", "first_public_reply") == 300
    assert limit_for("x", "first_public_reply") == 280
    assert limit_for("linkedin", "first_dm") == LINKEDIN_NOTE_LIMIT == 300
    assert limit_for("linkedin", "follow_up_1") == 8000
    assert limit_for("email", "first_dm") is None
    assert limit_for("x", "first_dm") == 10_000


def test_characters_are_counted_as_each_channel_counts_them():
    assert character_count("hello", "bluesky") == 5
    assert character_count("こんにちは", "bluesky") == 5
    assert character_count("こんにちは", "x") == 10  # X weighs CJK as two
    assert character_count("café", "x") == 4
    assert character_count("cafe\u0301", "bluesky") == 4  # e + combining accent is one
    assert character_count("👩\u200d💻", "bluesky") == 1
    assert character_count("👍🏽", "mastodon") == 1
    link = "https://example.com/" + "a" * 100
    assert character_count(f"see {link} !", "x") == 4 + 23 + 2
    assert character_count(f"see {link}", "bluesky") == 4 + len(link)


def test_a_draft_over_its_limit_is_counted_as_such():
    template = Template(name="t", purpose="first_public_reply", body="{why}")
    draft = make_draft(template, contact("Ann", why="あ" * 150), "x", [], NOW)
    assert draft.count() == 300 > draft.limit == 280
    assert draft.count("short") == 5


def test_default_templates_fit_their_channel_with_usual_values():
    ann = contact("Annabelle Smith-Jones", handles={"x": "annabelle_sj", "bluesky": "annabelle.bsky.social"})
    for channel in ("x", "bluesky"):
        for language in ("en", "ja"):
            template = choose_template(default_templates(), "first_public_reply", channel, language)
            assert template is not None
            draft = make_draft(template, ann, channel, [], NOW, my_name="Ken")
            assert draft.limit is not None and draft.count() <= draft.limit


# -- compose links -----------------------------------------------------------------------------

TRICKY = "Hi & welcome? #1 100% sure + more\nline two / é 日本"


def decoded(link: str) -> tuple[str, str, str, dict[str, list[str]]]:
    parts = urlsplit(link)
    return parts.scheme, parts.netloc, parts.path, parse_qs(parts.query, keep_blank_values=True)


@pytest.mark.parametrize(
    ("channel", "handle", "host", "path"),
    [
        ("x", "@ann", "x.com", "/intent/post"),
        ("bluesky", "ann.bsky.social", "bsky.app", "/intent/compose"),
        ("threads", "ann", "www.threads.net", "/intent/post"),
        ("mastodon", "@ann@mastodon.social", "mastodon.social", "/share"),
    ],
)
def test_a_public_reply_opens_the_post_intent_with_the_text_decoded_back_exactly(channel, handle, host, path):
    link = compose_link(contact(handles={channel: handle}), channel, "first_public_reply", "", TRICKY)
    assert link is not None
    scheme, netloc, got_path, query = decoded(link)
    assert (scheme, netloc, got_path) == ("https", host, path)
    assert query == {"text": [TRICKY]}
    assert " " not in link and "\n" not in link


def test_an_e_mail_opens_with_subject_and_body():
    ann = contact(handles={"email": "ann@example.com"})
    link = compose_link(ann, "email", "first_dm", "Hello & more?", TRICKY)
    assert link is not None
    scheme, _, path, query = decoded(link)
    assert (scheme, path) == ("mailto", "ann@example.com")
    assert query == {"subject": ["Hello & more?"], "body": [TRICKY.replace("\n", "\r\n")]}


def test_a_hostile_address_cannot_add_a_recipient_or_a_header():
    evil = contact(handles={"email": "ann?cc=boss&bcc=x@example.com"})
    link = compose_link(evil, "email", "first_dm", "s", "b")
    assert link is not None
    _, _, path, query = decoded(link)
    assert set(query) == {"subject", "body"}
    from urllib.parse import unquote

    assert unquote(path) == "ann?cc=boss&bcc=x@example.com"


@pytest.mark.parametrize(
    ("channel", "handle", "purpose", "link"),
    [
        ("x", "@ann", "first_dm", "https://x.com/ann"),
        ("linkedin", "ann-smith", "first_public_reply", "https://www.linkedin.com/in/ann-smith"),
        ("github", "ann", "follow_up_1", "https://github.com/ann"),
        ("bluesky", "ann.bsky.social", "follow_up_2", "https://bsky.app/profile/ann.bsky.social"),
    ],
)
def test_other_messages_open_the_profile(channel, handle, purpose, link):
    assert compose_link(contact(handles={channel: handle}), channel, purpose, "", "text") == link


def test_no_handle_or_no_safe_link_gives_no_link():
    assert compose_link(contact(), "x", "first_public_reply", "", "t") is not None  # an intent needs none
    assert compose_link(contact(), "email", "first_dm", "", "t") is None
    assert compose_link(contact(), "in_person", "thanks_met", "", "t") is None
    plain_web = contact(handles={"web": "http://ann.example"})
    assert compose_link(plain_web, "web", "first_dm", "", "t") is None  # only https: and mailto:


# -- hostile names and handles -----------------------------------------------------------------

HOSTILE = "Ann\x1b[31m [bold]VIP[/] \x07\u202eevil\nNext line\x1b]52;c;aGk=\x07"


def test_a_hostile_name_cannot_reach_the_draft_the_link_or_the_terminal():
    # Stored as another program may have written it: not through Contact.from_dict's cleaning.
    evil = Contact(name=HOSTILE, call_name="", why="why\x1b[2J\r\nmore", handles={"x": "ann"})
    template = Template(name="t", purpose="first_public_reply", body="{handle} {name} / {call_name}: {why}")
    draft = make_draft(template, evil, "x", [], NOW)
    assert "\x1b" not in draft.text and "\x07" not in draft.text and "\u202e" not in draft.text
    assert "\n" not in draft.text and "\r" not in draft.text
    assert terminal_safe(draft.text) == draft.text
    assert "[bold]VIP[/]" in draft.text  # kept as the words they are: the app shows them without markup
    link = draft.link()
    assert link is not None and link.isprintable() and " " not in link
    assert decoded(link)[3] == {"text": [draft.text]}


def test_a_typed_draft_with_controls_still_makes_a_printable_link():
    ann = contact(handles={"bluesky": "ann.bsky.social"})
    link = compose_link(ann, "bluesky", "first_public_reply", "", "a\x1b[31mb\x00c\u202e")
    assert link is not None and link.isprintable()
    assert decoded(link)[3] == {"text": ["a\x1b[31mb\x00c\u202e"]}


def test_each_purpose_logs_as_an_interaction():
    assert set(KIND_FOR_PURPOSE) == set(PURPOSES)
    assert KIND_FOR_PURPOSE["first_public_reply"] == "public_reply"
    assert KIND_FOR_PURPOSE["follow_up_2"] == "follow_up"


def test_an_empty_value_in_brackets_takes_its_brackets_with_it():
    template = Template(name="t", purpose="first_dm", body="your work ({why}) and（{why}）.")
    assert make_draft(template, contact("Ann"), "x", [], NOW).text == "your work and."
    filled = make_draft(template, contact("Ann", why="SaaS"), "x", [], NOW).text
    assert filled == "your work (SaaS) and（SaaS）."


def test_the_user_s_own_template_is_chosen_over_a_default_that_fits_as_well():
    mine = Template(name="Mine", purpose="first_dm", body="mine", channel="email")
    chosen = choose_template([*default_templates(), mine], "first_dm", "email", "en")
    assert chosen is mine
    anywhere = Template(name="Any", purpose="first_dm", body="mine")
    # A default made for the channel still beats the user's general one: the channel's limits matter.
    assert (
        choose_template([*default_templates(), anywhere], "first_dm", "linkedin", "en").channel == "linkedin"
    )
    assert choose_template([*default_templates(), anywhere], "first_dm", "x", "en") is anywhere


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(),
    subject=st.text(),
    channel=st.sampled_from(["x", "bluesky", "threads", "mastodon", "email"]),
)
def test_any_text_makes_a_printable_link_that_decodes_back_to_it(text, subject, channel):
    handles = {
        "x": "@ann",
        "bluesky": "ann.bsky.social",
        "threads": "ann",
        "mastodon": "@ann@mastodon.social",
    }
    handles["email"] = "ann@example.com"
    person = contact(handles={channel: handles[channel]})
    link = compose_link(person, channel, "first_public_reply", subject, text)
    assert link is not None and link.isprintable() and " " not in link
    query = parse_qs(urlsplit(link).query, keep_blank_values=True)
    if channel == "email":
        assert query.get("body", [""]) == [text.replace("\n", "\r\n")] and query.get("subject", [""]) == [
            subject
        ]
    else:
        assert query.get("text", [""]) == [text]


# -- your name unset, and how long ago -----------------------------------------------------------

# The defaults that say your name within a sentence, and how each reads with it unset and with it set.
NAMED_IN_A_SENTENCE = [
    ("en", None, "I'm a first-time founder.", "I'm Ken, a first-time founder."),
    ("en", "linkedin", "Hi Ann, I'm a first-time founder learning", "Hi Ann, I'm Ken, a first-time founder"),
    ("en", "email", "I'm a first-time founder.", "I'm Ken, a first-time founder."),
    ("ja", None, "失礼いたします。初めての起業に取り組んでおり、", "失礼いたします。Kenと申します。初めての"),
    (
        "ja",
        "email",
        "失礼いたします。初めての起業に取り組んでおり、",
        "失礼いたします。Kenと申します。初めての",
    ),
]


def default_for(purpose: str, language: str, channel: str | None) -> Template:
    return next(
        t for t in default_templates() if (t.purpose, t.language, t.channel) == (purpose, language, channel)
    )


@pytest.mark.parametrize(("language", "channel", "unnamed", "named"), NAMED_IN_A_SENTENCE)
def test_a_default_first_dm_reads_naturally_with_your_name_unset(language, channel, unnamed, named):
    template = default_for("first_dm", language, channel)
    person = contact("Ann Smith" if language == "en" else "山田 太郎", why="SaaS")
    where = channel or "x"
    draft = make_draft(template, person, where, [], NOW)
    assert unnamed in draft.text
    assert "I'm," not in draft.text and "I'm ," not in draft.text and "と申します" not in draft.text
    assert not draft.text.endswith(",") and "。と" not in draft.text and "\n\n" not in draft.text[-3:]
    # Still named as missing, so the draft screen and the command say to set your name.
    assert "my_name" in draft.missing
    # With your name set the default reads as it always did, signed.
    signed = make_draft(template, person, where, [], NOW, my_name="Ken")
    assert named in signed.text and "my_name" not in signed.missing
    assert signed.text.endswith("Ken") or channel == "linkedin"  # a connection note is not signed


def test_a_default_first_dm_without_your_name_reads_in_full():
    draft = make_draft(default_for("first_dm", "en", None), contact("Ann Smith", why="SaaS"), "x", [], NOW)
    assert draft.text == (
        "Hi Ann,\n\nI'm a first-time founder. I've been following your work and I'd be grateful to "
        "learn from you.\n\nWould you be open to one question by message?\n\nThank you."
    )
    yamada = contact("山田 太郎", why="上場した")
    assert make_draft(default_for("first_dm", "ja", None), yamada, "x", [], NOW).text == (
        "山田さん\n\n突然のご連絡失礼いたします。初めての起業に取り組んでおり、山田さんのご活動"
        "からいつも学ばせていただいております。\n\nもしよろしければ、一つだけご質問させていただけないでしょうか。"
    )


@pytest.mark.parametrize(
    ("language", "channel"), [("en", None), ("en", "email"), ("ja", None), ("ja", "email")]
)
def test_a_default_first_dm_never_tells_the_contact_the_users_own_note(language, channel):
    """ "Why" is what they achieved and what the user wants to learn from them: the default first DMs
    said "I've been following your work (Took a SaaS to IPO; ask about hiring)" to them."""
    ann = contact("Ann Smith", why="Took a SaaS to IPO; ask about hiring")
    for my_name in ("", "Ken"):
        draft = make_draft(default_for("first_dm", language, channel), ann, "x", [], NOW, my_name=my_name)
        assert "IPO" not in draft.text and "why" not in draft.missing


@pytest.mark.parametrize(
    ("template_id", "words"), [("default-en-first_dm", "your work ("), ("default-ja-first_dm", "のご活動（")]
)
def test_a_store_keeping_the_first_dm_an_earlier_version_added_reads_todays(template_id, words):
    [earlier] = _EARLIER_BODIES[template_id]
    today = next(template for template in default_templates() if template.id == template_id)
    assert words in earlier and words not in today.body
    assert as_in_use(replace(today, body=earlier)).body == today.body
    edited = earlier.replace("{call_name}", "{name}", 1)
    assert as_in_use(replace(today, body=edited)).body == edited  # the user's own words stay


def test_a_template_the_user_wrote_or_edited_reads_as_written_with_your_name_unset():
    default = default_for("first_dm", "en", None)
    # A default the user edited is theirs: filled as any template is, today's rules and all.
    edited = replace(default, body="Hi {call_name}, {my_name} here.\n\nI'm {my_name}, a founder.")
    assert make_draft(edited, contact("Ann"), "x", [], NOW).text == "Hi Ann, here.\n\nI'm, a founder."
    # So is a template of their own, even word for word a default's.
    mine = Template(name="Mine", purpose="first_dm", body=default.body)
    assert "I'm, a first-time founder" in make_draft(mine, contact("Ann"), "x", [], NOW).text
    # A default that signs off with your name alone goes without it, as before.
    thanks = make_draft(default_for("thanks_reply", "en", None), contact("Ann"), "x", [], NOW)
    assert thanks.text == "Thank you so much for your reply, Ann! It really helps."


@pytest.mark.parametrize(
    ("days", "english", "japanese"),
    [
        (0, "today", "今日"),
        (1, "yesterday", "昨日"),
        (2, "2 days ago", "2日前"),
        (21, "21 days ago", "21日前"),
    ],
)
def test_how_long_ago_is_said_in_the_draft_s_language_whatever_the_interface_s(days, english, japanese):
    for interface in ("en", "ja"):
        i18n.use_language(interface)
        try:
            assert days_ago_text(days, "en") == english
            assert days_ago_text(days, "") == english
            assert days_ago_text(days, "ja") == japanese
        finally:
            i18n.use_language("en")


@pytest.mark.parametrize(
    ("days", "english", "japanese"),
    [
        (1, "bringing my note from yesterday back up", "昨日のメッセージの件で、念のため"),
        (2, "bringing my note from 2 days ago back up", "2日前のメッセージの件で、念のため"),
        (0, "bringing my note from today back up", "今日のメッセージの件で、念のため"),
    ],
)
def test_a_default_follow_up_says_how_long_ago_in_good_english_and_japanese(days, english, japanese):
    ann, yamada = contact("Ann Smith"), contact("山田 太郎")
    sent = said("dm_sent", days_ago=days)
    follow_up = make_draft(default_for("follow_up_1", "en", None), ann, "x", sent, NOW, my_name="Ken")
    assert english in follow_up.text and "days ago" not in follow_up.text.replace(f"{days} days ago", "")
    assert " 1 days" not in follow_up.text
    nudge = make_draft(default_for("follow_up_1", "ja", None), yamada, "x", sent, NOW, my_name="佐藤")
    assert nudge.text.startswith(f"山田さん\n\n{japanese}") and nudge.text.endswith("佐藤")


def test_how_long_ago_follows_the_template_s_language_else_the_contact_s():
    sent = said("dm_sent", days_ago=3)
    anywhere = Template(name="t", purpose="follow_up_1", body="{days_ago}")
    assert make_draft(anywhere, contact("山田 太郎"), "x", sent, NOW).text == "3日前"
    assert make_draft(anywhere, contact("Ann Smith"), "x", sent, NOW).text == "3 days ago"
    english = replace(anywhere, language="en")
    assert make_draft(english, contact("山田 太郎"), "x", sent, NOW).text == "3 days ago"
    japanese = replace(anywhere, language="ja")
    assert make_draft(japanese, contact("Ann Smith"), "x", sent, NOW).text == "3日前"


def test_a_template_of_any_language_says_how_long_ago_in_the_language_of_its_words():
    sent = said("dm_sent", days_ago=3)
    english = Template(name="t", purpose="follow_up_1", body="Hi {call_name}, my note from {days_ago}")
    assert make_draft(english, contact("山田 太郎"), "x", sent, NOW).text.endswith("my note from 3 days ago")
    japanese = Template(name="t", purpose="follow_up_1", body="{call_name}、{days_ago}の件です")
    assert make_draft(japanese, contact("Ann Smith"), "x", sent, NOW).text.endswith("3日前の件です")
    in_the_subject = Template(name="t", purpose="follow_up_1", subject="お礼", body="{days_ago}")
    assert make_draft(in_the_subject, contact("Ann Smith"), "email", sent, NOW).text == "3日前"


# The follow-ups' words as earlier versions added them to a store.
EARLIER_FOLLOW_UPS = {
    "default-en-follow_up_1": "Hi {call_name}, bringing my note from {days_since} days ago back up, in case "
    "it got buried. No pressure at all.\n\n{my_name}",
    "default-ja-follow_up_1": "{call_name}\n\n{days_since}日前にお送りしたメッセージの件で、念のため再度ご連絡"
    "いたしました。お忙しいところ恐縮です。\n\n{my_name}",
}


@pytest.mark.parametrize("template_id", sorted(EARLIER_FOLLOW_UPS))
def test_a_store_s_default_follow_up_in_earlier_words_reads_today_s_until_the_user_edits_it(
    store, template_id
):
    ensure_default_templates(store)
    stored = next(t for t in templates(store) if t.id == template_id)
    today_words = stored.body
    save_template(store, replace(stored, body=EARLIER_FOLLOW_UPS[template_id]))
    assert store.documents("templates") and SEEDED_KEY in store.record_ids(META_TABLE)
    read = next(t for t in templates(store) if t.id == template_id)
    assert read.body == today_words and "{days_ago}" in read.body
    # A draft made from the store says it so.
    yamada = add_contact(store, "山田 太郎" if "-ja-" in template_id else "Ann Smith")
    log(store, yamada, "dm_sent", at=store.now().subtract(days=1))
    drafted = make_draft(read, yamada, "x", list(store.interactions(yamada.id)), store.local_now())
    assert ("昨日" if "-ja-" in template_id else "from yesterday") in drafted.text
    # Edited by the user, the words are theirs, even when they still say {days_since}.
    theirs = EARLIER_FOLLOW_UPS[template_id].replace("{call_name}", "{name}")
    save_template(store, replace(read, body=theirs))
    assert next(t for t in templates(store) if t.id == template_id).body == theirs


def test_only_a_default_s_earlier_words_are_brought_up_to_date():
    earlier = EARLIER_FOLLOW_UPS["default-en-follow_up_1"]
    mine = Template(name="Mine", purpose="follow_up_1", body=earlier)
    assert as_in_use(mine) is mine
    other_default = replace(default_for("follow_up_2", "en", None), body=earlier)
    assert as_in_use(other_default).body == earlier


@pytest.mark.parametrize(
    ("kinds", "allowed", "used"),
    [
        (("dm_sent", "follow_up"), 2, None),
        (("dm_sent", "follow_up", "follow_up"), 2, 2),
        (("dm_sent", "follow_up", "follow_up", "follow_up"), 2, 3),
        (("dm_sent",), 0, 0),
        (("dm_sent", "follow_up", "follow_up", "reply_received"), 2, None),
        (("dm_sent", "follow_up", "follow_up", "no_response"), 2, None),
    ],
)
def test_a_draft_says_when_every_follow_up_the_settings_allow_went_unanswered(store, kinds, allowed, used):
    store.save_settings(replace(store.settings(), followups_before_giving_up=allowed))
    ann = add_contact(store, "Ann Smith", handles={"x": "@ann"})
    for number, kind in enumerate(kinds):
        log(store, ann, kind, at=store.now().subtract(days=4 * (len(kinds) - number)))
    assert prepare_draft(store, ann).nudges_used == used


def test_a_draft_is_made_while_a_nudge_may_be_sent_and_none_once_all_went_unanswered(store):
    ann = add_contact(store, "Ann Smith", handles={"x": "@ann"})
    for days_ago, kind in ((9, "dm_sent"), (6, "follow_up")):
        log(store, ann, kind, at=store.now().subtract(days=days_ago))
    last = prepare_draft(store, ann)
    assert last.draft is not None and last.draft.template.purpose == "follow_up_2"
    log(store, ann, "follow_up", at=store.now().subtract(days=2))
    used = prepare_draft(store, ann)
    assert (used.draft, used.nudges_used) == (None, 2)
    named = prepare_draft(store, ann, template_name="follow-up 1 (en)")
    assert named.draft is not None and named.draft.template.name == "follow-up 1 (en)"


def test_a_prepared_draft_is_of_this_contact_on_its_channel_for_what_is_due(store):
    store.save_settings(replace(store.settings(), my_name="Kei"))
    ann = add_contact(store, "Ann Smith", handles={"x": "@ann", "linkedin": "ann-smith"})
    bo = add_contact(store, "Bo", handles={"x": "@bo"})
    log(store, bo, "reply_received", at=store.now().subtract(days=1), channel="x")  # Bo's, not Ann's
    log(store, ann, "dm_sent", at=store.now().subtract(days=4), channel="linkedin")
    prepared = prepare_draft(store, ann)
    assert (prepared.contact, prepared.channel, prepared.purpose, prepared.language) == (
        ann,
        "linkedin",
        "follow_up_1",
        "en",
    )
    assert (prepared.my_name, prepared.nudges_used, prepared.now) == ("Kei", None, store.local_now())
    assert prepared.interactions == tuple(store.interactions(ann.id))
    assert (prepared.draft.template.name, prepared.draft.channel) == ("follow-up 1 (en)", "linkedin")
    assert [t.name for t in prepared.choices[:3]] == [
        "first public reply (en)",
        "first DM (en, linkedin)",
        "first DM (en)",
    ]
    assert all(t.channel in (None, "linkedin") for t in prepared.choices)
    on_x = prepare_draft(store, ann, channel="X")  # as the app names it
    assert (on_x.channel, on_x.draft.channel) == ("x", "x")
    assert "first DM (en, linkedin)" not in [t.name for t in on_x.choices]
    asked = prepare_draft(store, ann, reason="keep_in_touch")
    assert (asked.purpose, asked.draft.template.name) == ("meeting_ask", "meeting ask (en)")
    with pytest.raises(ValidationError, match="^Channel: 'fax' is not one of x, linkedin"):
        prepare_draft(store, ann, channel="fax")
    named = prepare_draft(store, ann, template_name="meeting ask (en)")
    assert (named.purpose, named.draft.template.name) == ("meeting_ask", "meeting ask (en)")


def test_a_first_message_is_a_public_reply_where_one_can_be_made_from_the_channels_own_template(store):
    on_x = add_contact(store, "Ann", handles={"x": "@ann"})
    prepared = prepare_draft(store, on_x)
    assert (prepared.purpose, prepared.draft.template.name) == (
        "first_public_reply",
        "first public reply (en, x)",
    )
    by_email = add_contact(store, "Bo", handles={"email": "bo@example.com"})
    assert prepare_draft(store, by_email).purpose == "first_dm"


def test_the_first_follow_up_is_the_last_when_the_settings_allow_one(store):
    store.save_settings(replace(store.settings(), followups_before_giving_up=1))
    ann = add_contact(store, "Ann", handles={"x": "@ann"})
    log(store, ann, "dm_sent", at=store.now().subtract(days=4))
    assert prepare_draft(store, ann).purpose == "follow_up_2"


def test_follow_ups_are_offered_once_a_message_was_sent_unless_named(store):
    ann = add_contact(store, "Ann Smith", handles={"x": "@ann"})
    purposes = {t.purpose for t in prepare_draft(store, ann).choices}
    assert purposes and not purposes & {"follow_up_1", "follow_up_2"}
    named = prepare_draft(store, ann, template_name="follow-up 1 (en)")
    assert named.choices[0].purpose == "follow_up_1"
    log(store, ann, "dm_sent", at=store.now().subtract(days=4))
    assert {"follow_up_1", "follow_up_2"} <= {t.purpose for t in prepare_draft(store, ann).choices}


def test_templates_come_in_the_language_asked_for_first_then_the_others_as_before(store):
    # In Japanese, the English templates filled the list at 80×24 and the Japanese ones were below it.
    ensure_default_templates(store)
    anyone = save_template(store, Template.from_dict({"name": "any", "purpose": "first_dm", "body": "hi"}))
    assert [t.id for t in templates(store, "ja")][0] == anyone.id  # any language's first, as before
    english_first = [t.language for t in templates(store)]
    assert english_first == sorted(english_first)  # any, en, then ja
    japanese_first = templates(store, "ja")[1:]
    languages = [t.language for t in japanese_first]
    assert languages == sorted(languages, reverse=True) and set(languages) == {"en", "ja"}
    assert [t.id for t in japanese_first if t.language == "en"] == [
        t.id for t in templates(store) if t.language == "en"
    ]


def test_a_template_edited_into_something_unreadable_is_skipped_and_the_rest_listed(store, db_path):
    import json

    ensure_default_templates(store)
    count = len(templates(store))
    data = json.loads(db_path.read_text())
    data["templates"] = {"broken": {"id": "broken", "name": 5}, **data["templates"]}  # first in the file
    db_path.write_text(json.dumps(data))
    assert len(templates(Store(db_path))) == count
