"""``dailyreach serve``: the same app in a browser tab, through textual-serve.

Every browser session runs its own ``python -m dailyreach`` process on the same store and config, so
sessions share the store's file lock exactly as two terminals do and no write is lost between them.
Only the ``serve`` command imports this module: textual-serve and aiohttp stay off every other path.
"""

from __future__ import annotations

import asyncio
import errno
import ipaddress
import logging
import os
import re
import shlex
import signal
import socket
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.server import Server

from dailyreach.i18n import N_, SOURCE_LANGUAGE, _, current_language

TITLE = "dailyreach"

# Said in the interface's language (``_`` where they are said).
SERVING = N_("dailyreach is served at {url}: open it in a browser. Ctrl+C stops it.")
PUBLIC_WARNING = N_(
    "warning: dailyreach is reachable at {address} by anyone who can reach that address; "
    "they can read and change all your contacts. There is no password."
)
NOT_LOOPBACK = N_(
    "{host} is not a loopback address: anyone who can reach it could read and change your contacts. "
    "Use --public-i-understand to serve there anyway."
)
PORT_IN_USE = N_("port {port} on {host} is already in use: choose another with --port")
CANNOT_LISTEN = N_("cannot listen on {host}:{port}: {reason}")
FOREIGN_PAGE = N_("dailyreach only answers its own page")
# Why an address cannot be listened on, for the reasons a user meets, in the words the C library says
# them in English (its own translations follow the locale, not our language); others as it says them.
SYSTEM_REASONS = {
    errno.EADDRNOTAVAIL: N_("Cannot assign requested address"),
    errno.EACCES: N_("Permission denied"),
}
NAME_REASONS = {
    socket.EAI_NONAME: N_("Name or service not known"),
    socket.EAI_AGAIN: N_("Temporary failure in name resolution"),
}


class ServeError(Exception):
    """A reason the server cannot start, in one line for the user."""


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_host(host: str, *, public: bool) -> None:
    if not public and not is_loopback(host):
        # An empty host said nothing: " is not a loopback address".
        raise ServeError(_(NOT_LOOPBACK).format(host=host if host.strip() else repr(host)))


def address(host: str, port: int) -> str:
    """``host:port`` as a URL writes it (an IPv6 address in brackets)."""
    bare = host.strip("[]")
    return f"[{bare}]:{port}" if ":" in bare else f"{bare}:{port}"


def browser_host(host: str) -> str:
    """The host to open in a browser on this machine: the one served on, but loopback for 0.0.0.0 and
    ``::``, which are every address of the machine and no address a browser can open."""
    try:
        served = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return host
    if not served.is_unspecified:
        return host
    return "127.0.0.1" if served.version == 4 else "::1"


def app_command(db: Path, config: Path, *, demo: bool = False) -> str:
    """The shell command textual-serve runs for each browser session: this app, on this store (with
    ``demo``, each session on a throwaway store of its own, as ``dailyreach --demo`` opens)."""
    # exec: the shell gives way to Python, so stopping the session stops the app itself.
    args = [
        sys.executable,
        "-m",
        "dailyreach",
        "--db",
        str(db.absolute()),
        "--config",
        str(config.absolute()),
        *(["--demo"] if demo else []),
    ]
    return "exec " + shlex.join(args)


