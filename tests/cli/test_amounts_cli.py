"""Hours and money typed the way people write them, through the installed command."""

from tests.conftest import cli_json, run_cli


def test_a_decimal_comma_and_dotted_thousands_are_read_as_meant(tmp_path):
    db = tmp_path / "db.json"
    run_cli("invite", "Stammtisch", "--cost", "1.234,50 EUR", "--hours", "1,5", "--decline", db=db)
    assert "saved 1.5 h, 1,234.5 EUR" in run_cli("invitations", db=db).stdout
    [invitation] = cli_json("invitations", db=db)["declined"]
    assert (invitation["hours"], invitation["cost"], invitation["currency"]) == (1.5, 1234.5, "EUR")


def test_hours_that_are_no_number_of_hours_are_refused_and_nothing_is_recorded(tmp_path):
    db = tmp_path / "db.json"
    for typed, problem in (
        ("2h", "'2h' is not a number such as 2 or 1.5"),
        ("1e9", "'1e9' is more than 1,000"),
    ):
        done = run_cli("invite", "Mixer", "--hours", typed, db=db, check=False)
        assert done.returncode == 1 and done.stderr.strip().endswith(problem)
    assert "Traceback" not in done.stderr
    said = cli_json("invitations", db=db)
    assert said["declined"] == said["undecided"] == []
