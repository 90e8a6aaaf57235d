"""A currency is an ISO 4217 code: three letters that name no currency (YEN, ABC) would split the
savings totals into amounts no one can add up."""

import pytest

from tests.conftest import run_cli


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("yen", "Currency: YEN is not a currency code: use JPY"),
        ("ABC", "Currency: ABC is not a currency code (ISO 4217) such as USD or JPY"),
    ],
)
def test_settings_refuse_a_currency_iso_4217_does_not_have(tmp_path, typed, said):
    db = tmp_path / "db.json"
    run_cli("settings", "--currency", "JPY", db=db)
    refused = run_cli("settings", "--currency", typed, db=db, check=False)
    assert refused.returncode == 1
    assert said in refused.stderr
    assert "JPY" in run_cli("settings", db=db).stdout


def test_an_invitation_priced_in_a_nickname_is_refused_and_one_in_a_code_is_saved(tmp_path):
    db = tmp_path / "db.json"
    refused = run_cli("invite", "Mixer", "--cost", "5000 YEN", "--decline", db=db, check=False)
    assert "YEN is not a currency code: use JPY" in refused.stderr
    run_cli("invite", "Seminar", "--cost", "30 EUR", "--decline", db=db)
    assert "30 EUR" in run_cli("invitations", db=db).stdout
