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


RELATIVE_TIME_WHILE_PENDULUM_LOADS = """
import threading
from dailyreach.core.records.dates import _relative_past
loading = threading.Thread(target=lambda: __import__("pendulum"))
loading.start()
print(_relative_past("ja", "minute", 3))
loading.join()
"""


def test_a_japanese_time_ago_while_another_thread_loads_pendulum_does_not_deadlock_the_import():
    # The app loads pendulum in a worker once its first frame is drawn, while the Japanese Pending pane
    # writes "3分前": importing pendulum's locale module alone then deadlocked with that import, in
    # nearly every run, and stopped the app.
    for _ in range(3):
        result = subprocess.run(
            [sys.executable, "-c", RELATIVE_TIME_WHILE_PENDULUM_LOADS], capture_output=True, text=True
        )
        assert (result.returncode, result.stdout.strip(), result.stderr) == (0, "3分前", "")


def test_a_submodule_of_pendulum_is_imported_after_the_package_itself():
    from pathlib import Path

    import dailyreach

    for path in Path(dailyreach.__file__).parent.rglob("*.py"):
        lines = [line.strip() for line in path.read_text("utf-8").splitlines()]
        for number, line in enumerate(lines):
            if line.startswith("from pendulum.") or line.startswith("import pendulum."):
                assert lines[number - 1].startswith("import pendulum "), f"{path}:{number + 1}"
