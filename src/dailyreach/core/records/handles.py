"""Handles on each platform: what is valid, the one spelling we store, and the profile URL."""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

from dailyreach.core.records.text import has_surrogate, strip_control
from dailyreach.i18n import N_, _

PLATFORMS = (
    "x",
    "linkedin",
    "bluesky",
    "mastodon",
    "instagram",
    "threads",
    "github",
    "email",
    "web",
)
# The platforms whose handles are ASCII: typed in full width (＠ａｎｎ, as a Japanese input method writes
# it), a handle is read in ASCII, as typed currencies, amounts and dates are (NFKC).
_ASCII_HANDLES = frozenset({"x", "bluesky", "mastodon", "instagram", "threads", "github"})

# As text, compiled on first use (see dates.py).
_X = r"[A-Za-z0-9_]{1,15}"
_DOMAIN_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_INSTAGRAM = r"[a-z0-9._]{1,30}"
_GITHUB = r"[A-Za-z0-9](?:-?[A-Za-z0-9]){0,38}"
_MASTODON_USER = r"[A-Za-z0-9_]{1,30}"
# The account's lasting id, which its profile URL shows after a change of handle (did:web: names a domain).
_BLUESKY_PLC = r"did:plc:[a-z2-7]{24}"
_EMAIL = r"[^@\s]{1,64}@[^@\s]+"
# Besides letters, digits and hyphens, what LinkedIn keeps of a person's name in a profile's: accents, and
# emoji with their modifiers; of the invisible characters only the joiner that makes one emoji of several
# (a zero-width space would make one name look like another).
_NAME_MARKS_AND_EMOJI = frozenset({"Mn", "Mc", "Me", "So", "Sk"})
_EMOJI_JOINER = "\u200d"


class HandleError(ValueError):
    """What a valid handle looks like, said in the language in use."""


NOT_UTF8 = N_("is not valid text: it holds bytes that are not UTF-8")
BROKEN_ADDRESS = N_("is not a valid address: its brackets or port cannot be read")


def _path_after_host(text: str, hosts: tuple[str, ...]) -> str | None:
    """The path of ``text`` when it is a URL on one of ``hosts`` (with or without a scheme)."""
    if "://" in text:
        parts = urlsplit(text)
    else:
        # Without a scheme it may be a plain handle: one no URL reads ("@bob]", "[bob") is on no host, and
        # its platform's check says what is wrong with it.
        try:
            parts = urlsplit(f"https://{text}")
        except ValueError:
            return None
    host = parts.hostname or ""
    if any(host == known or host.endswith(f".{known}") for known in hosts):
        return unquote(parts.path).strip("/")
    return None


def _is_domain(text: str) -> bool:
    labels = text.split(".")
    return (
        len(labels) >= 2
        and len(text) <= 253
        and all(re.fullmatch(_DOMAIN_LABEL, label) for label in labels)
        and labels[-1][0].isalpha()
    )


def _x(raw: str) -> str:
    name = _path_after_host(raw, ("x.com", "twitter.com"))
    name = (name.split("/")[0] if name is not None else raw).removeprefix("@")
    if not re.fullmatch(_X, name):
        raise HandleError(_("an X handle is @ and 1-15 letters, digits or underscores"))
    return f"@{name}"


def _linkedin(raw: str) -> str:
    path = _path_after_host(raw, ("linkedin.com",))
    if path is not None:
        parts = path.split("/")
        if len(parts) < 2 or parts[0] != "in":
            raise HandleError(_("a LinkedIn profile URL looks like https://www.linkedin.com/in/NAME"))
        slug = parts[1]
    else:
        slug = unquote(raw.removeprefix("in/"))
    if not _is_linkedin_name(slug):
        raise HandleError(
            _(
                "a LinkedIn handle is https://www.linkedin.com/in/NAME or NAME alone: "
                "3-100 letters, digits or hyphens"
            )
        )
    return slug.lower()


