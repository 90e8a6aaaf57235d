"""Where the app's stylesheet is: inside the installed package, or in the checkout's styles/."""

from __future__ import annotations

from pathlib import Path, PurePath

STYLESHEET = "dailyreach.tcss"


def stylesheet_path(name: str = STYLESHEET) -> Path:
    package = Path(__file__).resolve().parents[1]
    installed = package / "styles" / name
    if installed.exists():
        return installed
    return package.parents[1] / "styles" / name


# The forms' stylesheet is read when a screen with a form first opens, not as the app starts (where it
# was a tenth of the stylesheets parsed before the first frame). The draft and template screens read
# it just before their own, as the app used to, so that where their rules tie the order stays the same.
FORMS_CSS: list[str | PurePath] = [stylesheet_path("forms.tcss")]
DRAFTS_CSS: list[str | PurePath] = [*FORMS_CSS, stylesheet_path("drafts.tcss")]
