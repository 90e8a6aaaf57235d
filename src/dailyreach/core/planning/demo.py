"""Two weeks of realistic use, for `dailyreach --demo` to look around in a throwaway store.

The two weeks are played out day by day up to yesterday, so the Stats screen tells the story of a habit:
on weekdays the user writes to the daily goal's number of people or more (the follow-ups that fell due
first, then new people), at weekends to a few, with a quiet weekend day in the first week (the streak
runs since then) and a busy weekday that fell short. Public replies come before DMs on the social
networks; some people answer (at each channel's pace and rate), some only after a nudge; the user
answers back, a few book a meeting and some of those have met. Invitations declined in those weeks sit
beside what was sent in them. Today is left to do: follow-ups fall due and people added since wait for
a first message. No interaction is in the future (two invitations' events are); the same clock and
seed give the same store.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime

from pendulum import DateTime

from dailyreach.core.records.model import Contact, Interaction, Invitation, Settings
from dailyreach.core.store.store import Store

# Name, handles, why, tags. The first are written to first; the last batch was added last night.
PEOPLE: list[tuple[str, dict[str, str], str, list[str]]] = [
    ("山田 太郎", {"x": "@yamada_t"}, "SaaSを上場まで導いた。初期の採用について聞きたい", ["saas", "hiring"]),
    (
        "Ann Smith",
        {"linkedin": "ann-smith"},
        "Sold her dev-tools startup; ask how she priced v1",
        ["saas", "pricing"],
    ),
    ("佐藤 花子", {"mastodon": "@hanako@mstdn.jp"}, "D2Cブランドを年商10億に", ["d2c"]),
    ("Marcus Lee", {"x": "@marcuslee"}, "Raised a seed round without a warm intro", ["fundraising"]),
    (
        "鈴木 一郎",
        {"bluesky": "ichiro.bsky.social"},
        "エンジェル投資家。ピッチの受け方",
        ["investor", "fundraising"],
    ),
    ("Priya Natarajan", {"email": "priya@example.com"}, "Grew a newsletter to 200k readers", ["newsletter"]),
    ("高橋 美咲", {"x": "@misaki_t"}, "B2B営業の仕組み化", ["sales"]),
    (
        "Diego Alvarez",
        {"bluesky": "dalvarez.dev", "github": "dalvarez"},
        "Maintainer turned founder",
        ["oss"],
    ),
    ("田中 優", {"x": "@yu_tanaka"}, "医療系スタートアップをシリーズBまで。規制との付き合い方", []),
    ("Lena Fischer", {"linkedin": "lena-fischer"}, "Ran sales at a 100-person startup", ["sales"]),
    ("伊藤 健", {"x": "@ken_ito"}, "地方発のスタートアップ", []),
    ("Sam O'Brien", {"threads": "@sam.obrien"}, "Bootstrapped to profitability", []),
    ("渡辺 直樹", {"linkedin": "naoki-watanabe"}, "製造業向けSaaSのCEO。大企業への売り方", ["saas", "sales"]),
    ("Hannah Cole", {"x": "@hannahbuilds"}, "Two exits in e-commerce; ask about the second", ["ecommerce"]),
    ("小林 さくら", {"x": "@sakura_kb"}, "採用広報で応募数を3倍に", ["hiring"]),
    ("Tom Becker", {"linkedin": "tom-becker-ops"}, "COO who scaled support to 24/7", ["operations"]),
    ("加藤 大輔", {"email": "daisuke.kato@example.net"}, "VC。シードの判断基準を聞く", ["investor"]),
    ("Grace Kim", {"bluesky": "gracekim.bsky.social"}, "Ex-payments PM, now a fintech founder", ["fintech"]),
    ("吉田 彩", {"bluesky": "aya-yoshida.bsky.social"}, "フィンテックのPdM出身創業者", ["fintech"]),
    ("Omar Haddad", {"email": "omar@example.org"}, "Pre-seed investor in B2B SaaS", ["investor"]),
    ("山本 翔", {"x": "@sho_yamamoto"}, "シンガポールへの海外展開を経験", []),
    ("Julia Novak", {"mastodon": "@julia@hachyderm.io"}, "Sells support contracts for her OSS", ["oss"]),
    ("中村 愛", {"mastodon": "@ai_nakamura@fedibird.com"}, "子育てしながら起業。時間の使い方", []),
    (
        "Ben Carter",
        {"x": "@bencarter_co", "email": "ben@example.com"},
        "Cold-emailed his first 100 customers",
        ["sales"],
    ),
    ("松本 浩二", {"linkedin": "koji-matsumoto-cfo"}, "上場企業の元CFO。資本政策", ["fundraising"]),
    ("Chloe Martin", {"linkedin": "chloe-martin-growth"}, "Head of growth, product-led", ["growth"]),
    ("井上 理恵", {"email": "rie.inoue@example.com"}, "受託のデザイン会社から自社プロダクトへ", []),
    ("Raj Patel", {"x": "@rajpatel_ops"}, "Runs a remote team across 9 time zones", ["operations"]),
    ("木村 拓也", {"x": "@takuya_kimura_"}, "コミュニティ主導のグロース", ["community"]),
    ("Emily Zhang", {"email": "emily@example.net"}, "Design agency turned product studio", []),
    ("林 真由美", {"x": "@mayumi_hayashi"}, "翻訳SaaSを一人で黒字化", ["saas"]),
    ("Noah Schmidt", {"bluesky": "noahschmidt.bsky.social"}, "Sold a bootstrapped analytics tool", ["saas"]),
    ("清水 亮", {"bluesky": "ryo-shimizu.bsky.social"}, "OSSから会社を作った", ["oss"]),
    (
        "Mia Rossi",
        {"x": "@miarossi"},
        "Climate-tech founder, raised from corporates",
        ["climate", "fundraising"],
    ),
    ("森 由紀", {"linkedin": "yuki-mori-hr"}, "HRテックのCOO。オペレーションの型", ["hiring"]),
    ("Lucas Silva", {"linkedin": "lucas-silva-founder"}, "Took a SaaS from Brazil to Japan", ["saas"]),
    ("池田 勇気", {"x": "@yuki_ikeda"}, "AIスタートアップ、プレシリーズA", ["ai"]),
    ("Olivia Brown", {"email": "olivia@example.org"}, "Angel with 40 small checks", ["investor"]),
    ("斎藤 誠", {"mastodon": "@makoto@mastodon.social"}, "エンジニア組織を0から50人に", ["hiring"]),
    (
        "Ethan Walker",
        {"mastodon": "@ethan@fosstodon.org"},
        "Community-first dev-tools launch",
        ["oss"],
    ),
    ("橋本 奈々", {"email": "nana.hashimoto@example.com"}, "飲食チェーンのDXを売った", []),
    (
        "Sofia Garcia",
        {"x": "@sofiagarcia"},
        "Marketplace founder: the chicken-and-egg problem",
        ["marketplace"],
    ),
    ("Daniel Wright", {"linkedin": "daniel-wright-cto"}, "CTO who hired the first 20 engineers", ["hiring"]),
    ("岡田 恵", {"x": "@megumi_okada"}, "ポッドキャストで集客", ["marketing"]),
    ("Aisha Khan", {"bluesky": "aishakhan.bsky.social"}, "Health-tech founder in Tokyo", []),
    ("Kevin O'Neill", {"x": "@kevin_oneill"}, "Ex-founder, now a startup coach", []),
    # Added last night, not written to yet.
    ("Laura Jensen", {"email": "laura@example.net"}, "Nordic SaaS priced in three currencies", ["pricing"]),
    ("小川 智子", {"x": "@tomoko_ogawa"}, "BtoBマーケの立ち上げを3社で", ["marketing"]),
    ("Jack Thompson", {"x": "@jackt_builds"}, "Indie hacker, $30k MRR solo", []),
    (
        "Nina Petrova",
        {"mastodon": "@nina@mastodon.online"},
        "Wrote the handbook on async teams",
        ["operations"],
    ),
    ("前田 健太郎", {"linkedin": "kentaro-maeda"}, "大企業の新規事業からスピンアウト", []),
    ("Leo Park", {"bluesky": "leopark.bsky.social"}, "Korean founder who expanded to Japan", []),
]
ADDED_LAST_NIGHT = 6
ADDED_MIDWAY = 12  # the 12 before them, added on the evening of the fourth day
# (title, kind, host, hours, cost, currency, event days ago, decided days ago): declined in the two
# weeks, and one to come, declined yesterday.
DECLINED = [
    ("異業種交流会 in 渋谷", "mixer", "名刺交換会の主催者", 3, 5000, "JPY", 11, 13),
    ("Founder Growth Seminar", "seminar", "Growth Academy", 4, 120, "USD", 8, 12),
    ("起業家ナイトパーティー", "party", "知人の紹介", 4, 8000, "JPY", 5, 9),
    ("'Exclusive' founders community", "community", "LinkedIn DM", 2, 49, "USD", 3, 6),
    ("Intro call (a sales pitch)", "sales_pitch", "Agency rep", 1, None, "USD", 2, 4),
    ("SaaS Growth Summit (side event)", "seminar", "SaaS Summit", 6, 60, "EUR", -6, 1),
]
# How likely someone is to answer a first approach on each channel, how soon (hours), and a public
# reply's warm-up before the DM (or a cold DM's chill).
REPLY_ODDS = {"x": 0.08, "bluesky": 0.16, "mastodon": 0.1, "linkedin": 0.06, "email": 0.22, "threads": 0.0}
REPLY_HOURS = {"x": (1, 14), "bluesky": (2, 26), "mastodon": (5, 40), "linkedin": (22, 90), "email": (3, 30)}
PUBLIC_FIRST = {"x", "bluesky", "mastodon", "threads"}
WARM_UP, COLD = 0.08, -0.04
NUDGE_ODDS = 0.1  # answering only after the first follow-up
MEETINGS = {"山田 太郎", "鈴木 一郎", "Grace Kim", "Omar Haddad", "木村 拓也", "Mia Rossi"}
NEVER = {"Sam O'Brien"}
# Two follow-ups for the people the user wants most (then the app offers to give up); for the others,
# one, and the thread closed as no response two days on.
MOST_NUDGES, LOW, LET_GO_DAYS = 2, 2, 2


@dataclass
class _Person:
    contact: Contact
    channel: str
    fate: str  # "first": answers the first approach; "nudge": the first follow-up; "never"
    public: bool  # a public reply before the DM
    last_out: DateTime | None = None
    nudges: int = 0
    answer_at: DateTime | None = None
    done: bool = False  # answered, or closed as no response: nothing more to send
    log: list[tuple[DateTime, str]] = field(default_factory=list)


def _fates(contacts: list[Contact], rng: random.Random) -> list[_Person]:
    people = []
    for contact in contacts:
        channel = contact.main_channel
        public = channel in PUBLIC_FIRST and rng.random() < 0.8
        odds = REPLY_ODDS.get(channel, 0.2) + (WARM_UP if public else COLD)
        draw = rng.random()
        if contact.name in NEVER:
            fate = "never"
        elif contact.name in MEETINGS or draw < odds:
            fate = "first"
        elif draw < odds + NUDGE_ODDS:
            fate = "nudge"
        else:
            fate = "never"
        people.append(_Person(contact, channel, fate, public))
    return people


def _new_people(
    days_ago: int, weekend: bool, short: int, goal: int, followed_up: int, rng: random.Random
) -> int:
    """How many people are written to for the first time on a day, after its follow-ups: enough for the
    goal on weekdays (but the first day and one busy day), one or none at weekends."""
    if days_ago == 14:
        return max(1, goal - 2)
    if weekend:
        return rng.choice((0, 1, 1)) if followed_up else 1
    if days_ago == short:
        return max(1, goal - 2 - followed_up)
    return max(rng.choice((1, 2, 2, 3)), goal + rng.choice((0, 0, 1)) - followed_up)


def fill_demo(store: Store, seed: int = 7) -> None:
    """Fifty-odd contacts, two weeks of outreach with replies, meetings and due follow-ups, and
    declined invitations (see the module's doc)."""
    rng = random.Random(seed)
    times = random.Random(seed + 1)
    now = store.now()
    today = now.start_of("day")
    settings = store.settings()
    start = today.subtract(days=15).replace(hour=21, minute=10)
    midway = today.subtract(days=11).replace(hour=21, minute=40)
    last_night = today.subtract(days=1).replace(hour=22, minute=5)
    first_added = len(PEOPLE) - ADDED_LAST_NIGHT - ADDED_MIDWAY
    with store.transaction("demo"):
        contacts = []
        for index, (name, handles, why, tags) in enumerate(PEOPLE):
            added = (
                start
                if index < first_added
                else midway
                if index < len(PEOPLE) - ADDED_LAST_NIGHT
                else last_night
            )
            contact = Contact.from_dict(
                {
                    "name": name,
                    "handles": handles,
                    "why": why,
                    "priority": 1 + index % 3,
                    "created_at": added.isoformat(),
                    "tags": tags,
                    # Someone to keep in touch with, and someone set aside: so each has something to show.
                    "cadence_days": 30 if name == "山田 太郎" else None,
                    "archived": name == "Sam O'Brien",
                }
            )
            contacts.append(store.save_contact(contact, f"demo {name}"))
        people = _fates(contacts[: len(PEOPLE) - ADDED_LAST_NIGHT], rng)
        _play_two_weeks(people, now, settings, times)
        for person in people:
            for at, kind in sorted(person.log, key=lambda entry: entry[0]):
                store.add_interaction(
                    Interaction(
                        contact_id=person.contact.id, kind=kind, at=at.isoformat(), channel=person.channel
                    )
                )
        for title, kind, host, hours, cost, currency, event, decided in DECLINED:
            store.save_invitation(
                Invitation(
                    title=title,
                    kind=kind,
                    host=host,
                    event_date=today.subtract(days=event).date().isoformat(),
                    status="declined",
                    hours=hours,
                    cost=cost,
                    currency=currency,
                    decided_at=today.subtract(days=decided).replace(hour=20, minute=15).isoformat(),
                )
            )
        # One still to answer, to show how an invitation waits for the user's no (x).
        store.save_invitation(
            Invitation(
                title="Startup Networking Night",
                kind="mixer",
                host="Event newsletter",
                event_date=today.add(days=9).date().isoformat(),
                hours=3,
                cost=3000,
                currency="JPY",
            )
        )
    store.history.clear()


def _play_two_weeks(people: list[_Person], now: DateTime, settings: Settings, rng: random.Random) -> None:
    """Each day from two weeks ago to yesterday: the follow-ups due, then new people up to the day's
    count; the answers as they come. What would fall after ``now`` does not happen."""
    today, goal = now.start_of("day"), settings.daily_goal
    days = [today.subtract(days=days_ago) for days_ago in range(14, 0, -1)]
    weekend_days = [14 - index for index, day in enumerate(days) if day.weekday() >= 5]
    quiet = next((days_ago for days_ago in weekend_days if 8 <= days_ago <= 13), 0)
    short = next((k for k in (5, 4, 6, 3, 7) if days[14 - k].weekday() < 5), 0)
    waiting = list(people)
    started: list[_Person] = []
    for index, day in enumerate(days):
        days_ago = 14 - index
        if days_ago == quiet:
            continue
        weekend = day.weekday() >= 5
        at = day.replace(hour=10 if weekend else 8, minute=rng.randint(30, 59))
        followed_up = 0
        for person in started:
            if person.done or (person.answer_at is not None and person.answer_at <= at):
                continue
            assert person.last_out is not None
            waited = (day - person.last_out.start_of("day")).days
            if person.nudges and person.contact.priority >= LOW and waited >= LET_GO_DAYS:
                at = at.add(minutes=rng.randint(2, 6))
                person.log.append((at, "no_response"))  # one follow-up is enough for the others
                person.done = True
                continue
            if waited < settings.followup_days_for(person.channel) or person.nudges >= MOST_NUDGES:
                continue
            if days_ago == short and followed_up >= goal - 2:
                break  # a busy day: the rest waits for tomorrow
            at = at.add(minutes=rng.randint(6, 25))
            person.log.append((at, "follow_up"))
            person.last_out, person.nudges = at, person.nudges + 1
            if person.fate == "nudge" and person.nudges == 1:
                person.answer_at = _later(at, REPLY_HOURS.get(person.channel, (4, 30)), rng)
            followed_up += 1
        for _ in range(_new_people(days_ago, weekend, short, goal, followed_up, rng)):
            if not waiting:
                break
            person = waiting.pop(0)
            if datetime.fromisoformat(person.contact.created_at) > at:  # added later
                waiting.insert(0, person)
                break
            at = at.add(minutes=rng.randint(8, 30))
            first = at
            if person.public:
                person.log.append((at, "public_reply"))
                first = at.add(minutes=rng.randint(60, 200))
            person.log.append((first, "dm_sent"))
            person.last_out = first
            if person.fate == "first":
                person.answer_at = _later(first, REPLY_HOURS.get(person.channel, (4, 30)), rng)
            started.append(person)
    quiet_day = days[14 - quiet] if quiet else None
    for person in started:
        _answer(person, now, quiet_day, rng)


def _answer(person: _Person, now: DateTime, quiet_day: DateTime | None, rng: random.Random) -> None:
    """Their answer when it came before now, and what followed: the user's reply (in the morning when
    the answer came at night or on the quiet day; not yet for an answer of the last day and a half),
    then their answer again, or for those who meet: the meeting booked, and the meeting itself when
    its day has passed."""
    if person.answer_at is None or person.answer_at > now:
        person.log = [(at, kind) for at, kind in person.log if at <= now]
        return
    person.log = [(at, kind) for at, kind in person.log if at < person.answer_at]
    person.log.append((person.answer_at, "reply_received"))
    back = _later(person.answer_at, (1, 5), rng)
    if back.hour < 8:
        back = back.start_of("day").add(hours=9, minutes=rng.randint(0, 50))
    if back.start_of("day") == quiet_day:
        back = back.add(days=1)
    meets = person.contact.name in MEETINGS
    if not meets and now.diff(person.answer_at).in_hours() < 36:
        return  # their answer waits for the user's: your turn
    if meets:
        booked = _later(back, (3, 20), rng)
        met = booked.start_of("day").add(days=rng.randint(2, 5), hours=rng.choice((8, 12, 15, 18)))
        after = [(back, "dm_sent"), (booked, "meeting_booked"), (met, "met")]
    else:
        after = [
            (back, "dm_sent"),
            (_later(back, REPLY_HOURS.get(person.channel, (4, 30)), rng), "reply_received"),
        ]
    for at, kind in after:
        if at > now:
            return
        person.log.append((at, kind))


def _later(at: DateTime, hours: tuple[int, int], rng: random.Random) -> DateTime:
    """A moment between ``hours`` after ``at``."""
    return at.add(minutes=rng.randint(hours[0] * 60, hours[1] * 60))
