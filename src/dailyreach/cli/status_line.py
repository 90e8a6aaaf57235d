"""``dailyreach status`` at interpreter speed: it runs on every shell prompt.

This module reads the small record the store writes beside itself (``core/planning/status.py``) with
nothing but ``os`` and ``time``, both loaded with Python itself: no click, no JSON parser, no store. Only
when the record is missing or stale (its day is over, or the store changed without it) is the store
opened, once, to write it again; if another process holds the store's lock then, the last figures are
printed rather than waiting. A prompt must never fill with errors: with no store, or a broken one,
nothing is printed and the exit status is 0, the reason going to stderr under ``--verbose``.
"""

import os
import sys
import time

from dailyreach.paths import default_config_path, default_db_path


def N_(message: str) -> str:
    """Marks ``message`` for translation (as ``dailyreach.i18n.N_``, which this module loads only when a
    message is said)."""
    return message


DEFAULT_FORMAT = N_("dr {done}/{goal} · {due} due")
# What in the environment or the config file could ask for a language other than English: only then
# are the catalogs loaded for the line (most prompts never load them). The variables are
# ``dailyreach.i18n.ENVIRONMENT``, named here so that a prompt does not load that module (a test
# keeps the two the same).
LANGUAGE_VARIABLES = ("DAILYREACH_LANG", "LC_ALL", "LC_MESSAGES", "LANG")
RECORD_HEADER = "dailyreach-status 1"  # as ``core/planning/status.py`` writes it
FIELDS = ("done", "goal", "left", "due", "overdue", "pending", "streak", "next")
TEXT_FIELDS = frozenset({"next"})
GLOBAL_OPTIONS = ("--db", "--config")
FLAGS = ("--json", "--quiet-when-done", "--verbose")


_language_args: list[str] | None = None


def _choose_language(args: list[str]) -> None:
    """Note the arguments the language is chosen from, when a message is first said (a prompt that
    prints its figures never loads the catalogs)."""
    global _language_args
    _language_args = args


def _start_language() -> None:
    """Choose the language from the noted arguments, once (``dailyreach.i18n`` is loaded only here)."""
    global _language_args
    if _language_args is not None:
        from dailyreach import i18n

        i18n.start(_language_args)
        _language_args = None


def _(message: str) -> str:
    """``message`` in the interface's language."""
    _start_language()
    from dailyreach import i18n

    return i18n._(message)


class Usage(Exception):
    """Arguments this fast path does not take: click answers them (``--help``, a typo, ...)."""


def global_options(args: list[str], flags: tuple[str, ...] = ()) -> tuple[dict[str, str], list[str]] | None:
    """The global options ahead of the command (``--db FILE``, ``--config=FILE``, and ``flags``, given
    as ``"true"``), and the arguments after them; None when one is any other option or lacks its value."""
    found: dict[str, str] = {}
    rest = list(args)
    while rest and rest[0].startswith("-"):
        name, equals, value = rest.pop(0).partition("=")
        if name in flags and not equals:
            value = "true"
        elif name not in GLOBAL_OPTIONS:
            return None
        elif not equals:
            if not rest:
                return None
            value = rest.pop(0)
        found[name] = value
    return found, rest


def parse(args: list[str]) -> tuple[dict[str, str], dict[str, object]] | None:
    """(global options, status options) when ``args`` run ``status``; None for any other command."""
    parsed = global_options(args)
    if parsed is None or not parsed[1] or parsed[1][0] != "status":
        return None
    found, rest = parsed
    options: dict[str, object] = {flag: False for flag in FLAGS}
    options["--format"] = None
    rest.pop(0)
    while rest:
        name, equals, value = rest.pop(0).partition("=")
        if name == "--format":
            if not equals:
                if not rest:
                    raise Usage
                value = rest.pop(0)
            options[name] = value
        elif name in FLAGS and not equals:
            options[name] = True
        else:
            raise Usage
    return found, options


STATUS_KEYS = ("format", "quiet_when_done")


def configured(path: str) -> tuple[dict[str, object], list[str]]:
    """config.toml's [status] table, and what is wrong with it. The TOML parser is loaded only when
    the file has such a table (or a line that begins one, broken): most files do not, and loading it
    costs as much as this whole command."""
    try:
        with open(path, "rb") as file:
            raw = file.read()
    except OSError:
        return {}, []
    # A [status] table, or a key of it written at the top (status = 5, status.format = "…").
    if not any(start in b"\n" + raw for start in (b"\n[status", b"\nstatus")):
        return {}, []
    import tomllib

    try:
        table = tomllib.loads(raw.decode("utf-8")).get("status", {})
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return {}, [_("{file}: {error}; [status] was not read").format(file=path, error=error)]
    if not isinstance(table, dict):
        return {}, [_("{file}: [status] must be a table").format(file=path)]
    return table, status_table_problems(table, path)