def page_template(templates: Path) -> str:
    """textual-serve's page with a title, and its own copy of the font instead of Google's: the page
    of a private app calls no third party, and opens without a network."""
    page = (templates / "app_index.html").read_text(encoding="utf-8")
    page = page.replace("<head>", "<head>\n    <title>{{ application.name }}</title>", 1)
    local_font = (
        "<style>@font-face { font-family: 'Roboto Mono'; "
        "src: url('{{ config.static.url }}fonts/RobotoMono-VariableFont_wght.ttf'); }</style>"
    )
    return re.sub(r"<link\s[^>]*fonts\.googleapis\.com[^>]*>", local_font, page, count=1)


Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class DailyReachServer(Server):
    """textual-serve's server, answering only its own page (see ``same_site_only``) and quiet: it says
    the address once it listens, and logs only problems."""

    def __init__(self, command: str, host: str, port: int, *, public: bool) -> None:
        super().__init__(command, host=host.strip("[]"), port=port, title=TITLE)
        self.public = public
        self.url = f"http://{address(browser_host(host), port)}"
        self.sessions: set[asyncio.Task[object]] = set()

    def initialize_logging(self) -> None:
        logging.basicConfig(level=logging.WARNING, format="%(message)s")

    async def on_startup(self, app: web.Application) -> None:
        """Nothing: the address is printed once the port is bound, not before (it may be taken)."""

    async def on_shutdown(self, app: web.Application) -> None:
        """Ends every session at once, which closes its socket and quits its app process; otherwise
        aiohttp would wait out its shutdown timeout for the sockets to close by themselves."""
        for session in self.sessions:
            session.cancel()

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.extend([self.same_site_only, self.tracked])
        page = page_template(Path(self.templates_path))
        aiohttp_jinja2.setup(app, loader=jinja2.DictLoader({"app_index.html": page}))
        return app

    @web.middleware
    async def same_site_only(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Any page open in the user's browser may open a WebSocket to a loopback port, and a site can
        rename itself to 127.0.0.1 (DNS rebinding): the session socket is answered only when the page
        that opens it came from this server, and on loopback only under a loopback name."""
        if not self.public and not is_loopback(request.url.host or ""):
            raise web.HTTPForbidden(text=_(FOREIGN_PAGE))
        origin = request.headers.get("Origin")
        if origin is not None and origin != f"{request.scheme}://{request.host}":
            raise web.HTTPForbidden(text=_(FOREIGN_PAGE))
        return await handler(request)

    @web.middleware
    async def tracked(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        task = asyncio.current_task()
        if request.path != "/ws" or task is None:
            return await handler(request)
        self.sessions.add(task)
        try:
            return await handler(request)
        finally:
            self.sessions.discard(task)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """A request to the session's address that is not a WebSocket's (curl, a crawler) is answered
        400, not left to textual-serve, which printed two tracebacks for it."""
        if not web.WebSocketResponse().can_prepare(request).ok:
            raise web.HTTPBadRequest(
                text=_("This address is the app's session socket: open the page instead.")
            )
        return await super().handle_websocket(request)

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        # The page's socket address is the one the browser used (localhost, 127.0.0.1, a LAN name).
        self.public_url = f"{request.scheme}://{request.host}"
        return await super().handle_index(request)

    def serve(self, debug: bool = False) -> None:
        """textual-serve's own ``serve``, announcing the address once the port is bound."""
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        for stop in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(stop, self.request_exit)
        web.run_app(
            self._make_app(),
            host=self.host,
            port=self.port,
            handle_signals=False,
            loop=loop,
            access_log=None,
            shutdown_timeout=5,
            print=lambda *_: self.announce(),
        )

    def announce(self) -> None:
        """Where to open the app, once the port is bound; and who else can, when that is anyone."""
        print(_(SERVING).format(url=self.url), flush=True)
        if self.public:
            warning = _(PUBLIC_WARNING).format(address=address(self.host, self.port))
            print(warning, file=sys.stderr, flush=True)


def run_server(db: Path, config: Path, host: str, port: int, *, public: bool, demo: bool = False) -> None:
    """Serve the app until Ctrl+C; ServeError when it cannot start."""
    check_host(host, public=public)
    server = DailyReachServer(app_command(db, config, demo=demo), host, port, public=not is_loopback(host))
    try:
        server.serve()
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            raise ServeError(_(PORT_IN_USE).format(host=host, port=port)) from None
        raise ServeError(_(CANNOT_LISTEN).format(host=host, port=port, reason=listen_reason(error))) from None


def listen_reason(error: OSError) -> str:
    """Why the port could not be bound, in the system's words (in English, as it says them) or, in another
    language, in its own words where we know them."""
    if isinstance(error, socket.gaierror) or not error.errno:  # a host name that does not resolve
        reason, known = error.strerror or str(error), NAME_REASONS.get(error.errno or 0)
    else:  # aiohttp's own words repeat the address; the system's name the problem alone
        reason, known = os.strerror(error.errno), SYSTEM_REASONS.get(error.errno)
    return _(known) if known is not None and current_language() != SOURCE_LANGUAGE else reason
