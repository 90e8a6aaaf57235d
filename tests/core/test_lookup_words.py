"""Finding a contact by the start of any word of its name or the start of a handle, exact matches
first: on a real store file, as the commands read it."""

import pytest

from dailyreach.core.planning.lookup import Ambiguous, NotFound, find_contact, folded, word_starts
from dailyreach.core.store.store import Store
from tests.conftest import add_contact


@pytest.fixture
def everyone(store, db_path, clock):
    add_contact(store, "山田 太郎", handles={"x": "@yamada", "mastodon": "@taro@mstdn.jp"})
    add_contact(store, "👨‍👩‍👧 Family Emoji")
    add_contact(store, "Ann-Marie Smith", handles={"web": "https://annmarie.example"})
    add_contact(store, "Ann")
    add_contact(store, "Bob Annerson", handles={"github": "bobby"})
    add_contact(store, "ﾔﾏﾓﾄ ｹﾝ")  # half-width kana, as some exports write them
    add_contact(store, "ＴＡＮＡＫＡ Hiro")
    add_contact(store, "José Álvarez")
    add_contact(store, "Ève Durand")
    add_contact(store, "ガーデン 花子")
    return Store(db_path, clock=clock).contacts()


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("太郎", "山田 太郎"),
        ("山田", "山田 太郎"),
        ("山田　太", "山田 太郎"),  # an ideographic space, as a Japanese keyboard types it
        ("Family", "👨‍👩‍👧 Family Emoji"),
        ("family em", "👨‍👩‍👧 Family Emoji"),
        ("emoji", "👨‍👩‍👧 Family Emoji"),
        ("yama", "山田 太郎"),  # the start of the handle @yamada
        ("@yama", "山田 太郎"),
        ("@YAMADA", "山田 太郎"),  # a handle in another case
        ("taro", "山田 太郎"),  # the Mastodon handle @taro@mstdn.jp
        ("Marie", "Ann-Marie Smith"),
        ("smi", "Ann-Marie Smith"),
        ("annmarie", "Ann-Marie Smith"),  # its web address, without the scheme
        ("bob", "Bob Annerson"),  # the start of the name wins over the start of the handle bobby
        ("bobb", "Bob Annerson"),
        ("ヤマモト", "ﾔﾏﾓﾄ ｹﾝ"),
        ("ケン", "ﾔﾏﾓﾄ ｹﾝ"),
        ("tanaka", "ＴＡＮＡＫＡ Hiro"),
        ("ｈｉｒｏ", "ＴＡＮＡＫＡ Hiro"),
        ("jose", "José Álvarez"),  # accents left out, as a keyboard without them types it
        ("alvarez", "José Álvarez"),
        ("ÁLVAREZ", "José Álvarez"),
        ("eve", "Ève Durand"),  # a grave accent, the first of the combining accents
        ("ガーデン", "ガーデン 花子"),
        # Japanese names typed without the space between family and given name.
        ("山田太郎", "山田 太郎"),
        ("山田太", "山田 太郎"),
        ("ガーデン花子", "ガーデン 花子"),
        ("ﾔﾏﾓﾄｹﾝ", "ﾔﾏﾓﾄ ｹﾝ"),
        ("tanakahiro", "ＴＡＮＡＫＡ Hiro"),
    ],
)
def test_the_start_of_any_word_of_a_name_or_of_a_handle_finds_the_contact(everyone, query, name):
    assert find_contact(everyone, query).name == name


def test_exact_and_whole_name_matches_still_win_over_word_starts(everyone):
    # "Ann" is also where "Ann-Marie Smith" and a word of "Bob Annerson" start: the exact name wins.
    assert find_contact(everyone, "ann").name == "Ann"
    # The start of a whole name wins over a word further in, as before: "Bob Annerson" is not asked.
    with pytest.raises(Ambiguous) as caught:
        find_contact(everyone, "An")
    assert "Bob Annerson" not in str(caught.value)
    assert find_contact(everyone, "yamada").name == "山田 太郎"  # the exact handle


