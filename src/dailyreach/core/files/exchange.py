"""The JSON export (format "dailyreach", version 1) and its lossless, idempotent import."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import orjson

from dailyreach.core.errors import ImportRejected, ValidationError
from dailyreach.core.records.model import (
    Contact,
    DayPlan,
    Interaction,
    Invitation,
    Settings,
    Snooze,
    known_currency,
)
from dailyreach.core.records.template import Template
from dailyreach.core.records.text import shown
from dailyreach.core.records.validation import moment
from dailyreach.core.store.schema import FORMAT_NAME
from dailyreach.core.store.store import (
    KEY_FIELDS,
    NO_CONTACT,
    RECORD_TABLES,
    Store,
    not_in_future,
)
from dailyreach.core.store.tables import META_TABLE
from dailyreach.i18n import N_, SOURCE_LANGUAGE, _, current_language

EXPORT_VERSION = 1
# How far ahead of this machine's clock the one an export was written by may be: its interactions had
# happened by the time it was written, by that clock. Two machines' clocks, or zones set wrong on one of
# them, disagree by minutes or hours; an export written days ahead was written by a clock gone wrong.
CLOCK_DISAGREEMENT = timedelta(days=1)
# An interaction later than both this machine's clock and the time the file says it was written.
LATER_THAN_BOTH_CLOCKS = N_(
    "{moment} is later than this machine's clock and than the time the file was written: "
    "check both machines' clocks"
)
# A record of the file whose id the database holds in a record this version cannot read.
UNREADABLE_HERE = N_(
    "the database's record {id} cannot be read and is left as it is (`dailyreach doctor` lists it)"
)
# JSON's types as a person calls them, in schema messages.
JSON_TYPES = {
    "string": N_("text"),
    "integer": N_("a whole number"),
    "number": N_("a number"),
    "boolean": N_("true or false"),
    "array": N_("a list"),
    "object": N_("a JSON object"),
    "null": N_("null"),
}


class _Record(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


# Each table's validating reader.
_RECORDS: dict[str, Callable[[Any], _Record]] = {
    "contacts": Contact.from_dict,
    "interactions": Interaction.from_dict,
    "invitations": Invitation.from_dict,
    "snoozes": Snooze.from_dict,
    "plans": DayPlan.from_dict,
    "templates": Template.from_dict,
}


@cache
def export_schema() -> dict[str, Any]:
    """The JSON Schema of the export, shipped inside the package."""
    import json
    from importlib import resources  # imported here: only an import reads the schema

    schema: dict[str, Any] = json.loads(
        resources.files("dailyreach.core.files").joinpath("export.schema.json").read_text("utf-8")
    )
    return schema


def export_bundle(store: Store) -> dict[str, Any]:
    """Every record, written straight from the stored documents (they were validated on the way in): the
    store's own, so the bundle is read, never changed."""
    records = {table: store.documents(table) for table in RECORD_TABLES}
    return {
        "format": FORMAT_NAME,
        "version": EXPORT_VERSION,
        "exported_at": store.local_now().isoformat(),
        **records,
        "settings": store.settings().to_dict(),
    }


def export_json(store: Store) -> bytes:
    return orjson.dumps(export_bundle(store), option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)


def write_export(path: Path, payload: bytes, *, db: Path, force: bool = False) -> None:
    """Write an export readable by the owner only; an existing file is replaced only when forced, and
    never the database ``db``, a file kept beside it or one in its backups (DatabaseFileNamed), forced
    or not."""
    import os

    from dailyreach.core.errors import DatabaseFileNamed
    from dailyreach.core.files.new_file import write_new_file
    from dailyreach.core.store.backups import backup_folder
    from dailyreach.core.store.beside import kept_for

    kept = kept_for(path, db)
    if kept == "":
        raise DatabaseFileNamed(_("{path} is the database itself: export to another file").format(path=path))
    if kept is not None:
        raise DatabaseFileNamed(
            _("{path} is kept beside the database {db}: export to another file").format(path=path, db=db)
        )
    if os.path.dirname(os.path.realpath(path)) == os.path.realpath(backup_folder(db)):
        # A backup replaced by an export, which is no database, could not be copied back.
        raise DatabaseFileNamed(
            _("{path} is in the backups of the database {db}: export to another folder").format(
                path=path, db=db
            )
        )
    write_new_file(path, payload, replace=force)


