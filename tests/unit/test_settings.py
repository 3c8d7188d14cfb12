"""Settings read from the environment: typed, checked, with defaults a user can rely on."""

from __future__ import annotations

from pathlib import Path

import pytest

from api.settings import SettingsError, load_settings


def test_settings_from_environment() -> None:
    settings = load_settings(
        {
            "PORT": "9001",
            "GAZETTE_WORKERS": "2",
            "DATABASE_URL": "",
            "GAZETTE_DATA_DIR": "/srv/gazette",
        }
    )
    assert settings.port == 9001 and settings.workers == 2 and settings.database_url is None
    assert str(settings.data_dir) == "/srv/gazette"
    assert load_settings({"GAZETTE_LOG_LEVEL": "debug"}).log_level == "DEBUG"
    with pytest.raises(SettingsError, match="GAZETTE_LOG_LEVEL"):
        load_settings({"GAZETTE_LOG_LEVEL": "chatty"})
    with pytest.raises(SettingsError, match="GAZETTE_POOL_MIN_SIZE"):
        load_settings({"GAZETTE_POOL_MIN_SIZE": "9", "GAZETTE_POOL_MAX_SIZE": "2"})
    with pytest.raises(SettingsError, match="PORT"):
        load_settings({"PORT": "eighty"})
    with pytest.raises(SettingsError, match="GAZETTE_POOL_MAX_SIZE"):
        load_settings({"GAZETTE_POOL_MAX_SIZE": "0"})


def test_the_data_folder_is_where_gazette_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not inside the package: an installed Gazette must not keep its database there."""
    monkeypatch.chdir(tmp_path)
    assert load_settings({}).data_dir == tmp_path / ".gazette"