def _is_linkedin_name(slug: str) -> bool:
    """Whether ``slug`` is a profile's name: letters of any script, digits and hyphens, with the accents
    and emoji of the person's name (maría-lópez-🚀-4b1a2c, josé-d´angelo). Other ASCII (<, ", :) is
    markup or a scheme, never a name, and the name goes into a link."""
    return 3 <= len(slug) <= 100 and all(
        character == "-"
        or character.isalnum()
        or character == _EMOJI_JOINER
        or (not character.isascii() and unicodedata.category(character) in _NAME_MARKS_AND_EMOJI)
        for character in slug
    )


def _bluesky(raw: str) -> str:
    path = _path_after_host(raw, ("bsky.app",))
    if path is not None:
        parts = path.split("/")
        if len(parts) < 2 or parts[0] != "profile":
            raise HandleError(_("a Bluesky profile URL looks like https://bsky.app/profile/NAME"))
        raw = parts[1]
    handle = raw.removeprefix("@").lower()
    if re.fullmatch(_BLUESKY_PLC, handle) or (
        handle.startswith("did:web:") and _is_domain(handle.removeprefix("did:web:"))
    ):
        return handle
    if not _is_domain(handle):
        raise HandleError(
            _("a Bluesky handle is a domain name such as alice.bsky.social, or the account's did:plc: id")
        )
    return handle


def _mastodon(raw: str) -> str:
    if "://" in raw:
        parts = urlsplit(raw)
        user = parts.path.strip("/").removeprefix("@")
        host = parts.hostname or ""
    else:
        user, _at, host = raw.removeprefix("@").partition("@")
    host = host.lower()
    if not (re.fullmatch(_MASTODON_USER, user) and _is_domain(host)):
        raise HandleError(_("a Mastodon handle looks like @user@instance.social"))
    return f"@{user}@{host}"


def _instagram_like(hosts: tuple[str, ...], platform: str) -> Callable[[str], str]:
    def normalise(raw: str) -> str:
        path = _path_after_host(raw, hosts)
        name = (path.split("/")[0] if path is not None else raw).removeprefix("@").lower()
        if not re.fullmatch(_INSTAGRAM, name):
            # No article before the name: "a Instagram handle" read wrong, and each name wants its own.
            raise HandleError(
                _("{platform} handles are 1-30 letters, digits, periods or underscores").format(
                    platform=platform
                )
            )
        return f"@{name}"

    return normalise


def _github(raw: str) -> str:
    path = _path_after_host(raw, ("github.com",))
    name = (path.split("/")[0] if path is not None else raw).removeprefix("@")
    if not re.fullmatch(_GITHUB, name):
        raise HandleError(_("a GitHub user name is 1-39 letters, digits or single hyphens"))
    return name


def _email(raw: str) -> str:
    # A scheme is the same in any case (RFC 3986): MAILTO:ann@example.com is ann@example.com.
    address = raw[len("mailto:") :] if raw[: len("mailto:")].lower() == "mailto:" else raw
    local, _at, domain = address.rpartition("@")
    if not (re.fullmatch(_EMAIL, address) and local and _is_domain(domain.lower())):
        raise HandleError(_("an e-mail address looks like name@example.com"))
    return f"{local}@{domain.lower()}"


def _web(raw: str) -> str:
    url = raw if "://" in raw else f"https://{raw}"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or "@" in parts.netloc or not _is_domain(parts.hostname or ""):
        raise HandleError(_("a web address looks like https://example.com"))
    # Stored as every reader compares it: HTTPS://Example.com/Page is https://Example.com/Page.
    return parts.scheme + url[len(parts.scheme) :]


_NORMALISERS: dict[str, Callable[[str], str]] = {
    "x": _x,
    "linkedin": _linkedin,
    "bluesky": _bluesky,
    "mastodon": _mastodon,
    "instagram": _instagram_like(("instagram.com",), "Instagram"),
    "threads": _instagram_like(("threads.net", "threads.com"), "Threads"),
    "github": _github,
    "email": _email,
    "web": _web,
}