_REQUIRED = re.compile(r"(.+) is a required property")
_UNEXPECTED = re.compile(r"\((.+) (?:was|were) unexpected\)")


# The forms the export's patterns take, in words: jsonschema says a pattern as the regular expression.
PATTERN_FORMS = {
    "moment": N_("an ISO 8601 time with its offset (2026-11-23T09:00+09:00)"),
    "day": N_("a day written YYYY-MM-DD (2026-11-23)"),
}
CURRENCY_PATTERN, CURRENCY_FORM = "^[A-Z]{3}$", N_("a currency's three capital letters (JPY, USD)")


@cache
def _forms_by_pattern() -> dict[str, str]:
    definitions = export_schema()["$defs"]
    return {definitions[name]["pattern"]: form for name, form in PATTERN_FORMS.items()} | {
        CURRENCY_PATTERN: CURRENCY_FORM
    }


def _pattern_form(pattern: object) -> str | None:
    form = _forms_by_pattern().get(pattern) if isinstance(pattern, str) else None
    return _(form) if form else None


def schema_message(error: Any) -> str:
    """What a JSON Schema check found, as jsonschema says it in English and in the language in use
    otherwise, for the checks the export's schema makes (anything else stays jsonschema's); a pattern
    is said as the form it asks for, not as the regular expression."""
    # A day or nothing (null): what the value failed is the day's pattern.
    patterns = [sub for sub in error.context or () if sub.validator == "pattern"]
    if error.validator == "oneOf" and len(patterns) == 1:
        error = patterns[0]
    form = _pattern_form(error.validator_value) if error.validator == "pattern" else None
    if form is not None:
        return _("{value} is not {form}").format(value=shown(error.instance), form=form)
    if current_language() == SOURCE_LANGUAGE:
        # jsonschema quotes the value whole: a database's table, imported by mistake, would fill screens.
        return str(error.message).replace(repr(error.instance), shown(error.instance), 1)
    value, rule = shown(error.instance), error.validator_value
    required = _REQUIRED.fullmatch(error.message) if error.validator == "required" else None
    unexpected = _UNEXPECTED.search(error.message) if error.validator == "additionalProperties" else None
    if required is not None:
        return _("{name} is missing").format(name=required[1])
    if unexpected is not None:
        return _("{names} is not a field of this record").format(names=unexpected[1])
    if error.validator == "const":
        return _("{value} is not {expected}").format(value=value, expected=repr(rule))
    if error.validator == "enum":
        return _("{value} is not one of {allowed}").format(value=value, allowed=", ".join(map(str, rule)))
    if error.validator == "type":
        kinds = ", ".join(
            _(JSON_TYPES.get(kind, kind)) for kind in ([rule] if isinstance(rule, str) else rule)
        )
        return _("{value} is not {kinds}").format(value=value, kinds=kinds)
    if error.validator == "minLength" and rule == 1:
        return _("must not be empty")
    if error.validator == "maxLength":
        return _("is longer than {limit} characters").format(limit=rule)
    if error.validator == "minimum":
        return _("{value} is less than {minimum}").format(value=value, minimum=rule)
    if error.validator in ("pattern", "format", "propertyNames", "oneOf"):
        return _("{value} is not in the form this field takes").format(value=value)
    return str(error.message)


