"""Deployment knobs: a typo in an ``AGORA_*`` variable stops start-up and names the variable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from agora.core.env import EnvError, env_bool, env_int, env_list, env_optional, env_path, env_str

VAR = "AGORA_TEST_KNOB"
PROJECT_DIR = Path(__file__).resolve().parents[3]
READ_SETTINGS = (
    "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='agora.settings'; "
    "from django.conf import settings; settings.DATABASES"
)


@pytest.fixture(autouse=True)
def unset(monkeypatch) -> None:
    monkeypatch.delenv(VAR, raising=False)


@pytest.mark.parametrize("value", ["1", "true", "Yes", " ON "])
def test_it_reads_true_booleans(monkeypatch, value) -> None:
    monkeypatch.setenv(VAR, value)
    assert env_bool(VAR, False) is True


@pytest.mark.parametrize("value", ["0", "false", "NO", "off"])
def test_it_reads_false_booleans(monkeypatch, value) -> None:
    monkeypatch.setenv(VAR, value)
    assert env_bool(VAR, True) is False


@pytest.mark.parametrize("value", ["maybe", "2", "enabled"])
def test_it_refuses_a_boolean_it_cannot_read_and_names_the_variable(monkeypatch, value) -> None:
    monkeypatch.setenv(VAR, value)
    with pytest.raises(EnvError, match=rf"{VAR} must be one of .*; got '{value}'"):
        env_bool(VAR, False)


def test_it_reads_a_whole_number(monkeypatch) -> None:
    monkeypatch.setenv(VAR, " 42 ")
    assert env_int(VAR, 7, minimum=1) == 42


@pytest.mark.parametrize("value", ["lots", "4.5", "10k"])
def test_it_refuses_a_number_it_cannot_read_and_names_the_variable(monkeypatch, value) -> None:
    monkeypatch.setenv(VAR, value)
    with pytest.raises(EnvError, match=rf"{VAR} must be a whole number; got '{value}'"):
        env_int(VAR, 7)


def test_it_refuses_a_number_below_the_minimum_and_names_the_variable(monkeypatch) -> None:
    monkeypatch.setenv(VAR, "0")
    with pytest.raises(EnvError, match=rf"{VAR} must be at least 1; got 0"):
        env_int(VAR, 7, minimum=1)


def test_it_returns_the_defaults_when_the_variable_is_unset() -> None:
    assert env_bool(VAR, True) is True
    assert env_bool(VAR, False) is False
    assert env_int(VAR, 7, minimum=1) == 7
    assert env_str(VAR, "fallback") == "fallback"
    assert env_optional(VAR) is None
    assert env_list(VAR, ["a", "b"]) == ["a", "b"]
    assert env_path(VAR, Path("/srv/agora")) == Path("/srv/agora")


def test_it_treats_an_empty_number_or_string_as_unset(monkeypatch) -> None:
    monkeypatch.setenv(VAR, "  ")
    assert env_int(VAR, 7) == 7
    assert env_str(VAR, "fallback") == "fallback"
    assert env_optional(VAR) is None


def test_it_splits_lists_on_commas(monkeypatch) -> None:
    monkeypatch.setenv(VAR, " example.com, ,corp.example.org ")
    assert env_list(VAR, ["ignored"]) == ["example.com", "corp.example.org"]


def _import_settings(tmp_path: Path, **overrides: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AGORA_")}
    env.update(AGORA_DATA_DIR=str(tmp_path), **overrides)
    return subprocess.run(
        [sys.executable, "-c", READ_SETTINGS],
        env=env,
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_it_starts_with_no_configuration_at_all(tmp_path) -> None:
    result = _import_settings(tmp_path)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("url", ["garbage", "postgres://u:p@db:notaport/agora"])
def test_it_refuses_to_start_with_a_malformed_database_url(tmp_path, url) -> None:
    result = _import_settings(tmp_path, AGORA_DATABASE_URL=url)
    assert result.returncode != 0
    assert "EnvError: AGORA_DATABASE_URL could not be read" in result.stderr


def test_it_refuses_to_start_with_an_unreadable_debug_flag(tmp_path) -> None:
    result = _import_settings(tmp_path, AGORA_DEBUG="maybe")
    assert result.returncode != 0
    assert "EnvError: AGORA_DEBUG must be one of" in result.stderr
    assert "'maybe'" in result.stderr
