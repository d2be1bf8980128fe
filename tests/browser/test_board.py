"""The class board in the real app: a teacher's board and students' phones side by side, two
servers on one PostgreSQL database, and a database that cannot be reached.

Every server here is one of its own, started with ``BOARD_DATABASE_URL`` in its environment
(``board_server`` below: ``start_app`` passes the test process's environment on, so the variable
is set around the start only). The teacher's board refreshes itself every 3 s
(``st.fragment(run_every=3)``): the tests wait for the texts they expect, never reload it.

Trainings are kept short by the teacher-link settings in the URL (``iter=500&train=5000``,
core/settings/pages.py), so a student's run ends in a few seconds.
"""

from __future__ import annotations

import os
import re
from contextlib import ExitStack, contextmanager
from urllib.parse import parse_qs, urlsplit

import pytest

from core.texts import t

from .conftest import ARTIFACTS, run_streamlit
from .helpers import (
    EXCEPTION,
    EXPANDER,
    MAIN,
    SIDEBAR,
    full_page_screenshot,
    open_app,
    open_expander,
    require_playwright,
    title_text,
    wait_for_app,
)

expect = require_playwright().expect

pytestmark = pytest.mark.browser

TEACHER = {"width": 1400, "height": 900}
PHONE = {"width": 390, "height": 844}
RUN_TIMEOUT = 180_000    # ms: a short training, on a server that may first have to load MNIST
BOARD_TIMEOUT = 15_000   # ms: the board refreshes every 3 s by itself
UI_TIMEOUT = 30_000
CODE_PATTERN = re.compile(r"\b([A-Z0-9]{3}-[A-Z0-9]{3})\b")
SHORT_RUN = "lang=en&iter=500&train=5000"

# Streamlit keeps the last run's elements on screen, marked data-stale="true", next to the new ones.
CURRENT = '[data-testid="stElementContainer"]:not([data-stale="true"])'
METRIC = f'{CURRENT} [data-testid="stMetric"]'


# ------------------------------------------------------------------------------ servers
@contextmanager
def _environment(**values: str | None):
    """``os.environ`` with ``values`` (None: unset) inside the block, as it was after it."""
    saved = {name: os.environ.get(name) for name in values}
    try:
        for name, value in values.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@contextmanager
def board_server(database_url: str, name: str):
    """A server of its own whose class board uses ``database_url``; yields its base URL."""
    with ExitStack() as stack:
        # no installation key: "Create a class" must not ask for one
        with _environment(BOARD_TEACHER_KEY=None):
            base_url = stack.enter_context(run_streamlit(database_url, ARTIFACTS / f"streamlit-server-{name}.log"))
        yield base_url


# ------------------------------------------------------------------------------ the board
def create_class(teacher, base_url: str) -> tuple[str, str]:
    """Open the board, create a class; the class code and the join link as the page shows them."""
    open_app(teacher, base_url, "/board", "en")
    assert title_text(teacher) == t("board_title", "en")
    teacher.get_by_role("button", name=t("board_create", "en"), exact=True).click()
    heading = teacher.locator(f"{MAIN} h2").filter(has_text=t("board_code_big", "en", code="").split(":")[0])
    heading.first.wait_for(timeout=UI_TIMEOUT)
    found = CODE_PATTERN.search(heading.first.inner_text())
    assert found, f"no class code in {heading.first.inner_text()!r}"
    code = found.group(1)
    link_block = teacher.locator(f'{MAIN} [data-testid="stCode"]').filter(has_text="class=").first
    link = link_block.inner_text().strip()
    assert parse_qs(urlsplit(link).query).get("class") == [code], link
    assert parse_qs(urlsplit(link).query).get("lang") == ["en"], link
    return code, link


def metric_value(page, label_key: str):
    return page.locator(METRIC).filter(has_text=t(label_key, "en")).first.locator('[data-testid="stMetricValue"]')


def wait_for_runs(teacher, runs: int, students: int | None = None) -> None:
    """The board, refreshing by itself, counts ``runs`` shared runs (and ``students``) within 15 s."""
    expect(metric_value(teacher, "board_runs")).to_have_text(str(runs), timeout=BOARD_TIMEOUT)
    if students is not None:
        expect(metric_value(teacher, "board_students")).to_have_text(str(students), timeout=BOARD_TIMEOUT)


def table_texts(teacher) -> str:
    """What the board's table shows (its accessible grid cells), as one string."""
    grid = teacher.locator(f'{CURRENT} [data-testid="stDataFrame"]').first
    grid.wait_for(timeout=BOARD_TIMEOUT)
    return " | ".join(grid.locator('[role="gridcell"], [role="columnheader"]').all_inner_texts())


def wait_for_table_row(teacher, text: str) -> None:
    teacher.wait_for_function(
        """(text) => [...document.querySelectorAll('[data-testid="stDataFrame"] [role="gridcell"]')]
                       .some((cell) => cell.textContent.trim() === text)""",
        arg=text, timeout=BOARD_TIMEOUT, polling=250)


# ----------------------------------------------------------------------------- students
def sidebar_class_box(page):
    box = page.locator(f'{SIDEBAR} {EXPANDER}').filter(has_text=t("board_box_title", "en")).first
    box.wait_for(timeout=UI_TIMEOUT)
    return box


