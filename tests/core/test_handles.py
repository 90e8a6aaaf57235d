import pytest

from dailyreach.core.records.handles import HandleError, matching_handles, normalise_handle, profile_url


@pytest.mark.parametrize(
    ("platform", "raw", "stored", "url"),
    [
        ("x", "@alice_01", "@alice_01", "https://x.com/alice_01"),
        ("x", "alice", "@alice", "https://x.com/alice"),
        ("x", "https://twitter.com/Bob/status/1", "@Bob", "https://x.com/Bob"),
        (
            "linkedin",
            "https://www.linkedin.com/in/Jane-Doe-123/",
            "jane-doe-123",
            "https://www.linkedin.com/in/jane-doe-123",
        ),
        ("linkedin", "jane-doe", "jane-doe", "https://www.linkedin.com/in/jane-doe"),
        (
            "linkedin",
            "https://jp.linkedin.com/in/%E5%B1%B1%E7%94%B0%E5%A4%AA",
            "山田太",
            "https://www.linkedin.com/in/山田太",
        ),
        # LinkedIn makes profile names from people's names, emoji and accents included, percent-encoded.
        (
            "linkedin",
            "https://www.linkedin.com/in/mar%C3%ADa-l%C3%B3pez-%F0%9F%9A%80-4b1a2c",
            "maría-lópez-🚀-4b1a2c",
            "https://www.linkedin.com/in/maría-lópez-🚀-4b1a2c",
        ),
        (
            "linkedin",
            "jos%C3%A9-d%C2%B4angelo-9a8b7c",
            "josé-d´angelo-9a8b7c",
            "https://www.linkedin.com/in/josé-d´angelo-9a8b7c",
        ),
        ("bluesky", "@Alice.BSKY.Social", "alice.bsky.social", "https://bsky.app/profile/alice.bsky.social"),
        ("bluesky", "https://bsky.app/profile/jay.dev", "jay.dev", "https://bsky.app/profile/jay.dev"),
        # The account's lasting id, as its profile URL shows it after a change of handle.
        (
            "bluesky",
            "did:plc:ewvi7nxzyoun6zhxrhs64oiz",
            "did:plc:ewvi7nxzyoun6zhxrhs64oiz",
            "https://bsky.app/profile/did:plc:ewvi7nxzyoun6zhxrhs64oiz",
        ),
        (
            "bluesky",
            "https://bsky.app/profile/did:plc:ewvi7nxzyoun6zhxrhs64oiz",
            "did:plc:ewvi7nxzyoun6zhxrhs64oiz",
            "https://bsky.app/profile/did:plc:ewvi7nxzyoun6zhxrhs64oiz",
        ),
        ("bluesky", "did:web:jay.dev", "did:web:jay.dev", "https://bsky.app/profile/did:web:jay.dev"),
        (
            "mastodon",
            "@Gargron@Mastodon.Social",
            "@Gargron@mastodon.social",
            "https://mastodon.social/@Gargron",
        ),
        ("mastodon", "https://fosstodon.org/@kev", "@kev@fosstodon.org", "https://fosstodon.org/@kev"),
        ("instagram", "https://instagram.com/Foo.Bar/", "@foo.bar", "https://www.instagram.com/foo.bar/"),
        ("threads", "zuck", "@zuck", "https://www.threads.com/@zuck"),
        ("github", "https://github.com/torvalds", "torvalds", "https://github.com/torvalds"),
        ("email", "Ann@Example.COM", "Ann@example.com", "mailto:Ann@example.com"),
        ("web", "example.com/about", "https://example.com/about", "https://example.com/about"),
        # A scheme is the same in any case: stored as every reader compares it.
        ("web", "HTTPS://EXAMPLE.COM/Page", "https://EXAMPLE.COM/Page", "https://EXAMPLE.COM/Page"),
        ("web", "Http://example.org", "http://example.org", "http://example.org"),
        ("email", "MAILTO:baz@example.com", "baz@example.com", "mailto:baz@example.com"),
        ("email", "Mailto:Baz@Example.com", "Baz@example.com", "mailto:Baz@example.com"),
    ],
)
def test_handles_are_normalised_and_linked(platform, raw, stored, url):
    assert normalise_handle(platform, raw) == stored
    assert profile_url(platform, stored) == url


@pytest.mark.parametrize(
    ("platform", "raw", "hint"),
    [
        ("x", "@sixteen_chars_xx", "1-15"),
        ("x", "@bad-dash", "1-15"),
        ("linkedin", "https://www.linkedin.com/company/acme", "/in/"),
        ("linkedin", "ann@example.com", "3-100"),
        ("bluesky", "alice", "domain"),
        ("bluesky", "did:plc:tooshort", "did:plc: id"),
        ("bluesky", "did:plc:ewvi7nxzyoun6zhxrhs64oi1", "did:plc: id"),  # 1 is not base32
        ("bluesky", "did:web:nodot", "did:plc: id"),
        ("mastodon", "alice@", "@user@instance"),
        ("instagram", "a" * 31, "1-30"),
        ("github", "-leading", "hyphens"),
        ("github", "double--dash", "hyphens"),
        ("email", "no-at-sign", "name@example.com"),
        ("web", "ftp://example.com", "https://"),
        ("x", "   ", "empty"),
        ("x", "two words", "spaces"),
        ("myspace", "tom", "unknown platform"),
    ],
)
def test_invalid_handles_say_what_a_valid_one_looks_like(platform, raw, hint):
    with pytest.raises(HandleError, match=hint):
        normalise_handle(platform, raw)


