"""Streamlit's frontend files from memory (ui/frontend_files.py), against Streamlit's own static handler.

Each request goes to the middleware in front of the handler Streamlit serves its files with
(``create_streamlit_static_handler`` on its static folder), as in the real server: what the
middleware answers must be what Streamlit answers, compressed when the client accepts it.
"""

import asyncio
import gzip
import re
from pathlib import Path

import pytest
from starlette.exceptions import HTTPException
from streamlit import file_util
from streamlit.web.server.starlette.starlette_static_routes import create_streamlit_static_handler

from ui import frontend_files
from ui.frontend_files import FrontendFiles, accepts_gzip

STATIC = Path(file_util.get_static_dir())


def first_page_files() -> list[str]:
    """What index.html names under ./static/ (scripts, styles, fonts), as a browser asks for them."""
    html = (STATIC / "index.html").read_text()
    paths = re.findall(r'(?:src|href)="\./(static/[^"]+)"', html)
    assert len(paths) >= 3, paths
    return ["/" + path for path in dict.fromkeys(paths)]


class Streamlit:
    """Streamlit's static handler, counting the requests that reach it."""

    def __init__(self, base_url: str = ""):
        self.handler = create_streamlit_static_handler(str(STATIC), base_url)
        self.calls = 0

    async def __call__(self, scope, receive, send):
        self.calls += 1
        await self.handler(scope, receive, send)


def request(app, path: str, method: str = "GET", headers: dict | None = None, root: str = "") -> tuple:
    """(status, headers as a dict, body) of one HTTP request through ``app``."""
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
             "scheme": "http", "path": root + path, "raw_path": (root + path).encode(), "root_path": root,
             "query_string": b"", "server": ("127.0.0.1", 8501), "client": ("127.0.0.1", 5000),
             "headers": [(name.lower().encode(), value.encode()) for name, value in (headers or {}).items()]}
    messages, received = [], []

    async def receive():  # the request once, then a client that stays until the answer is sent
        if received:
            await asyncio.Event().wait()
        received.append(True)
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        messages.append(message)

    try:
        asyncio.run(app(scope, receive, send))
    except HTTPException as refused:  # the server's exception middleware would answer it with this status
        return refused.status_code, {}, b""
    start = next(message for message in messages if message["type"] == "http.response.start")
    body = b"".join(message.get("body", b"") for message in messages if message["type"] == "http.response.body")
    return start["status"], {name.decode(): value.decode() for name, value in start["headers"]}, body


VALIDATORS = ("content-type", "last-modified", "etag", "cache-control", "accept-ranges")


@pytest.mark.parametrize("path", first_page_files())
def test_a_file_of_the_first_page_is_what_streamlit_serves(path):
    streamlit = Streamlit()
    status, headers, body = request(streamlit, path)
    assert status == 200 and body
    middleware = FrontendFiles(Streamlit(), STATIC, "")
    ours = request(middleware, path)
    assert ours[0] == 200
    assert ours[2] == body
    for name in VALIDATORS:
        assert ours[1][name] == headers[name], name
    assert int(ours[1]["content-length"]) == len(body)
    assert middleware.app.calls == 0  # answered from memory


def test_a_client_that_accepts_gzip_gets_the_same_bytes_compressed():
    path = max(first_page_files(), key=lambda p: (STATIC / p.lstrip("/")).stat().st_size)
    _, plain_headers, plain = request(Streamlit(), path)
    middleware = FrontendFiles(Streamlit(), STATIC, "")
    status, headers, body = request(middleware, path, headers={"Accept-Encoding": "gzip, deflate, br"})
    assert status == 200 and headers["content-encoding"] == "gzip" and headers["vary"] == "Accept-Encoding"
    assert gzip.decompress(body) == plain
    assert len(body) < len(plain) / 2 and int(headers["content-length"]) == len(body)
    assert headers["content-type"] == plain_headers["content-type"]
    assert headers["etag"] != plain_headers["etag"]  # another representation, another validator
    # the plain answer says it varies too, so that no cache hands one to the other
    assert request(middleware, path)[1]["vary"] == "Accept-Encoding"


