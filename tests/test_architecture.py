"""ARCHITECTURE.md names every module of the package and every page file, and nothing that is not there (#20)."""

import re

from conftest import ROOT

PAGE = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")


def _named() -> set[str]:
    return set(re.findall(r"^\| `(bordermap/[^`]+)` \|", PAGE, re.MULTILINE))


def _files() -> set[str]:
    package = ROOT / "bordermap"
    found = set(package.rglob("*.py")) | set((package / "page").rglob("*.js")) | set((package / "page").glob("*.css"))
    return {str(p.relative_to(ROOT)) for p in found if "__pycache__" not in p.parts}


def test_every_module_and_page_file_is_named_in_the_architecture_note():
    assert _files() - _named() == set(), "add a line for each to ARCHITECTURE.md"


def test_the_architecture_note_names_nothing_that_is_gone():
    assert _named() - _files() == set(), "remove their lines from ARCHITECTURE.md"


def test_the_version_is_written_in_one_place():
    import tomllib

    import bordermap

    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in pyproject["project"] and "version" in pyproject["project"]["dynamic"]
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "bordermap.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", bordermap.__version__)
    assert f"## {bordermap.__version__}" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_every_package_of_the_source_is_in_the_installed_distribution():
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    packages = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "bordermap").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert packages - listed == set(), "add them to [tool.setuptools] packages: a wheel would leave them out"
