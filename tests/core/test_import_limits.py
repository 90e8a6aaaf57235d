"""Imports cap what they read: a value longer than 64 KB is refused with its line, a file over 64 MB
before it is read, and neither costs more memory than the file itself a few times over (issue 11,
point 7). Memory is measured (tracemalloc here, the process's peak size for the command); time never is."""

import os
import subprocess
import sys
import tracemalloc

import pytest

from dailyreach.core.errors import ImportRejected
from dailyreach.core.files.contact_import import preview_import
from dailyreach.core.files.textfile import FIELD_LIMIT, FILE_LIMIT
from dailyreach.core.files.vcard_reader import PICTURE_NOTICE
from tests.conftest import DAILYREACH

MB = 1024 * 1024


def folded(name: str, size: int) -> list[str]:
    """A content line of about ``size`` characters, folded at 75 as vCards are."""
    return [f"{name}:" + "x" * 70, *[" " + "y" * 72] * (size // 73)]


def write_vcard(path, *cards: list[str]) -> int:
    lines = [line for card in cards for line in ["BEGIN:VCARD", "VERSION:3.0", *card, "END:VCARD"]]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path.stat().st_size


def huge_note_vcard(path) -> int:
    """15 MB: one card whose NOTE (line 4) is folded over 215,000 lines, then an ordinary card."""
    return write_vcard(
        path,
        ["FN:Huge Note", *folded("NOTE", 15 * MB)],
        ["FN:Small Ann", "EMAIL:ann@example.com"],
    )


def peak_bytes(read, *args, **kwargs):
    tracemalloc.start()
    try:
        result = read(*args, **kwargs)
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_15_mb_vcard_of_one_folded_note_is_refused_at_its_line_in_bounded_memory(store, tmp_path):
    path = tmp_path / "huge.vcf"
    size = huge_note_vcard(path)
    preview, peak = peak_bytes(preview_import, store, path)
    assert preview.bad == [(1, "Huge Note", "line 4: its NOTE is longer than 64 KB")]
    assert [contact.name for _, contact in preview.added] == ["Small Ann"]
    # The file's bytes and their text (about twice its size) and little more; before the limit, the
    # note was unfolded by copying it ever longer: 2 GB and minutes.
    assert peak < 3 * size


def test_the_command_refuses_that_card_by_its_line_and_stays_small(tmp_path):
    path = tmp_path / "huge.vcf"
    huge_note_vcard(path)
    # A process of its own measures the command's peak size, whatever other commands this one ran.
    measure = (
        "import resource, subprocess, sys; "
        "done = subprocess.run(sys.argv[1:], capture_output=True, text=True, timeout=120); "
        "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); "
        "print(done.stdout + done.stderr)"
    )
    result = subprocess.run(
        [sys.executable, "-c", measure, DAILYREACH, "import", str(path), "--dry-run"],
        capture_output=True,
        text=True,
        env={**os.environ, "DAILYREACH_DB": str(tmp_path / "db.json")},
        timeout=150,
    )
    status, output = result.stdout.split("\n", 1)
    code, peak_kb = map(int, status.split())
    assert code == 0 and "Traceback" not in output
    assert "  line 1     Huge Note: line 4: its NOTE is longer than 64 KB" in output
    assert "would add 1 contact" in output
    assert peak_kb * 1024 < 150 * MB  # the interpreter and its modules are about 50 MB of it


def test_a_picture_longer_than_the_limit_is_left_out_and_its_card_imported(store, tmp_path):
    path = tmp_path / "photo.vcf"
    write_vcard(
        path,
        ["FN:Pat Photo", *folded("PHOTO;ENCODING=b;TYPE=JPEG", 4 * FIELD_LIMIT), "NOTE:kept"],
    )
    preview = preview_import(store, path)
    assert preview.bad == []
    assert [(contact.name, contact.notes) for _, contact in preview.added] == [("Pat Photo", "kept")]
    assert PICTURE_NOTICE in preview.notices


def test_a_value_just_under_the_limit_is_read(store, tmp_path):
    path = tmp_path / "long.vcf"
    write_vcard(path, ["FN:Lou Long", *folded("X-LONG", FIELD_LIMIT - 200)])
    preview = preview_import(store, path)
    assert not [problem for *_, problem in preview.bad if "64 KB" in problem]


def test_a_csv_field_longer_than_the_limit_is_refused_with_its_line(store, tmp_path):
    path = tmp_path / "contacts.csv"
    body = "x" * (2 * FIELD_LIMIT)
    path.write_text(
        f'Name,E-mail,Notes\nAnn,ann@example.com,hi\nBob,bob@example.com,"{body}\n', encoding="utf-8"
    )
    with pytest.raises(ImportRejected) as refused:
        preview_import(store, path)
    assert "line 3: a field is longer than 64 KB" in str(refused.value)


@pytest.mark.parametrize("name", ["big.json", "big.vcf", "big.csv"])
def test_a_file_over_the_size_limit_is_refused_before_it_is_read(store, tmp_path, name):
    path = tmp_path / name
    with path.open("wb") as handle:
        handle.truncate(FILE_LIMIT + 1)  # sparse: no disk, but the size says 64 MB and a byte
    tracemalloc.start()
    try:
        with pytest.raises(ImportRejected) as refused:
            preview_import(store, path)
        assert tracemalloc.get_traced_memory()[1] < MB
    finally:
        tracemalloc.stop()
    assert "is larger than 64 MB, the most dailyreach imports" in str(refused.value)