@pytest.mark.parametrize("header, accepted", [
    ("gzip", True), ("deflate, gzip;q=1.0, *;q=0.5", True), ("br, GZIP", True), ("x-gzip", True),
    ("gzip;q=0", False), ("gzip; q=0.0", False), ("identity", False), ("br, deflate", False),
    ("gzip;q=nonsense", False), ("", False)])
def test_gzip_is_sent_only_to_a_client_that_accepts_it(header, accepted):
    assert accepts_gzip([(b"accept-encoding", header.encode())]) is accepted
    assert accepts_gzip([(b"user-agent", b"gzip")]) is False


def test_thirty_students_asking_at_once_make_one_read(monkeypatch):
    reads = []
    real = frontend_files.read_answer

    def counted(path):
        reads.append(path)
        return real(path)

    monkeypatch.setattr(frontend_files, "read_answer", counted)
    path = first_page_files()[0]
    middleware = FrontendFiles(Streamlit(), STATIC, "")
    _, _, expected = request(Streamlit(), path)

    async def class_arrives():
        bodies = []

        async def one():
            sent = []

            async def send(message):
                sent.append(message)

            scope = {"type": "http", "method": "GET", "path": path, "headers": [], "query_string": b""}
            await middleware(scope, None, send)
            bodies.append(b"".join(m.get("body", b"") for m in sent))

        await asyncio.gather(*(one() for _ in range(30)))
        return bodies

    bodies = asyncio.run(class_arrives())
    assert len(reads) == 1
    assert bodies == [expected] * 30
    request(middleware, path)
    assert len(reads) == 1 and middleware.app.calls == 0


@pytest.mark.parametrize("path, method, headers", [
    ("/", "GET", {}),                                                   # the page itself
    ("/training", "GET", {}),                                          # a page: index.html again
    ("/static/js/not-a-shipped-file.js", "GET", {}),                     # Streamlit's own fallback
    ("/static/../index.html", "GET", {}),                                # Streamlit refuses it
    ("/static/%2e%2e/index.html", "GET", {}),
    ("/static", "GET", {}),
    ("FIRST", "HEAD", {}),
    ("FIRST", "GET", {"Range": "bytes=0-99"}),
    ("FIRST", "GET", {"If-None-Match": '"anything"'}),
    ("FIRST", "GET", {"If-Modified-Since": "Sun, 06 Dec 2026 05:15:03 GMT"}),
    ("FIRST", "POST", {}),
])
def test_everything_else_is_streamlit_s_answer(path, method, headers):
    path = first_page_files()[0] if path == "FIRST" else path
    expected = request(Streamlit(), path, method, headers)
    middleware = FrontendFiles(Streamlit(), STATIC, "")
    assert request(middleware, path, method, headers) == expected
    assert middleware.app.calls == 1 and not middleware.answers


def test_a_websocket_goes_to_streamlit():
    seen = []

    async def inner(scope, receive, send):
        seen.append(scope["type"])

    middleware = FrontendFiles(inner, STATIC, "")
    asyncio.run(middleware({"type": "websocket", "path": "/_stcore/stream", "headers": []}, None, None))
    asyncio.run(middleware({"type": "lifespan"}, None, None))
    assert seen == ["websocket", "lifespan"]


def test_the_files_are_found_under_the_server_s_base_path():
    path = first_page_files()[0]
    middleware = FrontendFiles(Streamlit("lecon"), STATIC, "/lecon/")
    status, _, body = request(middleware, "/lecon" + path)
    assert status == 200 and body == (STATIC / path.lstrip("/")).read_bytes()
    assert middleware.app.calls == 0
    request(middleware, path)  # without the base path: not a file of this server, Streamlit's to answer
    assert middleware.app.calls == 1


def test_a_file_gone_since_the_start_is_streamlit_s_to_answer(tmp_path):
    (tmp_path / "static").mkdir()
    (tmp_path / "index.html").write_text("<html></html>")
    (tmp_path / "static" / "gone.js").write_text("x" * 5000)
    inner = Streamlit()
    inner.handler = create_streamlit_static_handler(str(tmp_path), "")
    middleware = FrontendFiles(inner, tmp_path, "")
    (tmp_path / "static" / "gone.js").unlink()
    status, headers, _ = request(middleware, "/static/gone.js")
    assert inner.calls == 1 and not middleware.answers
    assert (status, headers["content-type"]) == (200, "text/html; charset=utf-8")  # Streamlit's page fallback
