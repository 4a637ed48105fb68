"""The wheel carries the styles and the seeds, so a plain `pip install .` opens the app on them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
    )
    if res.returncode != 0:
        pytest.fail(f"wheel build failed: {res.stderr[-2000:]}")
    (whl,) = out.glob("sidebyside-*.whl")
    return whl


def test_wheel_contains_package_styles_and_seeds(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    seeds = sorted(p.name for p in (ROOT / "seeds").iterdir())
    styles = sorted(p.name for p in (ROOT / "styles").glob("*.tcss"))
    assert len(seeds) == 5 and styles, "checkout lost its seeds or styles"
    for name in seeds:
        assert f"tui/_data/seeds/{name}" in names
    for name in styles:
        assert f"tui/_data/styles/{name}" in names
    assert "tui/cli.py" in names and "tui/core/load/articles.py" in names
    assert "tui/commands/serve_page/app_index.html" in names  # the page sidebyside serve uses
    semantic = (
        "vectors.npz",
        "vocab.txt",
        "NOTICE.md",
        "LICENSE-Apache-2.0.txt",
        "minilm-l6-v2-int8.onnx",
    )
    for name in semantic:  # the offline semantic models, their licence
        assert f"tui/core/align/semantic_model/{name}" in names
    assert not any(n.startswith(("tests/", "bench/")) for n in names)
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    assert "sidebyside = tui.cli:main" in zipfile.ZipFile(wheel).read(entry).decode()


def test_installed_wheel_finds_packaged_seeds(wheel: Path, tmp_path: Path) -> None:
    """Non-editable install: the packaged copy (tui/_data) is used, not the checkout."""
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    env = {**os.environ, "PYTHONPATH": str(target)}
    code = (
        "import tui, tui.resources as r, json, sys\n"
        "from tui.cli import main\n"
        "sys.stderr.write(json.dumps([tui.__file__, str(r.seeds_dir()), str(r.styles_dir())]))\n"
        "raise SystemExit(main(['articles', '--json']))\n"
    )
    res = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert res.returncode == 0, res.stderr
    tui_file, seeds, styles = json.loads(res.stderr.strip().splitlines()[-1])
    assert tui_file.startswith(str(target))
    assert seeds.startswith(str(target)) and seeds.endswith("tui/_data/seeds")
    assert styles.startswith(str(target)) and styles.endswith("tui/_data/styles")
    doc = json.loads(res.stdout)
    assert doc["schema"] == "sidebyside.articles/1"
    assert len(doc["articles"]) == 5
    assert all(a["path"].startswith(str(target)) for a in doc["articles"])
