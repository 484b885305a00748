"""The restore drill: pg_dump a database with real content, pg_restore it into an empty
one, and compare every table."""

import shutil
import subprocess

import psycopg2
import pytest
from django.db import connection

from activities.reporting import services
from activities.reports import services as report_services

from .conftest import answer, make_activity, make_period, make_report

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql" or not shutil.which("pg_dump"),
        reason="the drill is for PostgreSQL, the production database",
    ),
]


def _dsn(name):
    settings = connection.settings_dict
    host, port = settings["HOST"] or "localhost", settings["PORT"] or 5432
    return f"postgresql://{settings['USER']}@{host}:{port}/{name}"


def _rows(dsn):
    with psycopg2.connect(dsn) as db, db.cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_schema = 'public' ORDER BY 1"
        )
        tables = [row[0] for row in cursor.fetchall()]
        counts = {}
        for table in tables:
            every_row = "md5(string_agg(t::text, '|' ORDER BY t::text)), count(*)"
            cursor.execute(f'SELECT {every_row} FROM "{table}" t')  # noqa: S608
            counts[table] = cursor.fetchone()
    return counts


def test_a_dump_restores_into_an_empty_database_with_nothing_lost(world, tmp_path):
    period = make_period(world.group)
    submission = answer(period, world.org_a, world.rep_a, {1: "Svar", 2: "Uppdrag"}, submit=True)
    services.submission_approve(submission=submission, by=world.coordinator)
    make_activity(world.org_a, title="Utbildning")
    report_services.report_publish(report=make_report(world.group, [period]), by=world.coordinator)

    source = connection.settings_dict["NAME"]
    restored = f"{source}_restored"
    dump = tmp_path / "samordning.dump"
    subprocess.run(["pg_dump", "--format=custom", f"--file={dump}", _dsn(source)], check=True)
    admin = psycopg2.connect(_dsn("postgres"))
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{restored}"')
        cursor.execute(f'CREATE DATABASE "{restored}"')
    try:
        subprocess.run(
            ["pg_restore", "--no-owner", f"--dbname={_dsn(restored)}", str(dump)], check=True
        )
        before, after = _rows(_dsn(source)), _rows(_dsn(restored))
        assert after == before
        assert before["activities_answerversion"][1] >= 2
        assert before["activities_reportversion"][1] == 1
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{restored}"')
        admin.close()
