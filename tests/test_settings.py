"""Settings come from the environment; production refuses to start half-configured."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ROOT / "samordning" / "settings.py"
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "a-long-and-random-production-secret-" + "x9Kq2" * 8,
    "ALLOWED_HOSTS": "samordning.example.se",
}


def _environment(**env):
    """This process's environment without anything the settings read (CI runs the suite
    with production settings), plus `env`."""
    read = set(re.findall(r'env(?:bool|int|list)?\(\s*"([A-Z_]+)"', SETTINGS.read_text()))
    dropped = read | {"DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {k: v for k, v in os.environ.items() if k not in dropped} | env


def _manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=_environment(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_clean_environment_leaves_out_what_the_settings_read(monkeypatch):
    monkeypatch.setenv("SECURE_SSL_REDIRECT", "0")
    monkeypatch.setenv("DATABASE_URL", "postgres://x@127.0.0.1/y")
    monkeypatch.setenv("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
    clean = _environment(DEBUG="0")
    assert not {"SECURE_SSL_REDIRECT", "DATABASE_URL", "TASKS_BACKEND"} & set(clean)
    assert clean["DEBUG"] == "0" and "PATH" in clean


def test_check_deploy_is_clean_in_production():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS"])
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    result = _manage("check", **env)
    assert result.returncode != 0
    assert f"{missing} must be set when DEBUG is off" in result.stderr


def test_a_malformed_boolean_fails_loudly():
    result = _manage("check", DEBUG="perhaps")
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr


def test_the_demo_refuses_to_run_in_production():
    result = _manage("demo", **PRODUCTION)
    assert result.returncode != 0
    assert "refuses to run with DEBUG off" in result.stderr


def test_the_embedded_default_is_sqlite_in_the_project_folder():
    code = (
        "import django; django.setup(); from django.conf import settings;"
        "d = settings.DATABASES['default']; print(d['ENGINE'], d['NAME'], settings.DEBUG)"
    )
    clean = _environment(DJANGO_SETTINGS_MODULE="samordning.settings")
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
        ],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == ["django.db.backends.sqlite3", str(ROOT / "db.sqlite3"), "True"]


def test_passwords_need_twelve_characters_and_are_checked_against_common_ones():
    names = [v["NAME"].rsplit(".", 1)[1] for v in settings.AUTH_PASSWORD_VALIDATORS]
    assert "CommonPasswordValidator" in names
    assert "UserAttributeSimilarityValidator" in names
    minimum = next(
        v for v in settings.AUTH_PASSWORD_VALIDATORS if v["NAME"].endswith("MinimumLengthValidator")
    )
    assert minimum["OPTIONS"]["min_length"] == 12


def test_pages_carry_the_security_headers(client, db):
    response = client.get("/konto/logga-in/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "object-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy


def test_signed_in_pages_are_never_stored(world, client):
    client.force_login(world.reader)
    response = client.get(f"/grupp/{world.group.slug}/")
    assert response["Cache-Control"] == "no-store, private"
    assert "Cookie" in response["Vary"]


def test_production_sets_hsts_and_secure_cookies():
    code = (
        "import django; django.setup(); from django.conf import settings as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SESSION_COOKIE_SECURE,"
        " s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE,"
        " s.SECURE_SSL_REDIRECT)"
    )
    env = _environment(**PRODUCTION, DJANGO_SETTINGS_MODULE="samordning.settings")
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split() == ["31536000", "True", "True", "True", "True", "Lax", "True"]


def test_a_server_error_shows_a_plain_swedish_page_without_details(client, db, settings):
    from django.urls import path

    settings.DEBUG = False

    def broken(request):
        raise RuntimeError("secret detail: SECRET_KEY=abc")

    from django.contrib.auth.decorators import login_not_required

    import samordning.urls as urls

    settings.ROOT_URLCONF = type(
        "Urls", (), {"urlpatterns": [path("fel/", login_not_required(broken)), *urls.urlpatterns]}
    )
    client.raise_request_exception = False
    response = client.get("/fel/")
    page = response.content.decode()
    assert response.status_code == 500
    assert "Ett fel inträffade" in page
    assert "secret detail" not in page and "Traceback" not in page
