"""The interface's language: English, the words the source is written in, or Japanese.

Every string a user reads is marked: ``_("…")`` where it is made, ``N_("…")`` where it is defined
before the language is known (a module's constant) and ``_(CONSTANT)`` where that is shown, and
``ngettext`` for a count. ``make catalogs`` (pybabel) extracts them into ``locale/dailyreach.pot``,
merges them into ``locale/ja/LC_MESSAGES/dailyreach.po``, where their Japanese is, and compiles that to
the ``.mo`` read here; a test fails when a marked string has no translation or a translation no string.

The language is chosen once, as a command starts (``use_language``): ``language`` in config.toml, else
``DAILYREACH_LANG``, ``LC_ALL``, ``LC_MESSAGES`` or ``LANG``; the app starts again to switch. Data never
changes with it: ``--json`` keys and values, export files and their names are the same in every language.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Callable, Mapping
from pathlib import Path

DOMAIN = "dailyreach"
LOCALE_FOLDER = Path(__file__).parent / "locale"
# The languages there are, by code, each named in its own words.
LANGUAGES = {"en": "English", "ja": "日本語"}
SOURCE_LANGUAGE = "en"
ENVIRONMENT = ("DAILYREACH_LANG", "LC_ALL", "LC_MESSAGES", "LANG")

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = SOURCE_LANGUAGE


def language_code(value: object) -> str | None:
    """``ja``, ``ja_JP.UTF-8``, ``Japanese`` → ``ja``; ``en_US`` → ``en``; anything else → None."""
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip().lower()
    if text in ("c", "posix"):
        return SOURCE_LANGUAGE
    for code, name in LANGUAGES.items():
        if text == name.lower() or text.split(".")[0].replace("-", "_").split("_")[0] == code:
            return code
    if text == "japanese":
        return "ja"
    if text == "english":
        return "en"
    return None


def environment_language(environ: Mapping[str, str] | None = None) -> str:
    """The language the environment asks for: the first of ``ENVIRONMENT`` that is set decides."""
    environ = os.environ if environ is None else environ
    for name in ENVIRONMENT:
        value = environ.get(name, "")
        if value:
            return language_code(value) or SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def choose_language(configured: object = None, environ: Mapping[str, str] | None = None) -> str:
    """The config file's ``language`` when it names one, else the environment's."""
    return language_code(configured) or environment_language(environ)


def use_language(language: str) -> None:
    """Show every string from now on in ``language`` (a code of ``LANGUAGES``)."""
    global _translation, _language
    _language = language if language in LANGUAGES else SOURCE_LANGUAGE
    _translation = (
        gettext.NullTranslations()
        if _language == SOURCE_LANGUAGE
        else gettext.translation(DOMAIN, LOCALE_FOLDER, languages=[_language], fallback=True)
    )


def current_language() -> str:
    return _language


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return _translation.ngettext(singular, plural, count)


def in_language(language: str) -> Callable[[str], str]:
    """``_`` for ``language``, whichever is in use (a name stored in one language, known in another)."""
    if language == SOURCE_LANGUAGE:
        return N_
    return gettext.translation(DOMAIN, LOCALE_FOLDER, languages=[language], fallback=True).gettext


def N_(message: str) -> str:
    """Marks ``message`` for translation where it is defined; it is translated where it is shown."""
    return message


# What kept the config file's language from being read, as (message, its values): said in the language
# chosen without it, by a command (the app says its config's problems itself).
config_problems: list[tuple[str, dict[str, object]]] = []


def config_language(args: list[str], environ: Mapping[str, str] | None = None) -> object:
    """``language`` in the config file the command line names (``--config``, ``DAILYREACH_CONFIG`` or
    the default one); None when it has none or cannot be read (the app says why when it starts)."""
    environ = os.environ if environ is None else environ
    path: str | None = None
    for index, arg in enumerate(args):
        if arg == "--config" and index + 1 < len(args):
            path = args[index + 1]
        elif arg.startswith("--config="):
            path = arg.partition("=")[2]
    if path is None:
        path = environ.get("DAILYREACH_CONFIG") or _default_config_path()
    try:
        raw = Path(os.path.expanduser(path)).read_bytes()
    except (OSError, ValueError):
        return None
    # Bytes that are not UTF-8 are said below, as a TOML error is, when the file names a language.
    text = raw.decode("utf-8", errors="replace")
    if not _may_set_language(text):  # most files, the starter one too: no TOML parser needed (~5 ms)
        return None
    import tomllib

    try:
        configured = tomllib.loads(raw.decode("utf-8")).get("language")
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        config_problems.append(
            (N_("{file}: {error}; its language is not read"), {"file": path, "error": error})
        )
        return None
    if configured is not None and language_code(configured) is None:
        config_problems.append(
            (
                N_('{file}: language {language} is none of "en" and "ja"'),
                {"file": path, "language": repr(configured)},
            )
        )
    return configured


def _may_set_language(text: str) -> bool:
    """Whether a line of ``text`` names ``language`` before any ``#``: a key is the first thing on its line,
    so a file where the word is only commented out (the starter file's ``# language = "ja"``) sets none."""
    return any("language" in line.partition("#")[0] for line in text.splitlines() if "language" in line)


def _default_config_path() -> str:
    from dailyreach.paths import default_config_path

    return default_config_path()


def start(args: list[str]) -> None:
    """Choose the language of this run, before any module makes its strings."""
    use_language(choose_language(config_language(args)))
    if _language != SOURCE_LANGUAGE:
        translate_default_domain()


def translate_default_domain() -> None:
    """Make the standard library's default gettext domain read our catalog in the language in use, for
    the libraries that translate through it: click's "Usage:", "Error: …" (``click_words`` marks the
    ones a user can meet, so that they are extracted and translated with ours). gettext reads the
    language from ``LANGUAGE`` on every call, so it is set here, for this process and what it starts."""
    gettext.bindtextdomain(DOMAIN, str(LOCALE_FOLDER))
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = _language
