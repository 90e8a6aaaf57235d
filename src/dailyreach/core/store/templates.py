"""The message templates, kept in the store's "templates" table so they travel with the JSON export.

Like ``doctor.py``, this module writes through the store's journal (``transaction`` and
``journal.put``): an edit or a deletion is one change that ``undo`` reverses.
"""

from __future__ import annotations

import unicodedata

from dailyreach.core.errors import StoreError, ValidationError
from dailyreach.core.records.template import Template
from dailyreach.core.store.storage import StoreReadOnly, read_only_reason
from dailyreach.core.store.store import META_TABLE, Store
from dailyreach.i18n import _

TABLE = "templates"
# Set once the default templates were added, so that deleting them all does not bring them back.
SEEDED_KEY = "default_templates"
# The names an unknown template's error lists: enough to spot a typo, not a screenful.
NAMES_LISTED = 12


def templates(store: Store, first_language: str | None = None) -> list[Template]:
    """Every readable template, by language (those for any language, then ``first_language``'s: in
    Japanese the English ones filled 80×24 and hid the Japanese), purpose order and name; one edited
    into something unreadable by hand is skipped, as the store skips its other records."""
    from dailyreach.core.planning.default_templates import as_in_use
    from dailyreach.core.records.template import PURPOSES

    bodies = store.documents(TABLE)
    if SEEDED_KEY not in store.record_ids(META_TABLE) and read_only_reason(store.path) is not None:
        # Not added, as a store that cannot be saved refuses them: read as they would be once added.
        from dailyreach.core.planning.default_templates import default_templates

        stored = {body.get("id") for body in bodies}
        bodies = [
            *bodies,
            *(template.to_dict() for template in default_templates() if template.id not in stored),
        ]
    found = []
    for body in bodies:
        try:
            found.append(as_in_use(Template.from_dict(body)))
        except ValidationError:
            continue
    return sorted(
        found,
        key=lambda t: (
            t.language != "",  # those for any language first, as before
            t.language != first_language,
            t.language,
            PURPOSES.index(t.purpose),
            t.channel or "",
            t.name,
        ),
    )


def _name_key(name: str) -> str:
    """A template's name as names are told apart: in any case, full-width letters as ASCII (ＣＯＦＦＥＥ is
    Coffee)."""
    return unicodedata.normalize("NFKC", name.strip()).casefold()


def template_named(store: Store, name: str) -> Template:
    """The template called ``name`` (any case or width) or with that id; StoreError naming the choices if
    none."""
    from dailyreach.core.planning.default_templates import names_of

    wanted = _name_key(name)
    everything = templates(store)
    for template in everything:
        if template.id == name.strip() or wanted in {_name_key(named) for named in names_of(template)}:
            return template
    names = ", ".join(repr(template.name) for template in everything[:NAMES_LISTED]) or _("none yet")
    if len(everything) > NAMES_LISTED:
        names = _("{names} and {count} more (dailyreach template list shows them all)").format(
            names=names, count=len(everything) - NAMES_LISTED
        )
    raise StoreError(
        _("no template called {name}; there are: {names}").format(name=repr(name.strip()), names=names)
    )


def save_template(store: Store, template: Template, label: str | None = None) -> Template:
    """Add or replace a template, as one undoable change; ValidationError when another has its name."""
    from dailyreach.core.planning.default_templates import names_of

    with store.transaction(label or _("template {name}").format(name=template.name)):
        # A default's name in another language is taken too: a name finds one template in any language.
        twin = next(
            (
                other
                for other in templates(store)
                if other.id != template.id
                and _name_key(template.name) in {_name_key(named) for named in names_of(other)}
            ),
            None,
        )
        if twin is not None:
            raise ValidationError(
                "name", _("another template is already called {name}").format(name=repr(twin.name))
            )
        store.journal.put(TABLE, template.id, template.to_dict())
    return template


def delete_template(store: Store, template: Template) -> None:
    with store.transaction(_("deletion of template {name}").format(name=template.name)):
        store.journal.put(TABLE, template.id, None)


def ensure_default_templates(store: Store) -> bool:
    """Add the default templates the first time templates are used; whether they were added now.

    Their ids are fixed, so importing another store's export never doubles them."""
    if SEEDED_KEY in store.record_ids(META_TABLE):
        return False
    from dailyreach.core.planning.default_templates import default_templates

    try:
        with store.transaction(_("default templates"), undoable=False):
            # Read again under the lock: another process may have just added them.
            if SEEDED_KEY in store.record_ids(META_TABLE):
                return False
            present = store.record_ids(TABLE)
            for template in default_templates():
                if template.id not in present:
                    store.journal.put(TABLE, template.id, template.to_dict())
            store.journal.put(META_TABLE, SEEDED_KEY, {"added_at": store.local_now().isoformat()})
    except StoreReadOnly:
        return False  # read all the same (``templates``); a change to one says why it cannot be saved
    return True