def status_table_problems(table: dict[str, object], path: object) -> list[str]:
    """What is wrong in config.toml's [status] table: said by ``status --verbose``, and by the app and
    ``remind --install`` with the file's other problems."""
    problems = [
        _("{file}: status.{key} is not a setting: {keys} are").format(
            file=path, key=key, keys=", ".join(STATUS_KEYS)
        )
        for key in table
        if key not in STATUS_KEYS
    ]
    if "format" in table and not isinstance(table["format"], str):
        problems.append(_("{file}: status.format must be text in quotes").format(file=path))
    if "quiet_when_done" in table and not isinstance(table["quiet_when_done"], bool):
        problems.append(_("{file}: status.quiet_when_done must be true or false").format(file=path))
    return problems


def read_record(path: str) -> dict[str, str] | None:
    """The record's ``key value`` lines, or None when it is missing or not one."""
    try:
        with open(path, encoding="utf-8") as file:
            text = file.read(65536)
    except (OSError, UnicodeDecodeError):
        return None
    return parse_record(text)


def parse_record(text: str) -> dict[str, str] | None:
    """A record's ``key value`` lines, or None when ``text`` is not one."""
    lines = text.split("\n")
    if lines[0] != RECORD_HEADER:
        return None
    record = {}
    for line in lines[1:]:
        key, _, value = line.partition(" ")
        record[key] = value
    if not all(name in record for name in (*FIELDS, "until", "signature", "json")):
        return None
    numbers = [record[name] for name in FIELDS if name not in TEXT_FIELDS]
    if not all(number.isdigit() and len(number) < 10 for number in numbers):
        return None
    return record


def signature(path: str) -> str:
    """As the store's ``file_signature``, written as the record writes it."""
    status = os.stat(path)
    changed = status.st_mtime_ns if os.name == "nt" else status.st_ctime_ns
    return f"{status.st_ino} {changed} {status.st_size}"


def zone_key() -> str:
    """As the store's ``system_zone_key``: the system's timezone as this process read it."""
    return f"{time.tzname[0]}/{time.tzname[1]}/{time.timezone}"


def of_this_day(record: dict[str, str]) -> bool:
    """Whether the record's figures are of the day it is now: begun (a clock put back after running ahead
    finds them of a day to come) and not over. A record without its day's start is of no day."""
    try:
        return float(record.get("since", "inf")) <= time.time() < float(record["until"])
    except ValueError:
        return False


def current(record: dict[str, str], db: str) -> bool:
    """Whether the figures hold: of the day it is now, the store not changed since, and read in the
    timezone this prompt is in."""
    try:
        return (
            of_this_day(record) and record["signature"] == signature(db) and record.get("zone") == zone_key()
        )
    except (OSError, ValueError):
        return False


def refresh(db: str) -> tuple[str, bool, dict[str, str] | None] | None:
    """Write the record again from the store without waiting for its lock; when it could not be, why,
    whether only because the lock was held, and the record when only its writing failed."""
    from dailyreach.core.planning.status import UnwrittenRecord, refresh_status_record

    _start_language()  # its reasons are said in the interface's language
    done = refresh_status_record(db)
    if isinstance(done, UnwrittenRecord):
        return done.problem, False, parse_record(done.text)
    return None if done is None else (*done, None)


# The widest a field may be drawn: a prompt is one line, and "{done:>99999999999}" would fill the memory.
WIDEST = 999


LONE_BRACE = N_("a } closes no field: write }} for one")


def checked_format(fmt: str) -> str:
    """``fmt`` when each of its fields is one of ``FIELDS`` as it is (no ``.attribute`` or ``[index]``)
    drawn at most ``WIDEST`` wide; KeyError naming a field that is not, ValueError for the rest."""
    # Read from the left, as str.format reads it: "{done}}" is a field and a } that closes none.
    index = 0
    while index < len(fmt):
        if fmt[index : index + 2] in ("{{", "}}"):
            index += 2
        elif fmt[index] == "}":
            raise ValueError(_(LONE_BRACE))
        elif fmt[index] == "{":
            end = fmt.find("}", index)
            if end < 0:
                raise ValueError(_("a field is not closed with }"))
            _checked_field(fmt[index + 1 : end])
            index = end + 1
        else:
            index += 1
    return fmt


def _checked_field(field: str) -> None:
    name, _colon, spec = field.partition(":")
    name = name.partition("!")[0]
    if name not in FIELDS:
        raise KeyError(name)
    number = ""
    for character in spec + " ":
        if character.isdigit():
            number += character
            continue
        if number and int(number) > WIDEST:
            raise ValueError(_("a field may be at most {widest} wide").format(widest=WIDEST))
        number = ""


def default_format(config_path: str) -> str:
    """The line in the interface's language."""
    hinted = any(os.environ.get(name, "").lower().startswith("ja") for name in LANGUAGE_VARIABLES)
    if not hinted:
        try:
            with open(os.path.expanduser(config_path), "rb") as file:
                # Not in a comment: the config the app writes first names it in one, as a choice.
                hinted = any(b"language" in line.split(b"#", 1)[0] for line in file.read().splitlines())
        except OSError:
            hinted = False
    return _(DEFAULT_FORMAT) if hinted else DEFAULT_FORMAT


