"""What a fresh machine or the Docker image gets: every file and package the app needs.

The image is not built here (no Docker engine on the CI machine): these tests read the
Dockerfile, .dockerignore and requirements.txt against what the app's code really uses.
"""

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APP_SOURCES = [ROOT / "app.py", ROOT / "lesson.py", *sorted((ROOT / "core").glob("*.py")), *sorted((ROOT / "ui").glob("*.py")),
               *sorted((ROOT / "lesson_pages").glob("*.py"))]
# import name -> distribution name in requirements.txt
DISTRIBUTIONS = {"sklearn": "scikit-learn", "PIL": "pillow", "streamlit_drawable_canvas": "streamlit-drawable-canvas"}
LOCAL = {"core", "ui", "lesson_pages"}


def third_party_imports() -> set[str]:
    found = set()
    for source in APP_SOURCES:
        for node in ast.walk(ast.parse(source.read_text())):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return {name for name in found if name not in LOCAL and name not in sys.stdlib_module_names
            and name != "__future__"}


def requirement_names(path: Path) -> set[str]:
    names = set()
    for line in path.read_text().splitlines():
        line = line.split("#")[0].strip()
        if line and not line.startswith("-"):
            names.add(re.split(r"[<>=!~\[ ;]", line)[0].lower())
    return names


def test_requirements_install_every_package_the_app_imports():
    imports = third_party_imports()
    assert {"streamlit", "numpy", "sklearn", "plotly", "streamlit_drawable_canvas"} <= imports
    required = requirement_names(ROOT / "requirements.txt")
    missing = {name for name in imports if DISTRIBUTIONS.get(name, name).lower() not in required}
    assert not missing, f"imported by the app but not in requirements.txt: {missing}"


def test_the_image_copies_everything_the_app_reads():
    dockerfile = (ROOT / "Dockerfile").read_text()
    copied = {part.rstrip("/") for line in dockerfile.splitlines() if line.startswith("COPY ")
              for part in line.split()[1:-1]}
    needed = {"requirements.txt", "app.py", "lesson.py", "core", "ui", "lesson_pages", "data", ".streamlit"}
    assert needed <= copied, needed - copied
    assert (ROOT / "data" / "mnist.npz").is_file()
    ignored = [line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()
               if line.strip() and not line.startswith("#")]
    for pattern in ignored:
        assert pattern.strip("*/") not in needed, f".dockerignore drops {pattern}, which the app needs"


def test_the_image_serves_the_app_on_its_exposed_port_for_other_machines():
    dockerfile = (ROOT / "Dockerfile").read_text()
    port = re.search(r"^EXPOSE (\d+)", dockerfile, re.M).group(1)
    command = dockerfile[dockerfile.index("CMD ["):]
    assert '"app.py"' in command and f"--server.port={port}" in command
    assert "--server.address=0.0.0.0" in command                  # reachable from outside the container
    assert re.search(r"^USER (?!root)\w+", dockerfile, re.M)        # not run as root
    assert f"127.0.0.1:{port}/_stcore/health" in dockerfile         # the health check asks the app itself


# ------------------------------------------------------------ one production configuration
# What a launcher may add to README's `streamlit run app.py`: where the server listens. Any other
# flag would measure (load test, browser tests) or ship (Docker) a server a teacher does not get.
LOCATION_OPTIONS = {"--server.port", "--server.address"}


def _flags(arguments: list[str]) -> set[str]:
    return {argument.split("=")[0] for argument in arguments if argument.startswith("--")}


def _readme_start_command() -> list[str]:
    readme = (ROOT / "README.md").read_text()
    start = readme.index("## Start the app")
    block = readme[readme.index("```bash", start) + len("```bash"):readme.index("```", readme.index("```bash", start) + 7)]
    command = block.strip().split("&&")[-1].split()
    assert command[:3] == ["streamlit", "run", "app.py"], command
    return command


def _config() -> dict:
    import tomllib

    return tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())


def test_the_production_settings_live_in_the_config_file_that_every_start_reads():
    server = _config()["server"]
    assert server["fileWatcherType"] == "none"     # 47 % of the GIL with thirty students, see the file
    assert server["runOnSave"] is False and server["headless"] is True
    assert _config()["runner"]["postScriptGC"] is False
    assert _flags(_readme_start_command()) == set()  # README's command: the config file, nothing else


def test_the_load_test_and_the_browser_tests_start_readme_s_server():
    sys.path.insert(0, str(ROOT))
    from benchmarks import app_server

    command = app_server.app_command(8765)
    assert command[1:5] == ["-m", "streamlit", "run", "app.py"]
    assert _flags(command) <= LOCATION_OPTIONS, _flags(command) - LOCATION_OPTIONS
    # both harnesses start the app through that one function
    for harness in ("benchmarks/load_test.py", "tests/browser/conftest.py"):
        source = (ROOT / harness).read_text()
        assert "start_app" in source and "fileWatcherType" not in source, harness


def test_the_image_starts_readme_s_server():
    dockerfile = (ROOT / "Dockerfile").read_text()
    command = ast.literal_eval(dockerfile[dockerfile.index("CMD [") + 4:].strip())
    assert command[1:5] == ["-m", "streamlit", "run", "app.py"]
    assert _flags(command) <= LOCATION_OPTIONS, _flags(command) - LOCATION_OPTIONS
    assert "NUM_THREADS" not in dockerfile   # app.py sets the thread counts itself (core/training/threads.py)
    assert "COPY .streamlit/" in dockerfile.replace(".streamlit/ .streamlit/", ".streamlit/")


def test_the_server_runs_its_event_loop_and_http_parser_in_c():
    """streamlit[performance]: uvloop and httptools, chosen by Streamlit and uvicorn when installed.

    Without them a class arriving at once waited a second longer for its first page (README, "Load test").
    """
    line = next(line for line in (ROOT / "requirements.txt").read_text().splitlines()
                if line.startswith("streamlit"))
    assert re.match(r"streamlit\[[^\]]*\bperformance\b[^\]]*\]", line), line
    import uvicorn
    from streamlit.web import bootstrap

    factory = bootstrap._get_uvloop_loop_factory()   # what `streamlit run` runs its server on
    assert factory is not None
    loop = factory()
    try:
        assert type(loop).__module__.startswith("uvloop")
    finally:
        loop.close()
    config = uvicorn.Config(lambda scope, receive, send: None)   # http="auto", as Streamlit leaves it
    config.load()
    assert config.http_protocol_class.__module__ == "uvicorn.protocols.http.httptools_impl"