def normalise_handle(platform: str, raw: str) -> str:
    """The stored spelling of ``raw`` on ``platform``; HandleError says what a valid one looks like."""
    if platform not in _NORMALISERS:
        raise HandleError(
            _("unknown platform {platform}: use one of {platforms}").format(
                platform=repr(platform), platforms=", ".join(PLATFORMS)
            )
        )
    if has_surrogate(raw):
        raise HandleError(_(NOT_UTF8))
    # Cleaned as every single-line field is: an e-mail or web address is no way round it.
    text = strip_control(raw).strip()
    if platform in _ASCII_HANDLES:
        text = unicodedata.normalize("NFKC", text)
    if not text:
        raise HandleError(_("must not be empty"))
    if any(character.isspace() for character in text):
        raise HandleError(_("must not contain spaces"))
    return _parsed(_NORMALISERS[platform], text)


def _parsed(normalise: Callable[[str], str], text: str) -> str:
    """``normalise(text)``, with the ValueError urllib raises for a broken URL ("http://[x") said as
    a HandleError."""
    try:
        return normalise(text)
    except HandleError:
        raise
    except ValueError:
        raise HandleError(_(BROKEN_ADDRESS)) from None


def profile_url(platform: str, handle: str) -> str:
    """Where a browser shows this person's profile (a mailto: link for e-mail)."""
    match platform:
        case "x":
            return f"https://x.com/{handle.removeprefix('@')}"
        case "linkedin":
            return f"https://www.linkedin.com/in/{handle}"
        case "bluesky":
            return f"https://bsky.app/profile/{handle}"
        case "mastodon":
            user, host = handle.removeprefix("@").split("@", 1)
            return f"https://{host}/@{user}"
        case "instagram":
            return f"https://www.instagram.com/{handle.removeprefix('@')}/"
        case "threads":
            return f"https://www.threads.com/{handle}"
        case "github":
            return f"https://github.com/{handle}"
        case "email":
            return f"mailto:{handle}"
        case "web":
            return handle
    raise HandleError(_("unknown platform {platform}").format(platform=repr(platform)))


# What a link opener may hand to the browser: a page or an e-mail, never a file or a script. A profile
# may be a plain http: site; a compose link, which dailyreach builds itself, is https: or mailto: only.
OPENABLE_SCHEMES = ("https:", "http:", "mailto:")
COMPOSE_SCHEMES = ("https:", "mailto:")


def openable(url: str, schemes: tuple[str, ...] = OPENABLE_SCHEMES) -> bool:
    """Whether ``url`` may be opened, checked at the moment of opening: the file it came from may have
    been written by another program."""
    return url.lower().startswith(schemes) and url.isprintable() and " " not in url


def matching_handles(text: str) -> dict[str, str]:
    """Every platform on which ``text`` is a valid handle, with its stored spelling."""
    found = {}
    for platform in PLATFORMS:
        try:
            found[platform] = normalise_handle(platform, text)
        except HandleError:
            continue
    return found


_URL_PLATFORMS = (
    ("x", ("x.com", "twitter.com")),
    ("linkedin", ("linkedin.com",)),
    ("bluesky", ("bsky.app",)),
    ("instagram", ("instagram.com",)),
    ("threads", ("threads.net", "threads.com")),
    ("github", ("github.com",)),
)


def handle_from_url(url: str) -> tuple[str, str]:
    """The platform and handle a profile URL points to; a site we do not know is a web address."""
    if has_surrogate(url):
        raise HandleError(_(NOT_UTF8))
    return _parsed_pair(strip_control(url).strip())


def _parsed_pair(text: str) -> tuple[str, str]:
    try:
        return _platform_of(text)
    except HandleError:
        raise
    except ValueError:
        raise HandleError(_(BROKEN_ADDRESS)) from None


def _platform_of(text: str) -> tuple[str, str]:
    if text.lower().startswith("mailto:"):
        return "email", _email(text)
    for platform, hosts in _URL_PLATFORMS:
        if _path_after_host(text, hosts) is not None:
            return platform, _NORMALISERS[platform](text)
    if "://" in text and urlsplit(text).path.lstrip("/").startswith("@"):
        with contextlib.suppress(HandleError):
            return "mastodon", _mastodon(text)
    return "web", _web(text)