def _inlined(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with each reference to one of its definitions replaced by the definition: following
    references took the validator 60% of its time on a large export."""
    definitions = schema.get("$defs", {})

    def inline(node: Any) -> Any:
        if isinstance(node, dict):
            reference = node.get("$ref")
            if isinstance(reference, str) and reference.startswith("#/$defs/"):
                return inline(definitions[reference.removeprefix("#/$defs/")])
            return {key: inline(value) for key, value in node.items()}
        if isinstance(node, list):
            return [inline(item) for item in node]
        return node

    inlined: dict[str, Any] = inline(schema)
    return inlined


# Where in the file a problem is: the path of keys and list indexes to the value found wrong.
Where = tuple[str | int, ...]
# The parts of an export that hold records, in the order the file has them: a problem found in one of its
# records leaves the others to be read, so that every problem is said at once.
RECORD_PARTS = (*_RECORDS, "settings")


def _schema_problems(data: Any) -> list[tuple[Where, str]]:
    """Every value of ``data`` the export's schema refuses, with where it is."""
    from jsonschema import Draft202012Validator  # imported here: only imports need it, and it is slow

    validator = Draft202012Validator(_inlined(export_schema()))
    problems = []
    for error in validator.iter_errors(data):
        path = tuple(error.absolute_path)
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)
        problems.append((path, f"{where.lstrip('.') or _('file')}: {schema_message(error)}"))
    return problems


def _in_a_record(where: Where) -> bool:
    """Whether a problem is inside one record (or the settings), which leaves the rest of the file readable."""
    return len(where) >= 2 and where[0] in RECORD_PARTS


def _in_file_order(problems: list[tuple[Where, str]]) -> list[str]:
    """The problems' texts by where they are in the file: the file's own fields, then each part's records
    in turn, each record's problems together."""

    def place(where: Where) -> tuple[int, int]:
        if not _in_a_record(where):
            return -1, 0
        return RECORD_PARTS.index(where[0]), where[1] if isinstance(where[1], int) else 0

    return [text for where, text in sorted(problems, key=lambda problem: place(problem[0]))]


@dataclass
class ImportPlan:
    """What importing a file would do: new records per table, and how many were already there."""

    new: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    already_present: dict[str, int] = field(default_factory=dict)
    # Of those already present, how many the file holds otherwise (edited since, or elsewhere): the stored
    # ones are kept, and the user is told so rather than left to think the file's were taken.
    differing: dict[str, int] = field(default_factory=dict)
    # The file's settings differ from this store's own, which are kept.
    settings_kept: bool = False
    settings: Settings | None = None
    # Records of a contact neither the file nor the store has (a hand edit of the database exported):
    # left out, each said, rather than the whole file refused for them.
    left_out: list[str] = field(default_factory=list)

    @property
    def added(self) -> dict[str, int]:
        return {table: len(records) for table, records in self.new.items()}


