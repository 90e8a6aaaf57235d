"""ctrl+p "Reminders…": install, show and remove the daily notification from the app."""

from dailyreach.config import load_config
from dailyreach.tui.app import DailyReachApp
from tests.tui.conftest import SIZE, settle


def notices(app) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


async def run_command(pilot, words: str) -> None:
    await pilot.press("ctrl+p", *words)
    await pilot.pause(0.5)
    await pilot.press("enter")
    await settle(pilot)


async def test_reminders_are_installed_shown_and_removed_from_the_palette(store, tmp_path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)  # no user manager to enable the timers with
    config = tmp_path / "config.toml"
    config.write_text('[reminders]\nat = "08:15"\n')
    app = DailyReachApp(store, load_config(config))
    units = home / "config" / "systemd" / "user"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await run_command(pilot, "Reminders install")
        assert "OnCalendar=*-*-* 08:15:00" in (units / "dailyreach-notify.timer").read_text()
        assert f"--config {config}" in (units / "dailyreach-notify.service").read_text()
        await run_command(pilot, "Reminders show")
        assert "today's plan: every day at 08:15" in notices(app)[-1]
        await run_command(pilot, "Reminders remove")
        assert "removed" in notices(app)[-1]
        assert not units.exists()


async def test_install_from_the_palette_keeps_a_schedule_set_on_the_command_line(
    store, tmp_path, monkeypatch
):
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    from dailyreach import remind

    remind.install(remind.reminders("08:30", "18:00"), ["dailyreach"])
    config = tmp_path / "config.toml"
    config.write_text("")  # no [reminders]: the times installed are kept
    app = DailyReachApp(store, load_config(config))
    units = home / "config" / "systemd" / "user"
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"Reminders install")
        await pilot.pause(0.5)
        assert "Notify today's plan at 08:30, evening check at 18:00 (as installed)" in str(
            app.screen.query_one("CommandList").get_option_at_index(0).prompt
        )
        await pilot.press("enter")
        await settle(pilot)
    assert "OnCalendar=*-*-* 08:30:00" in (units / "dailyreach-notify.timer").read_text()
    assert "OnCalendar=*-*-* 18:00:00" in (units / "dailyreach-notify-evening.timer").read_text()


async def test_install_from_the_palette_in_a_demo_is_refused(tmp_path, monkeypatch):
    # It installed a timer running every morning on the demo's database, gone as the demo ended.
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    from dailyreach.core.store.store import Store
    from dailyreach.demo_folder import demo_folder

    with demo_folder() as folder:
        app = DailyReachApp(Store(folder / "demo.json"), load_config(tmp_path / "config.toml"))
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await run_command(pilot, "Reminders install")
            assert (
                notices(app)[-1]
                == "--demo is a throwaway store: reminders are installed for your own database"
            )
    assert not (home / "config" / "systemd").exists()


async def test_remove_from_the_palette_in_a_demo_keeps_the_users_own_reminders(tmp_path, monkeypatch):
    # Trying the demo removed the reminders installed for the user's own database.
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    from dailyreach import remind
    from dailyreach.core.store.store import Store
    from dailyreach.demo_folder import demo_folder

    remind.install(remind.reminders("08:30", None), ["dailyreach"])
    timer = home / "config" / "systemd" / "user" / "dailyreach-notify.timer"
    with demo_folder() as folder:
        app = DailyReachApp(Store(folder / "demo.json"), load_config(tmp_path / "config.toml"))
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await run_command(pilot, "Reminders remove")
            assert notices(app)[-1] == "--demo is a throwaway store: your own reminders are left as they are"
    assert "OnCalendar=*-*-* 08:30:00" in timer.read_text()
