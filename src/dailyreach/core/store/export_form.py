"""Stored records in the form an export writes them: as stored, which is every record dailyreach wrote,
or as the store reads one an edit elsewhere left without fields it reads at their defaults (so that the
export's import takes it back)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields
from typing import Any

from dailyreach.core.records.model import Contact, DayPlan, Interaction, Invitation, PlanItem, Snooze
from dailyreach.core.records.readback import known_fields
from dailyreach.core.store.tables import Body


def export_form(table: str, bodies: list[Body]) -> list[Body]:
    """``bodies``, readable records of ``table``, each as it is when it has every field (not copied: an
    export holds up to 100k of them), else as the store reads it."""
    whole = _is_whole(table)
    return [body if whole(body) else _read_as(table, body).to_dict() for body in bodies]


def invitation_fields(body: dict[str, Any]) -> dict[str, Any]:
    """A stored invitation's fields as the record takes them (its "from" is its ``host``)."""
    taken = dict(body)
    taken["host"] = taken.pop("from", "")
    return taken


def _is_whole(table: str) -> Callable[[Body], bool]:
    """Whether a stored record of ``table`` has every field of its export form. A readable record has no
    field its table does not (readback.py), so one with as many has them all; plans and templates, a few
    hundred at most, are compared key by key: their models take a "from" they have no field for."""
    keys = frozenset(known_fields(table))
    if table == "plans":
        item_keys = frozenset(item_field.name for item_field in fields(PlanItem))
        return lambda body: body.keys() == keys and all(item.keys() == item_keys for item in body["items"])
    if table == "templates":
        return lambda body: body.keys() == keys
    return lambda body: len(body) == len(keys)


def _read_as(table: str, body: Body) -> Any:
    """The record the store reads ``body`` of ``table`` as."""
    if table == "invitations":
        return Invitation(**invitation_fields(body))
    if table == "plans":
        return DayPlan.from_dict(body)
    if table == "templates":
        from dailyreach.core.records.template import Template

        return Template.from_dict(body)
    record = {"contacts": Contact, "interactions": Interaction, "snoozes": Snooze}[table]
    return record(**body)
