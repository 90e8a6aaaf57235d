"""``dailyreach serve`` without a browser: who may connect, a port in use, Ctrl+C (tests/e2e has the
browser)."""

import asyncio
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import aiohttp
import pytest

from dailyreach.tui.serve import app_command, browser_host, is_loopback
from tests.conftest import run_cli
from tests.served import Served, app_processes, free_port, running, wait_until


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[Callable[..., Served]]:
    started: list[Served] = []

    def start(*args: str, port: int | None = None) -> Served:
        started.append(Served(tmp_path, *args, port=port))
        return started[-1]

    yield start
    for server in started:
        server.kill()


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "localhost", "LOCALHOST", "::1", "[::1]"])
def test_loopback_hosts_are_private(host):
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10", "example.com", "localhost.evil.com", ""])
def test_other_hosts_are_not(host):
    assert not is_loopback(host)


@pytest.mark.parametrize("named", [["--db", "{db}"], []])
def test_a_database_in_a_folder_that_is_not_there_is_said_before_serving(tmp_path, named):
    mistyped = tmp_path / "Dropbx" / "db.json"
    args = [arg.format(db=mistyped) for arg in named]
    # Given to serve itself, or as dailyreach's own --db (here DAILYREACH_DB).
    result = run_cli("serve", "--port", str(free_port()), *args, db=mistyped, check=False)
    assert result.returncode == 1
    assert result.stderr == (
        f"Error: no folder {mistyped.parent} for the database {mistyped}: check the path, or make the "
        "folder first\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_database_that_cannot_be_read_is_said_before_serving_and_left_as_it_was(tmp_path):
    """Each tab showed only its splash screen, the reason on the server's terminal."""
    broken = tmp_path / "db.json"
    broken.write_text("{broken")
    port = free_port()
    result = run_cli("serve", "--port", str(port), db=broken, check=False)
    assert result.returncode == 1
    assert result.stderr.startswith(f"Error: {broken} is not valid JSON (line 1, column 2")
    assert "served" not in result.stdout
    assert broken.read_text() == "{broken"


@pytest.mark.parametrize(
    ("host", "named"),
    [("0.0.0.0", "0.0.0.0"), ("192.168.1.10", "192.168.1.10"), ("example.com", "example.com"), ("", "''")],
)
def test_a_host_other_than_loopback_is_refused_without_the_flag(host, named, tmp_path):
    result = run_cli(
        "serve", "--host", host, "--port", str(free_port()), db=tmp_path / "db.json", check=False
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"Error: {named} is not a loopback address: anyone who can reach it could read and change your "
        "contacts. Use --public-i-understand to serve there anyway.\n"
    )


def test_with_the_flag_it_serves_and_warns_who_can_read_and_change_the_contacts(serve):
    server = serve("--host", "0.0.0.0", "--public-i-understand")
    assert (
        server.first_line
        == f"dailyreach is served at http://127.0.0.1:{server.port}: open it in a browser. Ctrl+C stops it.\n"
    )
    assert get(server.url)[0] == 200  # the address said is one a browser here can open
    code, _, err = server.interrupt()
    assert code == 0
    assert err == (
        f"warning: dailyreach is reachable at 0.0.0.0:{server.port} by anyone who can reach that address; "
        "they can read and change all your contacts. There is no password.\n"
    )


@pytest.mark.parametrize(
    ("host", "opened"),
    [("0.0.0.0", "127.0.0.1"), ("::", "::1"), ("[::]", "::1"), ("192.168.1.10", "192.168.1.10")]
    + [("example.com", "example.com"), ("127.0.0.1", "127.0.0.1")],
)
def test_the_address_to_open_is_loopback_when_served_on_every_address(host, opened):
    assert browser_host(host) == opened


def test_the_demo_flag_is_passed_to_each_session_only_when_given(tmp_path):
    assert app_command(tmp_path / "db.json", tmp_path / "config.toml", demo=True).endswith(" --demo")
    assert "--demo" not in app_command(tmp_path / "db.json", tmp_path / "config.toml")


async def test_dailyreach_demo_serve_opens_the_demo_in_each_session(tmp_path):
    server = Served(tmp_path, before=("--demo",))
    try:
        client, _ = await open_session(server.url)
        [app] = app_processes(server.process.pid)
        assert Path(f"/proc/{app}/cmdline").read_text().split("\0")[-2] == "--demo"
        await client.close()
    finally:
        server.kill()
    assert not server.db.exists()  # the demo's store is a throwaway one of each session's own


def test_a_port_in_use_is_one_clear_line(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli("serve", "--port", str(port), db=tmp_path / "db.json", check=False)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == f"Error: port {port} on 127.0.0.1 is already in use: choose another with --port\n"


def test_an_address_not_on_this_machine_is_one_clear_line_and_no_warning(tmp_path):
    result = run_cli(
        "serve", "--host", "192.0.2.1", "--public-i-understand", db=tmp_path / "db.json", check=False
    )  # 192.0.2.0/24 is for documentation: never a machine's own
    assert result.returncode == 1
    assert result.stderr == "Error: cannot listen on 192.0.2.1:8000: Cannot assign requested address\n"


def test_a_bad_port_is_refused_by_the_command_line(tmp_path):
    result = run_cli("serve", "--port", "70000", db=tmp_path / "db.json", check=False)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def get(url: str, **headers: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read().decode()


def test_the_page_is_titled_dailyreach_and_calls_no_third_party(serve):
    server = serve()
    status, page = get(server.url)
    assert status == 200
    assert "<title>dailyreach</title>" in page
    assert "googleapis" not in page
    assert f"ws://127.0.0.1:{server.port}/ws" in page


def test_only_the_servers_own_page_may_open_a_session(serve):
    server = serve()
    # Another site's page in the user's browser, and a site renamed to 127.0.0.1 (DNS rebinding).
    assert get(f"{server.url}/ws", Origin="https://evil.example")[0] == 403
    assert get(server.url, Host=f"evil.example:{server.port}")[0] == 403
    assert (
        get(
            f"{server.url}/ws",
            Host=f"evil.example:{server.port}",
            Origin=f"http://evil.example:{server.port}",
        )[0]
        == 403
    )
    assert get(server.url, Host=f"localhost:{server.port}")[0] == 200


def test_a_plain_request_to_the_session_socket_is_answered_400_without_a_traceback(serve):
    # textual-serve printed two tracebacks for it (aiohttp's HTTPBadRequest, raised as it prepared).
    server = serve()
    assert get(f"{server.url}/ws")[0] == 400
    assert get(server.url)[0] == 200
    code, _out, err = server.interrupt()
    assert code == 0 and "Traceback" not in err, err


async def open_session(url: str) -> tuple[aiohttp.ClientSession, aiohttp.ClientWebSocketResponse]:
    """A browser session's socket, read until the app has drawn its first screen."""
    client = aiohttp.ClientSession()
    socket_ = await client.ws_connect(f"{url}/ws?width=100&height=30", origin=url)
    drawn = 0
    while drawn < 4000:  # the first frame's bytes
        message = await asyncio.wait_for(socket_.receive(), 30)
        assert message.type == aiohttp.WSMsgType.BINARY, message
        drawn += len(message.data)
    return client, socket_


@pytest.mark.parametrize("group", [False, True], ids=["server alone", "process group"])
async def test_ctrl_c_stops_the_server_and_every_app_process(serve, group):
    server = serve()
    sessions = [await open_session(server.url) for _ in range(2)]
    apps = app_processes(server.process.pid)
    assert len(apps) == 2

    async def keep_reading(socket_):  # as a browser does, so the socket closes when the server asks
        while not socket_.closed:
            await socket_.receive()

    readers = [asyncio.create_task(keep_reading(socket_)) for _, socket_ in sessions]
    started = time.monotonic()
    code, out, err = await asyncio.to_thread(server.interrupt, group=group, timeout=15)
    assert time.monotonic() - started < 4  # at once, not after aiohttp's shutdown timeout (5 s)
    assert code == 0
    assert "Traceback" not in out + err
    await asyncio.to_thread(wait_until, lambda: not any(map(running, apps)), 5, "the app processes to end")
    for reader in readers:
        await asyncio.wait_for(reader, 5)
    for client, _ in sessions:
        await client.close()


async def test_each_session_runs_the_app_on_the_given_store_and_config(tmp_path):
    folder = tmp_path / "it's my data"  # a space and a quote, for the shell that starts the app
    folder.mkdir()
    server = Served(folder)
    try:
        client, _ = await open_session(server.url)
        [app] = app_processes(server.process.pid)
        arguments = Path(f"/proc/{app}/cmdline").read_text().split("\0")[1:-1]
        assert arguments == [
            "-m",
            "dailyreach",
            "--db",
            str(server.db),
            "--config",
            str(folder / "config.toml"),
        ]
        await client.close()
    finally:
        server.kill()
