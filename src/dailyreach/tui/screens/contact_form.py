"""The contact form (new target, and editing a contact), and turning its answers into a contact's fields.

A new target asks first for what a target needs: a name, one handle (its platform recognised from what
is typed) and why; editing shows a line per platform.
"""

from __future__ import annotations

from textual import on
from textual.validation import ValidationResult, Validator
from textual.widgets import Input, Select

from dailyreach.core.errors import field_label
from dailyreach.core.records.handles import PLATFORMS, HandleError, handle_from_url, matching_handles
from dailyreach.core.records.model import Contact
from dailyreach.i18n import N_, _
from dailyreach.tui.checks import Check
from dailyreach.tui.screens.fields_form import YES, Choice, Field, FieldsForm

PRIORITIES = ((N_("1 · high"), "1"), (N_("2 · normal"), "2"), (N_("3 · low"), "3"))


def likely_platform(text: str, current: str) -> str:
    """The platform a typed handle is on: ``current`` while it takes the handle, else the site of a profile
    URL, else the likeliest platform whose handles look like it."""
    text = text.strip()
    found = matching_handles(text)
    if not text or current in found:
        return current
    if "/" in text:
        try:
            return handle_from_url(text)[0]
        except HandleError:
            return current
    # name@example.com is an address, @name@example.social a Mastodon handle.
    addresses = ("mastodon", "email") if text.startswith("@") else ("email", "mastodon")
    likeliest = (*addresses, "x", "bluesky", "linkedin", "github", "instagram", "threads", "web")
    return next((platform for platform in likeliest if platform in found), current)


def _contact_check(field_id: str) -> Check:
    """The contact's own check of one field, as the command line's ``add`` makes it."""
    return Check(lambda value: Contact.from_dict({"name": "-", field_id: value}))


def _handle_check(platform: str) -> Check:
    return Check(lambda value: Contact.from_dict({"name": "-", "handles": {platform: value}}))


class HandleOn(Validator):
    """A handle checked on the platform chosen beside it (which changes as the user types)."""

    platform = "x"

    def validate(self, value: str) -> ValidationResult:
        return _handle_check(self.platform).validate(value)


def contact_form(
    values: dict | None = None, title: str | None = None, *, editing: bool = False, focus: str | None = None
) -> FieldsForm:
    """A new target's form, or (``editing``, or a contact with several handles) a line per platform, so
    that a first handle can be added on any of them. Editing adds followers and archived. ``focus``: the
    field to start on (a platform's is the handle's, in a form with one handle line)."""
    values = values or {}
    title = title or _("New target")
    handles = values.get("handles", {})
    cadence = values.get("cadence_days")
    name = Field(
        "name",
        value=values.get("name", ""),
        placeholder="" if editing else _("a name, or a name and its handle: Ann Smith @ann"),
        validators=[Check(lambda value: Contact.from_dict({"name": value}), optional=False)],
    )
    rest = [
        Field(
            "why",
            value=values.get("why", ""),
            placeholder=_("what they did, what to learn from them"),
            multiline=True,
        ),
        Field("tags", value=", ".join(values.get("tags", [])), placeholder=_("comma, separated")),
        Field(
            "priority",
            value=str(values.get("priority", 2)),
            choices=tuple((_(shown), value) for shown, value in PRIORITIES),
        ),
        Field(
            "cadence_days",
            _("Keep in touch"),
            str(cadence) if cadence else "",
            _("every N days (empty: no)"),
            validators=[_contact_check("cadence_days")],
        ),
        Field("notes", value=values.get("notes", ""), multiline=True),
    ]
    if editing or len(handles) > 1:
        lines = [
            Field(p, field_label(p), handles.get(p, ""), validators=[_handle_check(p)]) for p in PLATFORMS
        ]
        return FieldsForm(
            title, [name, *lines, *rest, *(_editing_fields(values) if editing else [])], focus=focus
        )
    [(platform, handle)] = handles.items() if handles else [("x", "")]
    check = HandleOn()
    check.platform = platform
    one_handle = Field(
        "handle",
        _("Handle"),
        handle,
        _("@name, name.bsky.social, a URL"),
        validators=[check],
        beside=Field("platform", _("On"), platform, choices=tuple((field_label(p), p) for p in PLATFORMS)),
    )
    return NewTargetForm(title, [name, one_handle, *rest], focus="handle" if focus in PLATFORMS else focus)


