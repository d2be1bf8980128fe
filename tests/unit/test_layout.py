"""The code's conventions, checked: core is pure, imports go one way, private names stay private.

- every ``core`` module imports in a fresh interpreter without loading Streamlit or ``ui``;
- the project's modules import each other without a cycle, at module level or in a function;
- no module imports another's private name (``_something``);
- no ``core`` or ``ui`` module imports a project module inside a function (the way to dodge a
  cycle), but where a reason is written below;
- README.md's layout table names every folder of ``core`` and every module of ``ui``, and
  names nothing that does not exist.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("core", "ui")
# Function-level imports of the project's own modules that are there on purpose, with why.
DELIBERATE_LATE_IMPORTS = {
    # a worker process sets its numerical libraries to one thread before numpy is imported
    ("core/training/workers.py", "core.training"),
    ("core/training/workers.py", "core"),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules() -> dict[str, Path]:
    return {module_name(path): path for package in PACKAGES for path in sorted((ROOT / package).rglob("*.py"))}


MODULES = project_modules()


def imported(node: ast.AST, module: str) -> list[tuple[str, list[str]]]:
    """(module imported, names taken from it) for an import statement inside ``module``."""
    if isinstance(node, ast.Import):
        return [(alias.name, []) for alias in node.names]
    if isinstance(node, ast.ImportFrom):
        base = node.module or ""
        if node.level:
            package = module.split(".")[:-node.level] if not MODULES.get(module, Path()).name == "__init__.py" \
                else module.split(".")[:len(module.split(".")) - node.level + 1]
            base = ".".join([*package, base] if base else package)
        found = [(base, [alias.name for alias in node.names])]
        # ``from core.training import hub`` imports the module core.training.hub
        found += [(f"{base}.{alias.name}", []) for alias in node.names if f"{base}.{alias.name}" in MODULES]
        return found
    return []


def imports_of(module: str, path: Path, in_functions: bool | None = None):
    """Every project import of ``module`` (module level, in functions, or both), with its names and line."""
    tree = ast.parse(path.read_text())
    inside = set()
    for function in ast.walk(tree):
        if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            inside |= {id(node) for node in ast.walk(function) if isinstance(node, (ast.Import, ast.ImportFrom))}
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Import, ast.ImportFrom)):
            continue
        late = id(node) in inside
        if in_functions is not None and late != in_functions:
            continue
        for target, names in imported(node, module):
            if target.split(".")[0] in PACKAGES:
                yield target, names, node.lineno, late


def test_core_imports_neither_streamlit_nor_ui():
    core = sorted(name for name in MODULES if name.split(".")[0] == "core")
    script = ("import importlib, json, sys\n"
              f"for name in {core!r}:\n"
              "    importlib.import_module(name)\n"
              "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in ('streamlit', 'ui'))))\n")
    output = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert len(core) > 30
    assert json.loads(output.stdout) == []


def test_no_import_cycle():
    graph = {name: {target for target, _, _, _ in imports_of(name, path) if target in MODULES and target != name}
             for name, path in MODULES.items()}
    cycles, state = [], {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for after in sorted(graph[node]):
            if state.get(after) == "open":
                cycles.append(" -> ".join(trail[trail.index(after):] + [after]))
            elif after not in state:
                visit(after, trail + [after])
        state[node] = "closed"

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_no_private_name_is_imported_across_modules():
    sources = {**MODULES, **{f"lesson_pages.{p.stem}": p for p in (ROOT / "lesson_pages").glob("*.py")},
               "lesson": ROOT / "lesson.py", "app": ROOT / "app.py"}
    taken = [f"{path.relative_to(ROOT)}:{line} {target}.{name}"
             for module, path in sources.items() for target, names, line, _ in imports_of(module, path)
             for name in names if name.startswith("_") and not name.startswith("__")]
    assert taken == []


def test_no_project_module_is_imported_inside_a_function_to_dodge_a_cycle():
    late = [f"{path.relative_to(ROOT)}:{line} {target}"
            for module, path in MODULES.items() for target, _, line, _ in imports_of(module, path, in_functions=True)
            if (str(path.relative_to(ROOT)), target.rsplit(".", 1)[0] if target in MODULES else target)
            not in DELIBERATE_LATE_IMPORTS and (str(path.relative_to(ROOT)), target) not in DELIBERATE_LATE_IMPORTS]
    assert late == []


def layout_table() -> str:
    readme = (ROOT / "README.md").read_text()
    section = readme[readme.index("## Layout"):]
    return section[:section.index("\n## ", 4)]


def test_the_readme_layout_table_matches_the_tree():
    table = layout_table()
    folders = sorted({f"core/{path.parent.relative_to(ROOT / 'core')}/" for path in (ROOT / "core").rglob("*.py")
                      if path.parent != ROOT / "core"})
    modules = sorted(f"ui/{path.name}" for path in (ROOT / "ui").glob("*.py") if path.name != "__init__.py")
    missing = [name for name in folders + modules
               if f"`{name}`" not in table and f"`{name.rstrip('/')}`" not in table
               and f"`{Path(name).name}`" not in table]
    assert missing == []
    named = re.findall(r"`((?:core|ui|lesson_pages|benchmarks|tests|data)/[\w./]*)`", table)
    assert named, "the layout table names no path"
    assert [path for path in named if not (ROOT / path).exists()] == []


@pytest.mark.parametrize("package", PACKAGES)
def test_every_folder_is_a_package_with_a_docstring(package):
    for folder in [ROOT / package, *[p for p in (ROOT / package).rglob("*") if p.is_dir() and p.name != "__pycache__"]]:
        init = folder / "__init__.py"
        assert init.exists(), folder
        assert ast.get_docstring(ast.parse(init.read_text())), init
