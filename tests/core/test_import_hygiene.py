"""The core and the command line's subcommands never load textual (harlequin's pattern)."""

import subprocess
import sys

import pytest

CORE_MODULES = [
    "dailyreach.core.planning.agenda",
    "dailyreach.core.records.clock",
    "dailyreach.core.records.dates",
    "dailyreach.core.records.zones",
    "dailyreach.core.errors",
    "dailyreach.core.files.exchange",
    "dailyreach.core.records.handles",
    "dailyreach.core.planning.lookup",
    "dailyreach.core.records.model",
    "dailyreach.core.planning.planner",
    "dailyreach.core.store.store",
    "dailyreach.report",
    "dailyreach.wording",
    "dailyreach.cli",
    "dailyreach.cli.commands",
]


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_import_textual(module):
    code = f"import sys, {module}; print([m for m in sys.modules if m.split('.')[0] == 'textual'])"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_subcommands_run_without_importing_textual(tmp_path):
    code = (
        "import sys, atexit\n"
        "atexit.register(lambda: print('TEXTUAL' if 'textual' in sys.modules else 'CLEAN', file=sys.stderr))\n"
        "from dailyreach.cli import main\n"
        "main(['--db', sys.argv[1], 'add', 'Ann', '--x', '@ann'])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "db.json")], capture_output=True, text=True
    )
    assert result.stderr.strip().endswith("CLEAN"), result.stderr
