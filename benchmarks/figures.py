"""What both benches share: where dailyreach and the data are, and the table of figures against peers."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

DATA = Path(__file__).parent / "data"
PYTHON = sys.executable
DAILYREACH = shutil.which("dailyreach", path=str(Path(PYTHON).parent)) or "dailyreach"
# Programs run as from an installed copy, whose bytecode is compiled: an environment that forbids
# writing it would have every run compile the checkout's modules again.
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}

HEADER = f"{'what':<40}  {'dailyreach ms':>13}  {'peer':<40}  {'peer ms':>7}  {'ratio':>8}  {'target':>9}"


def row(
    what: str, ms: float, peer: str, peer_ms: float | None, at_most: float, *, added: bool = False
) -> str:
    """One figure beside its peer: their ratio against at_most×, or with added, the ms over at_most ms."""
    if peer_ms is None:
        ratio, shown_peer = "—", "—"
    else:
        ratio = f"+{ms - peer_ms:.0f} ms" if added else f"{ms / peer_ms:.2f}×"
        shown_peer = f"{peer_ms:.0f}"
    target = f"≤ +{at_most:.0f} ms" if added else f"≤ {at_most}×"
    return f"{what:<40}  {ms:>13.0f}  {peer:<40}  {shown_peer:>7}  {ratio:>8}  {target:>9}"