def _editing_fields(values: dict) -> list[Field]:
    from dailyreach.core.planning.drafts import default_call_name

    followers = values.get("followers")
    # Empty, drafts address them by the name's default, shown as the placeholder.
    called = default_call_name(values["name"]) if values.get("name") else ""
    return [
        Field(
            "call_name",
            value=values.get("call_name", ""),
            placeholder=_("{name} (in drafts)").format(name=called),
        ),
        Field(
            "followers",
            value="" if followers is None else str(followers),
            validators=[_contact_check("followers")],
        ),
        Field("archived", value=YES if values.get("archived") else "no", switch=True),
    ]


class NewTargetForm(FieldsForm):
    """Follows the handle typed with the platform it is on, until the user picks the platform. Several
    targets are added in a row with ctrl+n."""

    platform_picked = False

    def __init__(self, title: str, fields: list[Field], *, focus: str | None = None) -> None:
        super().__init__(title, fields, again="new_target", focus=focus)
        self.shown_platform = self.initial["platform"]

    @on(Input.Changed, "#handle")
    def follow_handle(self, event: Input.Changed) -> None:
        self._follow(event.value)

    def _follow(self, handle: str) -> None:
        if self.platform_picked:
            return
        # Guessed afresh from the whole handle each time: a guess from its first letters is no guide.
        self.shown_platform = likely_platform(handle, self.initial["platform"])
        with self.prevent(Select.Changed):  # so that a change heard is the user's
            self.query_one("#platform", Choice).value = self.shown_platform
        self.check_handle_on(self.shown_platform)

    def save(self) -> bool:
        # Enter that came with the handle's last letters (a paste) is taken before their Changed reaches
        # the form: the handle is checked on the platform it is on, not the one shown before it.
        self._follow(self.query_one("#handle", Input).value)
        return super().save()

    @on(Input.Blurred, "#name")
    def handle_out_of_name(self, event: Input.Blurred) -> None:
        """A handle typed after the name moves to the handle's field as the name is left, so that the
        form shows what it will save and the empty handle field does not ask for it again."""
        handle = self.query_one("#handle", Input)
        both = name_and_handle(event.value) if not handle.value.strip() else None
        if both is not None:
            event.input.value, handle.value = both

    @on(Select.Changed, "#platform")
    def platform_changed(self, event: Select.Changed) -> None:
        # The list says once what it starts with; any other change is the user's pick.
        if event.value != self.shown_platform:
            self.platform_picked = True
            self.check_handle_on(str(event.value))

    def check_handle_on(self, platform: str) -> None:
        handle = self.query_one("#handle", Input)
        for validator in handle.validators:
            if isinstance(validator, HandleOn):
                validator.platform = platform
        handle.validate(handle.value)
        self.show_problems(self.query(".touched").results(Input))


def name_and_handle(text: str) -> tuple[str, str] | None:
    """``Ann Smith @ann`` as the name and the handle, when its last word can only be a handle: it has an
    @ (a handle, an address), is a profile's address, with or without https:// (linkedin.com/in/ann), or
    a handle on Bluesky's own domain (ann.bsky.social). A name alone, or one word, is None; so is a word
    with :// inside it but not at its start (Mallory[link=http://x]), which is no address."""
    name, _, last = text.strip().rpartition(" ")
    bluesky = last.lower().endswith(".bsky.social")
    address = last.lower().startswith(("https://", "http://"))
    if name.strip() and ("@" in last or address or bluesky or _profile_address(last)):
        return name.strip(), last
    return None


def _profile_address(word: str) -> bool:
    site, slash, _ = word.partition("/")
    if not slash or "." not in site:
        return False
    try:
        handle_from_url(word)
    except HandleError:
        return False
    return True


def contact_fields(answers: dict[str, str]) -> dict:
    """The form's answers as fields for Contact.from_dict, which checks them. A new target's name may end
    in its handle (``Ann Smith @ann``) when the handle field is left empty."""
    handles = {p: answers[p] for p in PLATFORMS if answers.get(p, "").strip()}
    name = answers["name"]
    typed = answers.get("handle", "").strip()
    both = name_and_handle(name) if "handle" in answers and not typed else None
    if both is not None:
        name, typed = both
        answers = {**answers, "platform": likely_platform(typed, answers["platform"])}
    if typed:
        handles[answers["platform"]] = typed
    return {
        "name": name,
        "handles": handles,
        "why": answers["why"],
        "notes": answers["notes"],
        "tags": [tag.strip() for tag in answers["tags"].split(",") if tag.strip()],
        "priority": answers["priority"],
        "cadence_days": answers["cadence_days"].strip() or None,
        **(
            {
                "followers": answers["followers"].strip() or None,
                "archived": answers["archived"] == YES,
                "call_name": answers["call_name"],
            }
            if "archived" in answers
            else {}
        ),
    }
