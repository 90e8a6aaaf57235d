"""Hours and money typed the way people write them, through the installed command."""

from tests.conftest import cli_json, run_cli


def test_a_decimal_comma_and_dotted_thousands_are_read_as_meant(tmp_path):
    db = tmp_path / "db.json"
    run_cli("invite", "Stammtisch", "--cost", "1.234,50 EUR", "--hours", "1,5", "--decline", db=db)
    assert "saved 1.5 h, 1,234.50 EUR" in run_cli("invitations", db=db).stdout
    [invitation] = cli_json("invitations", db=db)["declined"]
    assert (invitation["hours"], invitation["cost"], invitation["currency"]) == (1.5, 1234.5, "EUR")


def test_a_free_event_shows_its_cost_of_0_and_one_without_a_cost_shows_none(tmp_path):
    db = tmp_path / "db.json"
    run_cli("invite", "Free meetup", "--cost", "0 USD", "--hours", "2", "--decline", db=db)
    run_cli("invite", "Unpriced mixer", "--hours", "2", "--decline", db=db)
    rows = {line.split("  ")[0]: line for line in run_cli("invitations", db=db).stdout.splitlines()}
    assert rows["Free meetup"].split()[-1] == "USD" and "0 USD" in rows["Free meetup"]
    assert "USD" not in rows["Unpriced mixer"]


def test_hours_that_are_no_number_of_hours_are_refused_and_nothing_is_recorded(tmp_path):
    db = tmp_path / "db.json"
    for typed, problem in (
        ("2 days", "'2 days' is not a number of hours such as 2, 1.5 or 1h30"),
        ("1001", "'1001' is more than 1,000"),
    ):
        done = run_cli("invite", "Mixer", "--hours", typed, db=db, check=False)
        assert done.returncode == 1 and done.stderr.strip().endswith(problem)
    assert "Traceback" not in done.stderr
    said = cli_json("invitations", db=db)
    assert said["declined"] == said["undecided"] == []


def test_hours_may_name_their_units_and_money_its_full_width_digits(tmp_path):
    db = tmp_path / "db.json"
    run_cli("invite", "勉強会", "--cost", "１，０００円", "--hours", "1h30", "--decline", db=db)
    [invitation] = cli_json("invitations", db=db)["declined"]
    assert (invitation["hours"], invitation["cost"], invitation["currency"]) == (1.5, 1000, "JPY")


def test_a_money_amount_that_could_be_read_two_ways_is_refused(tmp_path):
    done = run_cli("invite", "Mixer", "--cost", "1.234 EUR", db=tmp_path / "db.json", check=False)
    assert done.returncode == 1 and "could be a thousand and more or a little over one" in done.stderr