def render(record: dict[str, str], fmt: str) -> str:
    values: dict[str, object] = {
        name: record[name] if name in TEXT_FIELDS else int(record[name]) for name in FIELDS
    }
    return checked_format(fmt).format_map(values)


def run(args: list[str]) -> int | None:
    """Answer ``dailyreach status``; None when ``args`` are not for this fast path."""
    try:
        parsed = parse(args)
    except Usage:
        return None
    if parsed is None:
        return None
    found, options = parsed
    _choose_language(args)
    if options["--json"] and options["--format"] is not None:  # given, it would be passed over unsaid
        print(_("dailyreach status: --json gives every field: --format goes without it"), file=sys.stderr)
        return 2
    verbose = bool(options["--verbose"])
    config_path = found.get("--config") or os.environ.get("DAILYREACH_CONFIG") or default_config_path()
    settings, config_problems = configured(os.path.expanduser(config_path))
    for config_problem in config_problems if verbose else []:
        print(_("dailyreach status: {problem}").format(problem=config_problem), file=sys.stderr)
    fmt = options["--format"] if options["--format"] is not None else settings.get("format")
    from_config = options["--format"] is None and fmt is not None
    if not isinstance(fmt, str):  # a format that is not text is said with the config's problems
        fmt = None
    quiet_when_done = options["--quiet-when-done"] or settings.get("quiet_when_done") is True

    def quiet(reason: str) -> int:
        if verbose:
            print(_("dailyreach status: {problem}").format(problem=reason), file=sys.stderr)
        return 0

    # An empty --db names no file: not the default database, whose figures would pass for its.
    db = found["--db"] if "--db" in found else os.environ.get("DAILYREACH_DB") or default_db_path()
    if not db.strip():
        return quiet(_("an empty path names no file"))
    db = os.path.expanduser(db)
    if os.path.isdir(db):
        source = "--db" if "--db" in found else "DAILYREACH_DB"
        return quiet(_("{source}: {name} names a folder: name a file in it").format(source=source, name=db))
    if not os.path.isfile(db):
        # A device or a pipe: "no database yet" sent the user looking for one. The store's NOT_A_FILE,
        # written again: importing the store loads what a prompt must not wait for.
        if os.path.exists(db):
            return quiet(
                _("{db} is not a file (a folder, a device or a pipe): name the database's .json file").format(
                    db=db
                )
            )
        return quiet(_("no database at {db} yet").format(db=db))
    # beside.STATUS_SUFFIX, not imported: that loads the core, which the prompt's usual path never does.
    record_path = db + ".status"
    record = read_record(record_path)
    if record is None or not current(record, db):
        problem = refresh(db)
        if problem is None:
            record = read_record(record_path)
            if record is None:
                return quiet(_("no figures could be read from {file}").format(file=record_path))
        elif problem[2] is not None:  # worked out, and only not kept (a read-only folder)
            quiet(problem[0])
            record = problem[2]
        elif record is None or not problem[1]:
            return quiet(problem[0])
        elif not of_this_day(record):  # locked past midnight: yesterday's count is not today's
            return quiet(
                _("{problem}; the last figures written are of another day").format(problem=problem[0])
            )
        else:
            quiet(_("{problem}; these are the last figures written").format(problem=problem[0]))
    try:
        if options["--json"]:
            line = record["json"]
        elif quiet_when_done and int(record["done"]) >= int(record["goal"]) and int(record["overdue"]) == 0:
            return quiet(_("the goal is met and nothing is overdue: quiet when done"))
        else:
            line = render(record, str(fmt) if fmt is not None else default_format(config_path))
    except KeyError as error:
        said = _("unknown field {field} in {source}; the fields are {fields}").format(
            field=f"{{{error.args[0]}}}",
            source=_format_source(from_config, config_path),
            fields=", ".join(f"{{{name}}}" for name in FIELDS),
        )
        return _format_refused(said, from_config=from_config, verbose=verbose)
    except (ValueError, IndexError, AttributeError, TypeError) as error:
        said = _("{source} {format} cannot be used: {error}").format(
            source=_format_source(from_config, config_path), format=repr(fmt), error=error
        )
        return _format_refused(said, from_config=from_config, verbose=verbose)
    print(line)
    return 0


def _format_source(from_config: bool, config_path: str) -> str:
    return _("[status] format in {file}").format(file=config_path) if from_config else "--format"


def _format_refused(said: str, *, from_config: bool, verbose: bool) -> int:
    """A format typed with the command is refused there (exit 2); one in the config file is a broken
    config, which a prompt must not print at every turn: said only with --verbose, and nothing shown."""
    if verbose or not from_config:
        print(_("dailyreach status: {problem}").format(problem=said), file=sys.stderr)
    return 0 if from_config else 2
