"""The built wheel is Gazette: installed in a fresh environment outside the checkout, it
migrates and serves on an embedded Postgres in the folder it runs from."""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import httpx
import pytest

from api.settings import REPO_ROOT
from tests.support import free_port, start_serve, stop, wait_until


def _run(*command: str | Path, cwd: Path = REPO_ROOT, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(c) for c in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built from the checkout as `pip wheel` builds it, with the setuptools of the dev
    environment (no build isolation: nothing is downloaded)."""
    # from a copy of what the Dockerfile copies: a build/ folder left in the checkout by an
    # earlier build would otherwise lend the wheel files the sources no longer ship
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO_ROOT / name, source / name)
    for name in ("api", "sql"):
        shutil.copytree(
            REPO_ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__")
        )
    out = tmp_path_factory.mktemp("dist")
    _run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
         "--no-build-isolation", "--wheel-dir", out, source)  # fmt: skip
    (built,) = out.glob("gazette-*.whl")
    return built


def test_the_wheel_carries_the_code_the_sql_and_the_static_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    tree = REPO_ROOT / "api"
    wanted = {f"api/{p.relative_to(tree)}" for p in tree.rglob("*") if p.is_file()}
    wanted = {n for n in wanted if "__pycache__" not in n}
    wanted |= {
        f"api/sql/{p.relative_to(REPO_ROOT / 'sql')}" for p in (REPO_ROOT / "sql").rglob("*.sql")
    }
    assert wanted - names == set()


@pytest.mark.skipif(sys.platform != "linux", reason="the embedded Postgres wheel is per platform")
async def test_the_installed_wheel_migrates_and_serves(wheel: Path, tmp_path: Path) -> None:
    # A fresh environment, its dependencies borrowed from this one through a .pth file (the
    # packages only, not the checkout: `api` must come from the wheel).
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv)
    (purelib,) = venv.glob("lib/python*/site-packages")
    (purelib / "dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    _run(sys.executable, "-m", "pip", "--python", venv / "bin" / "python", "install",
         "--quiet", "--no-deps", "--no-index", wheel)  # fmt: skip
    home = tmp_path / "newsroom"
    (home / ".gazette").mkdir(parents=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "GAZETTE_"))}
    env.pop("PYTHONPATH", None)
    where = _run(
        venv / "bin" / "python", "-c", "import api; print(api.__file__)", cwd=home, env=env
    )
    assert Path(where.strip()).is_relative_to(purelib)
    printed = _run(venv / "bin" / "gazette", "migrate", cwd=home, env=env)
    assert "applied migrations: [1," in printed
    assert (home / ".gazette" / "pg").is_dir()  # the data folder is where it runs

    port = free_port()
    process, key = await start_serve(
        env | {"PORT": str(port)}, command=[str(venv / "bin" / "gazette"), "serve"], cwd=home
    )
    try:
        assert key.startswith("gz_"), "serve printed no API key"
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:

            async def ready() -> bool:
                return (await client.get("/readyz")).status_code == 200

            await wait_until(ready, attempts=1200)
            spec = (await client.get("/schema/openapi.json")).json()
            assert spec["info"]["title"] == "Gazette"
    finally:
        await stop(process)
