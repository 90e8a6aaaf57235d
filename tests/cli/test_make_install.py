"""`make install` puts the command on PATH, so the README's tour works right after it."""

import os
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_make_install_links_the_command_into_the_users_bin_folder(tmp_path):
    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "PATH": f"{home}/.local/bin:/usr/bin:/bin"}
    result = subprocess.run(["make", "-s", "install"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "dailyreach is ready" in result.stdout
    version = subprocess.run(["dailyreach", "--version"], env=env, capture_output=True, text=True)
    assert version.stdout.startswith("dailyreach, version ")