def join_in_sidebar(page, code: str, nickname: str = "") -> None:
    """Type the code (and a nickname) in the sidebar's Class box and press Join."""
    box = sidebar_class_box(page)
    code_input = box.locator(".st-key-board_code_input input")
    if not code_input.is_visible():
        open_expander(page, box)
    code_input.wait_for(state="visible", timeout=UI_TIMEOUT)
    code_input.fill(code)
    code_input.press("Enter")
    if nickname:
        name_input = box.locator(".st-key-board_nickname_input input")
        name_input.fill(nickname)
        name_input.press("Enter")
    page.wait_for_timeout(500)
    wait_for_app(page, timeout=UI_TIMEOUT)
    box.locator(".st-key-board_join button").click()


def expect_in_class(page, code: str, name: str) -> None:
    text = t("board_in_class", "en", code=code, name=name).replace("**", "")
    expect(page.locator(SIDEBAR).get_by_text(text)).to_be_attached(timeout=UI_TIMEOUT)


def train_and_share(page) -> None:
    """Start the training, wait for its result, share it with the class."""
    page.get_by_role("button", name=t("run_start", "en"), exact=True).click()
    page.get_by_role("heading", name=t("final_title", "en")).wait_for(timeout=RUN_TIMEOUT)
    share = page.get_by_role("button", name=t("board_share", "en"))
    share.wait_for(timeout=UI_TIMEOUT)
    share.click()
    shared = page.locator(MAIN).get_by_text(t("board_shared", "en"), exact=True)
    shared.wait_for(timeout=UI_TIMEOUT)
    assert page.locator(EXCEPTION).count() == 0


# -------------------------------------------------------------------------------- tests
def test_teacher_and_student_side_by_side(chromium, new_page, screenshot_dir, tmp_path):
    with board_server(f"sqlite:///{tmp_path / 'board.sqlite3'}", "board") as base_url:
        teacher = new_page(viewport=TEACHER)
        code, link = create_class(teacher, base_url)
        expect(teacher.locator(MAIN).get_by_text(t("board_no_runs", "en")[:20])).to_be_visible(timeout=UI_TIMEOUT)

        # student 1, on a phone: the join link (on this server), opened on the training page
        student = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
        join = urlsplit(link)
        assert join.path == "/", link
        open_app(student, base_url, f"/training?{join.query}&iter=500&train=5000")
        assert title_text(student) is not None
        expect_in_class(student, code, t("board_student_number", "en", number=1))
        train_and_share(student)

        wait_for_runs(teacher, 1, students=1)
        wait_for_table_row(teacher, t("board_student_number", "en", number=1))
        student.locator(MAIN).get_by_text(t("board_shared", "en"), exact=True).scroll_into_view_if_needed()
        student.screenshot(path=str(screenshot_dir / "board_student.png"))

        # student 2, on a laptop: types the code and a nickname in the sidebar, another seed
        second = new_page()
        open_app(second, base_url, f"/training?{SHORT_RUN}&seed=5")
        join_in_sidebar(second, code.lower().replace("-", " "), "Ada")  # typed loosely: normalised
        expect_in_class(second, code, "Ada")
        train_and_share(second)

        wait_for_runs(teacher, 2, students=2)
        wait_for_table_row(teacher, "Ada")
        cells = table_texts(teacher)
        assert t("board_student_number", "en", number=1) in cells, cells
        assert teacher.locator(EXCEPTION).count() == 0
        teacher.wait_for_timeout(1000)  # the charts of the other tabs are drawn too
        full_page_screenshot(teacher, screenshot_dir / "board_teacher.png", wait=False)


def test_two_servers_share_one_postgresql(chromium, new_page, screenshot_dir, postgres_url):
    with board_server(postgres_url, "board-a") as server_a, board_server(postgres_url, "board-b") as server_b:
        assert server_a != server_b
        teacher = new_page(viewport=TEACHER)
        code, _ = create_class(teacher, server_a)

        student = new_page(viewport=PHONE, is_mobile=True, has_touch=True)
        open_app(student, server_b, f"/training?class={code}&{SHORT_RUN}")
        expect_in_class(student, code, t("board_student_number", "en", number=1))
        train_and_share(student)

        wait_for_runs(teacher, 1, students=1)
        wait_for_table_row(teacher, t("board_student_number", "en", number=1))
        assert teacher.locator(EXCEPTION).count() == 0
        full_page_screenshot(teacher, screenshot_dir / "board_teacher_two_servers.png", wait=False)


def test_board_problems_are_said_not_raised(chromium, new_page, screenshot_dir):
    with board_server("postgresql://nobody@127.0.0.1:9/none", "board-down") as base_url:
        page = new_page()
        open_app(page, base_url, "/softmax", "en")
        assert title_text(page) == t("softmax_title", "en")
        join_in_sidebar(page, "K7P-4QA")
        unavailable = t("board_err_unavailable", "en", reason="").split("(")[0].strip()  # "The class board is unavailable"
        alert = page.locator(f'{SIDEBAR} [data-testid="stAlert"]').filter(has_text=unavailable)
        expect(alert.first).to_be_visible(timeout=UI_TIMEOUT)
        wait_for_app(page, timeout=UI_TIMEOUT)
        assert page.locator(EXCEPTION).count() == 0
        assert title_text(page) == t("softmax_title", "en")  # the page itself still works

        # the teacher's page says it too when asked for a class, without a traceback
        board = new_page()
        open_app(board, base_url, "/board", "en")
        board.get_by_role("button", name=t("board_create", "en"), exact=True).click()
        expect(board.locator(f'{MAIN} [data-testid="stAlert"]').filter(has_text=unavailable).first
               ).to_be_visible(timeout=UI_TIMEOUT)
        assert board.locator(EXCEPTION).count() == 0
        full_page_screenshot(page, screenshot_dir / "board_unavailable_sidebar.png", wait=False)
