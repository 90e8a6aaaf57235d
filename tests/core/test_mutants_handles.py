"""Behaviour of ``handles.py`` that mutation testing found no test pinned."""

import pytest

from dailyreach.core.records.handles import HandleError, normalise_handle

# Four labels of at most 63 characters: 253 characters in all, the longest name the DNS allows.
LONGEST_DOMAIN = ".".join(["a" * 63, "b" * 63, "c" * 63, "d" * 61])


def test_a_domain_handle_of_253_characters_is_taken_and_one_of_254_refused():
    assert len(LONGEST_DOMAIN) == 253
    assert normalise_handle("bluesky", LONGEST_DOMAIN) == LONGEST_DOMAIN
    too_long = LONGEST_DOMAIN + "d"
    with pytest.raises(HandleError):
        normalise_handle("bluesky", too_long)


def test_a_domain_whose_last_label_starts_with_a_digit_is_refused():
    with pytest.raises(HandleError):
        normalise_handle("bluesky", "alice.1com")
    with pytest.raises(HandleError):
        normalise_handle("web", "https://example.9z")


def test_a_domain_whose_first_label_starts_with_a_digit_is_taken():
    assert normalise_handle("bluesky", "1alice.bsky.social") == "1alice.bsky.social"
    assert normalise_handle("mastodon", "@ann@9.social") == "@ann@9.social"


def test_a_one_letter_top_level_domain_is_taken():
    assert normalise_handle("bluesky", "alice.x") == "alice.x"
    assert normalise_handle("email", "ann@example.x") == "ann@example.x"


@pytest.mark.parametrize(
    "url",
    [
        "https://bsky.app/feed/alice.bsky.social",
        "https://bsky.app/profile",
        "https://bsky.app/alice.bsky.social",
    ],
)
def test_a_bluesky_url_that_is_not_a_profile_is_refused(url):
    with pytest.raises(HandleError, match="bsky.app/profile/NAME"):
        normalise_handle("bluesky", url)


def test_a_mastodon_profile_url_is_read_as_a_mastodon_handle_and_other_sites_as_web():
    from dailyreach.core.records.handles import handle_from_url

    assert handle_from_url("https://mastodon.social/@ann") == ("mastodon", "@ann@mastodon.social")
    assert handle_from_url("https://example.com/ann") == ("web", "https://example.com/ann")
    assert handle_from_url("example.com/@ann") == ("web", "https://example.com/@ann")