def _json_type(value: Any) -> str:
    """The JSON Schema type of a value read from JSON."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    kinds = {float: "number", str: "string", list: "array", dict: "object"}
    return kinds[type(value)]


def is_database(data: Any) -> bool:
    """Whether ``data`` is a dailyreach database file rather than an export of one."""
    meta = data.get(META_TABLE) if isinstance(data, dict) else None
    schema = meta.get("schema") if isinstance(meta, dict) else None
    return isinstance(schema, dict) and schema.get("format") == FORMAT_NAME


def _written_by(exported_at: str, now: datetime) -> datetime:
    """The moment by which an export's interactions had happened: when it was written, by the clock of
    the machine that wrote it, when that clock is ahead of this one's (``now``) by no more than
    ``CLOCK_DISAGREEMENT``; else ``now``. An export written just after a log on a machine whose clock is
    a minute ahead comes back whole."""
    try:
        written = datetime.fromisoformat(moment(exported_at, "exported_at"))
    except ValidationError:  # a file edited by hand: its records are checked, not when it says it was written
        return now
    # In this machine's zone: a record refused is said at the time shown here.
    return written.astimezone(now.tzinfo) if now < written <= now + CLOCK_DISAGREEMENT else now


def plan_import(store: Store, data: Any, source: str) -> ImportPlan:
    """Check a whole export file and work out what it adds; ImportRejected if anything is wrong."""
    version = data.get("version") if isinstance(data, dict) and data.get("format") == FORMAT_NAME else None
    # A newer export's layout is not this one's: what the schema would find missing says nothing.
    if isinstance(version, int) and not isinstance(version, bool) and version > EXPORT_VERSION:
        raise ImportRejected(
            source,
            [
                _(
                    "the file was written by a newer dailyreach (export version {version}); "
                    "this one reads up to export version {supported}. Update dailyreach."
                ).format(version=version, supported=EXPORT_VERSION)
            ],
        )
    if is_database(data):
        raise ImportRejected(
            source,
            [
                _(
                    "this is a dailyreach database, not an export: open it with dailyreach --db {path}, "
                    "or write an export of it with dailyreach --db {path} export -o FILE"
                ).format(path=source)
            ],
        )
    if isinstance(data, dict) and "format" not in data:
        # Not an export at all: said in one line, not as every field the schema finds missing (an export
        # with a wrong format has the schema say what else is wrong in it too).
        raise ImportRejected(
            source,
            [
                _(
                    'this JSON file is not a dailyreach export: it has no "format": "dailyreach", as '
                    "dailyreach export writes it; contacts come in as CSV or vCard"
                )
            ],
        )
    if not isinstance(data, dict):
        # Not an export at all: said in one line, not as the schema's "[] is not of type 'object'".
        raise ImportRejected(
            source,
            [
                _(
                    "this JSON file holds {kind}, not a dailyreach export (an object with "
                    '"format": "dailyreach", as dailyreach export writes it); contacts come in as CSV or vCard'
                ).format(kind=_(JSON_TYPES[_json_type(data)]))
            ],
        )
    problems = _schema_problems(data)
    if not all(_in_a_record(where) for where, _text in problems):
        raise ImportRejected(source, _in_file_order(problems))
    # The records the schema refused are said already: what else is wrong is found in the others.
    refused = {where[:2] for where, _text in problems}
    readable = {
        table: [
            (index, raw) for index, raw in enumerate(data.get(table, [])) if (table, index) not in refused
        ]
        for table in _RECORDS
    }
    plan = ImportPlan()
    contact_ids = store.record_ids("contacts") | {raw["id"] for _index, raw in readable["contacts"]}
    same_person = _already_there(store, [raw for _index, raw in readable["contacts"]])
    happened_by = _written_by(data["exported_at"], store.local_now())
    for table, read_record in _RECORDS.items():
        # A day's plan is rewritten as the day goes: one in the file unlike the stored one is no news. An
        # empty one (the app opened on an empty store made it) holds nothing: the file's takes its place.
        stored = {} if table == "plans" else {doc[KEY_FIELDS[table]]: doc for doc in store.documents(table)}
        existing = {plan.date for plan in store.plans() if plan.items} if table == "plans" else stored.keys()
        new: dict[str, dict[str, Any]] = {}
        present = differing = 0
        for index, raw in readable[table]:
            if table == "contacts" and raw["id"] in same_person:
                present += 1
                continue
            # The id as the file has it (the schema has checked it is there), not the store's a merge gives
            # it: a file of thousands is searched for the record by it, not counted through.
            named = raw[KEY_FIELDS[table]]
            raw = _as_merged(raw, same_person)
            record, errors = _read_whole(read_record, raw, happened_by)
            if record is None:
                problems += [
                    ((table, index), f"{table}[{index}].{error.field} ({named}): {error.problem}")
                    for error in errors
                ]
                continue
            body = record.to_dict()
            key = body[KEY_FIELDS[table]]
            if "contact_id" in raw and raw["contact_id"] not in contact_ids:  # a day's plan has none
                plan.left_out.append(
                    f"{table}[{index}].contact_id: "
                    + _("{problem}: left out").format(
                        problem=_(NO_CONTACT).format(id=repr(raw["contact_id"]))
                    )
                )
            elif store.unreadable(table, key):
                # As every such record is: an older backup must not take the place of what doctor can mend.
                plan.left_out.append(f"{table}[{index}]: " + _(UNREADABLE_HERE).format(id=repr(key)))
            elif key in existing:
                present += 1
                differing += key in stored and stored[key] != body
            elif key in new:
                problems.append(
                    (
                        (table, index),
                        f"{table}[{index}]: " + _("the id {id} appears twice").format(id=repr(key)),
                    )
                )
            else:
                new[key] = body
        plan.new[table], plan.already_present[table] = new, present
        if differing:
            plan.differing[table] = differing
    if not any(where[0] == "settings" for where in refused):  # else the schema has said what is wrong
        try:
            settings = Settings.from_dict(data["settings"])
            known_currency(settings.currency)
        except ValidationError as error:
            problems.append((("settings", error.field), f"settings.{error.field}: {error.problem}"))
        else:
            # Taken only by a store with none of its own, and only when they change something there.
            own, differ = store.has_settings(), settings != store.settings()
            plan.settings = settings if differ and not own else None
            plan.settings_kept = differ and own
    if problems:
        raise ImportRejected(source, _in_file_order(problems))
    return plan


def _read_whole(
    read_record: Callable[[Any], _Record], raw: dict[str, Any], happened_by: datetime
) -> tuple[_Record | None, list[ValidationError]]:
    """The record ``raw`` holds, or None and every problem found in it: after a problem with one of its
    fields, it is read again without that field, so that one run says what else is wrong in it too."""
    errors: list[ValidationError] = []
    while True:
        try:
            record = read_record(raw)
            # An export holds what happened, as the store logs it: nothing still to come.
            if isinstance(record, Interaction):
                not_in_future(record, happened_by, LATER_THAN_BOTH_CLOCKS)
            if isinstance(record, Invitation):
                known_currency(record.currency)
        except ValidationError as error:
            # Read without it, a field said wrong is now missing: that is no second problem.
            if any(said.field == error.field for said in errors):
                return None, errors
            errors.append(error)
            if error.field not in raw:
                return None, errors
            raw = {name: value for name, value in raw.items() if name != error.field}
        else:
            return (None if errors else record), errors


def _already_there(store: Store, contacts: list[dict[str, Any]]) -> dict[str, str]:
    """The exported contacts, by id, that a contact of the store already is, by what a contact file's
    import finds the same person by (``identities``: a handle or profile URL in any case): an export of
    a second machine's store merges into this one rather than adding everyone twice."""
    from dailyreach.core.files.contact_import import identities

    stored = store.contacts(include_archived=True)
    known = {key: contact.id for contact in stored for key in identities(contact)}
    same = {}
    for raw in contacts:
        if f"id:{raw['id']}" in known:
            continue  # the store's own contact: already present, by id
        try:
            contact = Contact.from_dict(raw)
        except ValidationError:
            continue  # said where every record is read
        match = next((known[key] for key in identities(contact) if key in known), None)
        if match is not None:
            same[contact.id] = match
    return same


def _as_merged(raw: dict[str, Any], same_person: dict[str, str]) -> dict[str, Any]:
    """``raw`` (a record the schema has checked) about the store's own contact where the export's is the
    same person; as it is otherwise."""
    if raw.get("contact_id") in same_person:
        raw = {**raw, "contact_id": same_person[raw["contact_id"]]}
    if "items" in raw:  # a day's plan
        raw = {
            **raw,
            "items": [
                {**item, "contact_id": same_person.get(item["contact_id"], item["contact_id"])}
                for item in raw["items"]
            ],
        }
    return raw


def apply_import(store: Store, plan: ImportPlan) -> None:
    """Write a planned import as one change (undoable as a whole)."""
    with store.transaction("import"):
        store.add_records("import", plan.new)
        if plan.settings is not None:
            store.save_settings(plan.settings)
