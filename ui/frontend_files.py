"""Streamlit's own frontend files (its scripts, styles and fonts) answered from memory, compressed once.

A class arriving at once asks for the same files thirty times: 62 files (2.2 MB) for the first page,
then a 4.7 MB Plotly bundle when a first chart shows. Streamlit serves each through Starlette's
``FileResponse``: a ``stat``, an ``open``, a read per 64 kB and a ``close``, each in a worker thread,
the event loop waiting for the GIL again at every hop while the first students' scripts hold it;
and uncompressed (on purpose: compressing at every request would cost CPU at every request).
Measured with the whole-lesson load test, those files were most of a late student's first page
(p95 1.9 s of 2.9 s).

:class:`FrontendFiles` sits in front of Streamlit (``app.py`` installs it) and answers a ``GET`` for
one of the files Streamlit ships under ``/static/`` (content-hashed names, served "immutable" for a
year, so one file never changes) from memory in one step: the file read and gzip-compressed once
for the server, in a thread, the first time anybody asks for it (thirty students asking at once
wait for that one read). The headers are Streamlit's own for that file; a client that accepts gzip
gets the compressed bytes (a fifth of them: a classroom's Wi-Fi carries 30 Plotly bundles of 1.4 MB
instead of 4.7 MB). Everything else goes to Streamlit unchanged: the page itself, its health and
configuration, the websocket, media, a path that is not one of those files, a ``HEAD``, a
conditional or a range request.
"""

from __future__ import annotations

import asyncio
import gzip
import os
from dataclasses import dataclass
from pathlib import Path

from starlette.responses import FileResponse
from streamlit import config, file_util
from streamlit.web.server.starlette.starlette_server_config import STATIC_ASSET_CACHE_MAX_AGE_SECONDS

# What Streamlit's static handler says of its content-hashed files (starlette_static_routes.py)
CACHE_CONTROL = f"public, immutable, max-age={STATIC_ASSET_CACHE_MAX_AGE_SECONDS}".encode()
GZIP_LEVEL = 6
# A file no larger than this is sent as it is: compressing would save less than a packet
SMALLEST_COMPRESSED = 1024


@dataclass(frozen=True)
class Answer:
    """One file ready to send: its headers, and its bytes as they are and gzip-compressed (or None)."""

    headers: list[tuple[bytes, bytes]]
    body: bytes
    gzip_headers: list[tuple[bytes, bytes]] | None
    gzip_body: bytes | None


def read_answer(path: Path) -> Answer:
    """``path`` read and compressed, with the headers Streamlit's ``FileResponse`` gives it."""
    status = os.stat(path)
    body = path.read_bytes()
    headers = [(name, value) for name, value in FileResponse(path, stat_result=status).raw_headers
               if name != b"content-length"]
    headers.append((b"cache-control", CACHE_CONTROL))
    plain = [*headers, (b"content-length", str(len(body)).encode())]
    if len(body) < SMALLEST_COMPRESSED:
        return Answer(plain, body, None, None)
    packed = gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
    if len(packed) >= len(body):
        return Answer(plain, body, None, None)
    # another representation of the file: its own validator (Streamlit's ETag names the plain bytes)
    packed_headers = [(name, value[:-1] + b'-gzip"' if name == b"etag" and value.endswith(b'"') else value)
                      for name, value in headers]
    packed_headers += [(b"content-encoding", b"gzip"), (b"vary", b"Accept-Encoding"),
                       (b"content-length", str(len(packed)).encode())]
    return Answer([*plain, (b"vary", b"Accept-Encoding")], body, packed_headers, packed)


def accepts_gzip(headers: list[tuple[bytes, bytes]]) -> bool:
    """Whether the request's ``Accept-Encoding`` takes gzip (``gzip;q=0`` refuses it)."""
    for name, value in headers:
        if name.lower() != b"accept-encoding":
            continue
        for coding in value.decode("latin-1").lower().split(","):
            token, _, parameters = coding.strip().partition(";")
            if token.strip() in ("gzip", "x-gzip"):
                quality = parameters.strip()
                if quality.startswith("q="):
                    try:
                        return float(quality[2:]) > 0
                    except ValueError:
                        return False
                return True
    return False


# Requests that Streamlit answers itself: it knows conditional and range requests
PASSED_HEADERS = {b"range", b"if-none-match", b"if-modified-since", b"if-match", b"if-unmodified-since",
                  b"if-range"}


class FrontendFiles:
    """ASGI middleware: Streamlit's files under ``/static/`` from memory, the rest to ``app``."""

    def __init__(self, app, directory: str | os.PathLike | None = None, base_url: str | None = None):
        self.app = app
        root = Path(directory if directory is not None else file_util.get_static_dir()) / "static"
        # the only paths answered here: the files there now, by exact name (no path is ever joined)
        self.files = {path.relative_to(root).as_posix(): path for path in root.rglob("*") if path.is_file()}
        base = (config.get_option("server.baseUrlPath") if base_url is None else base_url) or ""
        self.prefix = f"/{base.strip('/')}/static/" if base.strip("/") else "/static/"
        # each file asked for: its reading, kept once done (a failed one is forgotten, to be tried again)
        self.answers: dict[str, asyncio.Future] = {}

    def name_of(self, scope) -> str | None:
        """The shipped file a request asks for, or None when Streamlit should answer it."""
        if scope["type"] != "http" or scope["method"] != "GET":
            return None
        path = scope["path"]
        if not path.startswith(self.prefix):
            return None
        name = path[len(self.prefix):]
        if name not in self.files:
            return None
        if any(header.lower() in PASSED_HEADERS for header, _ in scope["headers"]):
            return None
        return name

    async def answer(self, name: str) -> Answer:
        """The file ``name`` ready to send: read once for the server, whoever asks first."""
        reading = self.answers.get(name)
        if reading is None:
            reading = self.answers[name] = asyncio.ensure_future(asyncio.to_thread(read_answer, self.files[name]))
            reading.add_done_callback(lambda done: self._forget_failure(name, done))
        # shielded: a student who leaves mid-answer does not stop the reading the others wait for
        return await asyncio.shield(reading)

    def _forget_failure(self, name: str, reading: asyncio.Future) -> None:
        if reading.cancelled() or reading.exception() is not None:
            self.answers.pop(name, None)

    async def __call__(self, scope, receive, send) -> None:
        name = self.name_of(scope)
        if name is None:
            await self.app(scope, receive, send)
            return
        try:
            answer = await self.answer(name)
        except OSError:  # gone or unreadable since the start: Streamlit says what it says of it
            await self.app(scope, receive, send)
            return
        if answer.gzip_body is not None and accepts_gzip(scope["headers"]):
            headers, body = answer.gzip_headers, answer.gzip_body
        else:
            headers, body = answer.headers, answer.body
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})
