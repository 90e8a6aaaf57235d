"""The vCard and CSV exports hold every field of a contact and read back to it, whatever the text; the
CSV's quote before a formula is taken back exactly; an encoding problem is placed by line and character."""

import pendulum
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from dailyreach.core.errors import ValidationError
from dailyreach.core.files.contact_export import contacts_csv, contacts_vcard
from dailyreach.core.files.contact_files import spreadsheet_text, written_text
from dailyreach.core.files.contact_import import apply_import_preview, preview_import
from dailyreach.core.files.textfile import EncodingProblem, decode_text
from dailyreach.core.records.clock import FixedClock
from dailyreach.core.records.model import Contact
from dailyreach.core.store.store import Store
from tests.core.test_exchange import unicode_text

# Text that starts the ways a spreadsheet runs as a formula, or with quotes before such a start.
formula_text = st.builds(
    lambda quotes, start, rest: "'" * quotes + start + rest,
    st.integers(0, 2),
    st.sampled_from(["=", "+", "-", "@", "\t", "\r", "", "'"]),
    unicode_text,
)


@given(st.one_of(unicode_text, formula_text))
def test_the_quote_before_a_formula_is_taken_back_exactly(text):
    quoted = spreadsheet_text(text)
    assert written_text(quoted) == text
    assert not quoted.startswith(("=", "+", "-", "@", "\t", "\r"))


def stored(store: Store) -> list[dict]:
    return sorted(
        (
            {k: v for k, v in c.to_dict().items() if k not in ("created_at", "updated_at")}
            for c in store.contacts()
        ),
        key=lambda c: c["id"],
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    people=st.lists(
        st.tuples(
            st.one_of(unicode_text, formula_text),
            st.one_of(unicode_text, formula_text),
            st.one_of(unicode_text, formula_text),
            st.none() | st.integers(0, 10**10),
            st.booleans(),
        ),
        min_size=1,
        max_size=3,
    ),
    fmt=st.sampled_from([("vcf", contacts_vcard), ("csv", contacts_csv)]),
)
def test_every_field_comes_back_from_a_vcard_or_csv_export(tmp_path_factory, people, fmt):
    clock = FixedClock(pendulum.datetime(2026, 11, 23, 9, tz="Asia/Tokyo"))
    source = Store(tmp_path_factory.mktemp("db") / "source.json", clock=clock)
    for index, (name, call_name, notes, followers, archived) in enumerate(people):
        fields = {"name": name, "call_name": call_name, "notes": notes, "why": call_name}
        try:
            contact = Contact.from_dict(
                {**fields, "followers": followers, "archived": archived, "handles": {"x": f"@p{index}"}}
            )
        except ValidationError:
            continue
        source.save_contact(contact)
    assume(source.contacts())
    suffix, export = fmt
    path = tmp_path_factory.mktemp("out") / f"export.{suffix}"
    path.write_bytes(export(source))
    target = Store(path.parent / "target.json", clock=clock)
    preview = preview_import(target, path)
    assert preview.bad == [] and preview.skipped == []
    apply_import_preview(target, preview)
    assert stored(target) == stored(source)


@pytest.mark.parametrize(
    ("raw", "encoding", "place"),
    [
        (b"name\r\nAnn\r\nRen\xe9\r\n", None, "line 3, character 4"),
        (b"name\rRen\xe9", None, "line 2, character 4"),
        ("名前\n山田 太郎\n".encode() + b"\xe9", None, "line 3, character 1"),
        (b"\xef\xbb\xbfname\nRen\xe9", None, "line 2, character 4"),
        (b"\xff\xfen\x00\n\x00a\x00\x00\xd8", None, "line 2, character 2"),
        (b"name\n\xc3\xa9t\xe9", "utf-8", "line 2, character 3"),
    ],
)
def test_an_encoding_problem_is_placed_by_line_and_character_counted_from_one(raw, encoding, place):
    with pytest.raises(EncodingProblem, match=place):
        decode_text(raw, encoding)


@pytest.mark.parametrize(
    "raw",
    [
        "名前,メモ\n山田 太郎,一二三\n".encode(),
        b"PK\x03\x04\x00\x00\x00\x00\x08\x00" * 20,  # a spreadsheet's .xlsx, its NULs on both sides
    ],
)
def test_text_without_the_nul_bytes_of_utf16_is_not_taken_for_it(raw):
    try:
        decode_text(raw)
    except EncodingProblem as problem:
        assert "UTF-16" not in str(problem)