def test_a_text_is_matched_on_every_platform_where_it_is_valid():
    found = matching_handles("@kev@fosstodon.org")
    assert found == {"mastodon": "@kev@fosstodon.org"}
    assert matching_handles("@ann")["x"] == "@ann"


@pytest.mark.parametrize(
    ("platform", "raw", "hint"),
    [
        ("x", "@bob]", "an X handle is @"),
        ("x", "[bob", "an X handle is @"),
        ("instagram", "ann]", "Instagram handles are 1-30"),
        ("github", "[gh", "a GitHub user name is"),
        ("linkedin", "[jane-doe", "a LinkedIn handle is"),
    ],
)
def test_a_handle_with_a_stray_bracket_is_refused_as_a_handle_not_as_an_address(platform, raw, hint):
    # Read as a URL without a scheme, a bracket made urllib's "its brackets or port" the whole answer.
    with pytest.raises(HandleError, match=hint) as refused:
        normalise_handle(platform, raw)
    assert "brackets" not in str(refused.value)


@pytest.mark.parametrize(("platform", "name"), [("instagram", "Instagram"), ("threads", "Threads")])
def test_a_handle_refused_on_instagram_or_threads_is_said_without_an_article_before_the_name(platform, name):
    # "a Instagram handle is ...": the article fits one name and not the other.
    with pytest.raises(HandleError) as refused:
        normalise_handle(platform, "ann!")
    assert str(refused.value) == f"{name} handles are 1-30 letters, digits, periods or underscores"


def test_a_url_with_a_scheme_and_a_broken_bracket_is_still_said_to_be_a_broken_address():
    with pytest.raises(HandleError, match="its brackets or port cannot be read"):
        normalise_handle("x", "https://[x.com/bob")


@pytest.mark.parametrize(
    ("platform", "typed", "stored"),
    [
        ("instagram", "＠ａｎｎ", "@ann"),
        ("threads", "＠bob", "@bob"),
        ("x", "＠Ａｎｎ＿１", "@Ann_1"),
        ("x", "ｘ．ｃｏｍ／ａｎｎ", "@ann"),
        ("github", "ｔｏｒｖａｌｄｓ", "torvalds"),
        ("mastodon", "＠ａｎｎ＠ｍａｓｔｏｄｏｎ．ｓｏｃｉａｌ", "@ann@mastodon.social"),
        ("bluesky", "＠ａｌｉｃｅ．ｂｓｋｙ．ｓｏｃｉａｌ", "alice.bsky.social"),
    ],
)
def test_a_handle_typed_in_full_width_is_stored_in_ascii(platform, typed, stored):
    # A Japanese input method types ＠ and full-width letters; the handle they spell is the ASCII one.
    assert normalise_handle(platform, typed) == stored


@pytest.mark.parametrize(
    "raw",
    [
        "javascript:alert(1)",
        "<script>",
        '"onmouseover=x',
        "https://www.linkedin.com/in/%3Cscript%3E",
        "in/jane'doe",
        "jane\u200bdoe",  # a zero-width space: shown as janedoe, another person's name
        "＠ann",
    ],
)
def test_a_linkedin_name_of_markup_a_scheme_or_symbols_is_refused(raw):
    # Taken before, it went into https://www.linkedin.com/in/<script> in today --json and draft.
    with pytest.raises(HandleError, match="3-100 letters, digits or hyphens"):
        normalise_handle("linkedin", raw)


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("https://www.linkedin.com/in/jane-doe-123/?trk=public_profile", "jane-doe-123"),
        ("linkedin.com/in/Jane-Doe#about", "jane-doe"),
        ("in/müller-lüdenscheidt", "müller-lüdenscheidt"),
        ("иван-петров", "иван-петров"),
        ("https://www.linkedin.com/in/%E4%BD%90%E8%97%A4%E8%8A%B1%E5%AD%90", "佐藤花子"),
        ("dev-👩\u200d💻-👍🏽", "dev-👩\u200d💻-👍🏽"),  # emoji of several, joined, and a skin tone
        ("abc", "abc"),
        ("a" * 100, "a" * 100),
    ],
)
def test_a_linkedin_name_of_letters_of_any_script_digits_hyphens_and_emoji_is_taken(raw, stored):
    assert normalise_handle("linkedin", raw) == stored


@pytest.mark.parametrize("raw", ["ab", "a" * 101])
def test_a_linkedin_name_is_3_to_100_characters(raw):
    with pytest.raises(HandleError, match="3-100"):
        normalise_handle("linkedin", raw)