def test_a_name_typed_without_its_spaces_is_found_whole_before_as_the_start_of_another(
    store, db_path, clock, everyone
):
    add_contact(store, "山田 太郎丸")
    everyone = Store(db_path, clock=clock).contacts()
    assert find_contact(everyone, "山田太郎").name == "山田 太郎"
    assert find_contact(everyone, "山田太郎丸").name == "山田 太郎丸"
    with pytest.raises(Ambiguous):
        find_contact(everyone, "山田太")


def test_a_name_stored_without_its_space_is_found_by_one_typed_with_it(store, db_path, clock, everyone):
    add_contact(store, "佐藤花子")
    assert find_contact(Store(db_path, clock=clock).contacts(), "佐藤 花子").name == "佐藤花子"


def test_a_word_start_shared_by_two_contacts_is_reported_as_ambiguous(store, db_path, clock, everyone):
    add_contact(store, "Mia Annerson")
    with pytest.raises(Ambiguous, match="^'annerson' matches 2 contacts; use an id:\n  Bob Annerson"):
        find_contact(Store(db_path, clock=clock).contacts(), "annerson")


def test_the_middle_of_a_word_or_a_handle_matches_nothing(everyone):
    for query in ("郎", "mily", "ada", "arie", "", "@"):
        with pytest.raises(NotFound):
            find_contact(everyone, query)


@pytest.mark.parametrize(
    ("text", "starts"),
    [("Ann-Marie Smith", [0, 4, 10]), ("(Bob) Lee", [1, 6]), ("山田 太郎", [0, 3]), ("x", [0]), (" y", [1])],
)
def test_words_start_after_a_space_or_a_punctuation_mark_and_at_the_start(text, starts):
    assert word_starts(text) == starts


def test_a_whole_word_wins_over_the_start_of_a_longer_one(store, db_path, clock):
    for name in ("Ann Smith", "Anna Lee", "Bob Smithson", "Cy Smith", "Dee Smithers"):
        add_contact(store, name)
    contacts = Store(db_path, clock=clock).contacts()
    assert find_contact(contacts, "ann").name == "Ann Smith"  # the start of a name
    assert find_contact(contacts, "ANN").name == "Ann Smith"
    with pytest.raises(Ambiguous, match="'smith' matches 2 contacts") as caught:
        find_contact(contacts, "smith")  # a word further in: two whole words, still two
    assert "Bob Smithson" not in str(caught.value) and "Dee Smithers" not in str(caught.value)
    assert find_contact(contacts, "smithe").name == "Dee Smithers"
    with pytest.raises(Ambiguous, match="'smit' matches 4 contacts"):
        find_contact(contacts, "smit")  # no whole word: every start counts


def test_a_word_of_a_name_and_a_handle_matching_alike_are_a_tie(store, db_path, clock):
    add_contact(store, "Ann Red", handles={"x": "@annred"})
    add_contact(store, "Zed", handles={"mastodon": "@red@mastodon.social"})
    with pytest.raises(Ambiguous, match="^'red' matches 2 contacts; use an id:\n") as caught:
        find_contact(Store(db_path, clock=clock).contacts(), "red")
    assert "Ann Red (" in str(caught.value) and "Zed (" in str(caught.value)


@pytest.mark.parametrize(
    ("named", "handled", "expected"),
    [
        ("Ann Redford", "@red@mastodon.social", "Zed"),  # a whole word of a handle: not just a start
        ("Ann Red", "@redford@mastodon.social", "Ann Red"),  # a whole word of a name: not just a start
        ("Red Smith", "@red@mastodon.social", "Red Smith"),  # the start of the whole name comes first
    ],
)
def test_a_strictly_better_match_of_a_name_or_a_handle_still_wins(
    store, db_path, clock, named, handled, expected
):
    add_contact(store, named)
    add_contact(store, "Zed", handles={"mastodon": handled})
    assert find_contact(Store(db_path, clock=clock).contacts(), "red").name == expected


def test_kana_keep_their_voicing_marks(everyone):
    """Accents go, for Latin letters only: カーデン is not ガーデン."""
    with pytest.raises(NotFound):
        find_contact(everyone, "カーデン")


def test_every_combining_accent_of_latin_letters_is_left_out_and_nothing_past_them():
    """From U+0300 (grave) to U+036F, the block of combining marks for Latin letters."""
    assert folded("a\u0300b\u036fc") == "abc"
    assert folded("a\u0370") == "a\u0371"  # past the block: a Greek letter, only its case folded
