"""`make bench`: the product under load, measured against Django's own floor.

1. A PostgreSQL database with the national data (21 groups, 10 years), made once and
   reused (`generate_scale_data` only adds what is missing).
2. A report for a group of 14 organisations and a year of records: compiled and rendered
   to PDF, to Word, to the PDF/A archive copy and to ODT, timed, and published (its PDF is
   the stored file downloaded below).
3. gunicorn with production settings (DEBUG off, 2 workers) on loopback, and wrk with 10
   connections, each request signed in as one of 10 coordinators of 10 groups.
4. For each page: requests per second as a ratio of the floor (a signed-in page that
   returns a constant through every middleware), and p50/p95/p99 latency. Under load the
   pages' shared parts are in the cache, as they are between two changes in a group;
   the last column is each page rendered afresh (the first view after a change),
   timed in-process.
5. The whole-page layer (PAGE_CACHE_WHOLE_PAGES): each page it serves is measured on a
   second gunicorn with the layer off (the shared bodies alone, the page around them put
   together on every request) and then with it on. The layer earns its keep only if it
   adds at least 0.1 of the floor, on average over those pages (figures.GAIN_RULE).

The ratio holds on a noisy machine because the floor is measured in the same run, right
before and right after each page: a page's ratio is to the mean of those two floors.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from figures import goals, kept_configuration, layer_verdict, table

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
PG = "postgres://postgres@127.0.0.1:5432"
# One server with the whole-page layer (as in production), one with the shared bodies alone.
WHOLE, BODIES = 8765, 8766
USERS = 10
FLOOR = "floor (constant view)"
FLOOR_SECONDS = 8
EXPLAINED_ONLY = {"search"}  # its plans are checked; it is not part of the load
# The pages put together by samordning.fragments.shared_page, which the layer serves.
LAYER_PAGES = {
    "group start page",
    "organisation page",
    "period overview",
    "submission page",
    "published report",
}


def server_env(database, whole_pages=True):
    return {
        **os.environ,
        "DATABASE_URL": f"{PG}/{database}",
        "DEBUG": "0",
        "SECRET_KEY": "benchmark-only-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "BEHIND_PROXY": "1",
        "BENCHMARK_FLOOR": "1",
        "PAGE_CACHE_WHOLE_PAGES": "1" if whole_pages else "0",
        "MEDIA_ROOT": str(ROOT / "benchmarks" / ".media"),
        "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "DJANGO_SETTINGS_MODULE": "samordning.settings",
    }


def manage(env, *args):
    subprocess.run([BIN / "python", "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare_database(database, groups, years):
    exists = subprocess.run(
        ["psql", f"{PG}/postgres", "-tAc", f"SELECT 1 FROM pg_database WHERE datname='{database}'"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not exists:
        subprocess.run(["psql", f"{PG}/postgres", "-qc", f"CREATE DATABASE {database}"], check=True)
    env = server_env(database)
    manage(env, "migrate", "--noinput", "-v0")
    started = time.perf_counter()
    manage(env, "generate_scale_data", "--groups", str(groups), "--years", str(years), "--force")
    manage(env, "collectstatic", "--noinput", "-v0")
    return time.perf_counter() - started


def setup_django(database):
    os.environ.update(server_env(database))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def time_report(group):
    """Compile and render a year's report of one group; publish it once."""
    from activities.models import Period
    from activities.reports.archive import render_archive_pdf
    from activities.reports.content import compile_content
    from activities.reports.odt import render_odt
    from activities.reports.render import render_docx, render_pdf
    from activities.reports.services import report_create

    periods = list(Period.objects.filter(group=group).order_by("-starts_on")[1:5])
    report = report_create(group=group, first_period=periods[-1], last_period=periods[0])
    started = time.perf_counter()
    content = compile_content(report)
    compiled = time.perf_counter()
    pdf = render_pdf(content)
    rendered_pdf = time.perf_counter()
    docx = render_docx(content)
    rendered_docx = time.perf_counter()
    archive = render_archive_pdf(content)
    rendered_archive = time.perf_counter()
    odt = render_odt(content)
    rendered_odt = time.perf_counter()
    return (
        {
            "organisations": group.organisations.count(),
            "compile_s": compiled - started,
            "pdf_s": rendered_pdf - compiled,
            "docx_s": rendered_docx - rendered_pdf,
            "pdf_kb": len(pdf) // 1024,
            "docx_kb": len(docx) // 1024,
            "archive_s": rendered_archive - rendered_docx,
            "archive_kb": len(archive) // 1024,
            "odt_s": rendered_odt - rendered_archive,
            "odt_kb": len(odt) // 1024,
        },
        pdf,
        docx,
    )


def build_targets(pdf, docx):
    """{page: [(path, cookie)]} for 10 coordinators of 10 groups."""
    from django.conf import settings
    from django.core.files.base import ContentFile
    from django.test import Client
    from django.urls import reverse

    from activities.models import Period, ReportVersion
    from members.models import CoordinationGroup, Membership, Role

    pages = {}
    groups = CoordinationGroup.objects.filter(slug__startswith="skala-").order_by("slug")[:USERS]
    for group in groups:
        coordinator = (
            Membership.objects.active()
            .filter(group=group, role=Role.COORDINATOR)
            .select_related("user")
            .first()
            .user
        )
        client = Client()
        client.force_login(coordinator)
        cookie = (
            f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
        )
        period = Period.objects.filter(group=group).order_by("-starts_on").first()
        organisation = group.organisations.order_by("order", "pk").first()
        version = (
            ReportVersion.objects.filter(report__group=group).order_by("-published_at").first()
        )
        if not version.pdf:
            # The stored file downloaded below: a real rendered report's bytes.
            version.pdf.save("lagesrapport.pdf", ContentFile(pdf), save=False)
            version.docx.save("lagesrapport.docx", ContentFile(docx), save=False)
            version.save(update_fields=["pdf", "docx"])
        slug = group.slug
        report = {"slug": slug, "pk": version.report_id, "number": version.number}
        urls = {
            FLOOR: reverse("benchmark_floor"),
            "group start page": reverse("group_home", args=[slug]),
            "organisation page": reverse(
                "activities:organisation_page", args=[slug, organisation.pk]
            ),
            "period overview": reverse("activities:period_overview", args=[slug, period.pk]),
            "submission page": reverse(
                "activities:submission",
                kwargs={"slug": slug, "pk": period.pk, "org_pk": organisation.pk},
            ),
            "published report": reverse("activities:report_version", kwargs=report),
            "search": reverse("activities:search", args=[slug]) + "?q=utbildning",
            "report PDF (stored)": reverse(
                "activities:report_file", kwargs={**report, "fmt": "pdf"}
            ),
        }
        for page, url in urls.items():
            pages.setdefault(page, []).append((url, cookie))
    return pages


def explain(pages, large=10_000):
    """EXPLAIN every query of the main pages on the national data: a sequential scan of a
    table with more than `large` rows is a missing index. Returns {page: [problems]}."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    with connection.cursor() as cursor:
        cursor.execute("SELECT relname, reltuples FROM pg_class WHERE relkind = 'r'")
        rows = dict(cursor.fetchall())
    problems = {}
    for page in ("group start page", "organisation page", "period overview", "search"):
        url, cookie = pages[page][0]
        client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https", HTTP_COOKIE=cookie)
        with CaptureQueriesContext(connection) as queries:
            status = client.get(url).status_code
        if status != 200:
            raise SystemExit(f"{page}: {url} answered {status}")
        found = []
        for query in queries.captured_queries:
            if not query["sql"].lstrip().upper().startswith("SELECT"):
                continue
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (FORMAT JSON) " + query["sql"])
                plan = cursor.fetchone()[0]
            for node in _nodes(plan[0]["Plan"]):
                table = node.get("Relation Name")
                if node["Node Type"] == "Seq Scan" and rows.get(table, 0) > large:
                    found.append(f"sequential scan of {table} ({rows[table]:.0f} rows)")
        problems[page] = (len(queries.captured_queries), found)
    return problems


def fresh_renders(pages, repeat=10):
    """In-process median milliseconds of each page rendered afresh: the cost of the first
    view after a change in the group, before its shared parts are in the cache."""
    from django.core.cache import cache
    from django.test import Client

    times = {}
    for page, targets in pages.items():
        if page in EXPLAINED_ONLY:
            continue
        url, cookie = targets[0]
        client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https", HTTP_COOKIE=cookie)
        client.get(url)
        samples = []
        for _ in range(repeat):
            cache.clear()
            started = time.perf_counter()
            client.get(url)
            samples.append((time.perf_counter() - started) * 1000)
        times[page] = statistics.median(samples)
    return times


def _nodes(plan):
    yield plan
    for child in plan.get("Plans", []):
        yield from _nodes(child)


def start_server(database, port, whole_pages):
    server = subprocess.Popen(
        [
            BIN / "gunicorn",
            "samordning.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=server_env(database, whole_pages),
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not start")


def check(pages, port):
    """Every target answers 200 for its person before anything is measured."""
    for page, targets in pages.items():
        for url, cookie in targets:
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}{url}",
                headers={"Cookie": cookie, "X-Forwarded-Proto": "https"},
            )
            opener = urllib.request.build_opener(NoRedirect)
            status = opener.open(request, timeout=30).status
            if status != 200:
                raise SystemExit(f"{page}: {url} answered {status}")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def load(targets, duration, connections, port=WHOLE):
    with tempfile.NamedTemporaryFile("w", suffix=".tsv", delete=False) as file:
        file.write("".join(f"{url}\t{cookie}\n" for url, cookie in targets))
    command = [
        "wrk",
        "--threads",
        "2",
        "--connections",
        str(connections),
        "--timeout",
        "10s",
        "--script",
        str(ROOT / "benchmarks" / "targets.lua"),
    ]
    base = f"http://127.0.0.1:{port}"
    subprocess.run([*command, "--duration", "2s", base, "--", file.name], capture_output=True)
    output = subprocess.run(
        [*command, "--duration", f"{duration}s", base, "--", file.name],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    os.unlink(file.name)
    result = json.loads(output.strip().splitlines()[-1])
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    return result


def measure(pages, duration, connections):
    """Each page under load between two runs of the floor; its ratio is to their mean. A
    page the whole-page layer serves runs first with its shared body alone, then with the
    whole page, so both share the floor between them. Returns the runs with the whole page
    (the floor's row holds the median of all its runs) and those with the bodies alone."""
    print(f"== {FLOOR}", flush=True)
    floors = [load(pages[FLOOR], FLOOR_SECONDS, connections)]
    results, bodies = {}, {}
    for page, targets in pages.items():
        if page in EXPLAINED_ONLY or page == FLOOR:
            continue
        runs = [("shared body alone", bodies, BODIES)] if page in LAYER_PAGES else []
        for label, into, port in [*runs, ("whole page", results, WHOLE)]:
            print(f"== {page} ({label}), then the floor again", flush=True)
            into[page] = load(targets, duration, connections, port)
            floors.append(load(pages[FLOOR], FLOOR_SECONDS, connections))
            into[page]["ratio"] = into[page]["rps"] / statistics.mean(
                run["rps"] for run in floors[-2:]
            )
    floor = sorted(floors, key=lambda run: run["rps"])[len(floors) // 2]
    return {FLOOR: {**floor, "ratio": 1.0}, **results}, bodies


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="samordning_scale")
    parser.add_argument("--groups", type=int, default=21)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--duration", type=int, default=20, help="seconds per page")
    parser.add_argument("--connections", type=int, default=USERS)
    parser.add_argument("--output", help="also write the table to this file")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")

    started = time.perf_counter()
    print(f"== national data in {args.database} (made once, then reused)", flush=True)
    seconds = prepare_database(args.database, args.groups, args.years)
    print(f"   ready in {seconds:.0f} s", flush=True)
    setup_django(args.database)

    from django.db.models import Count

    from members.models import CoordinationGroup

    group = (
        CoordinationGroup.objects.filter(slug__startswith="skala-")
        .annotate(n=Count("organisations"))
        .order_by("-n", "slug")
        .first()
    )
    print(f"== report rendering for {group.name}", flush=True)
    report_times, pdf, docx = time_report(group)
    pages = build_targets(pdf, docx)

    print("== EXPLAIN of the main pages' queries", flush=True)
    plans = explain(pages)
    for page, (count, found) in plans.items():
        print(f"   {page}: {count} queries, " + ("; ".join(found) or "index scans only"))
    print("== each page rendered afresh, in-process", flush=True)
    fresh = fresh_renders(pages)

    # The server with the shared bodies alone idles while the other is measured.
    servers = [start_server(args.database, WHOLE, True)]
    try:
        servers.append(start_server(args.database, BODIES, False))
        check(pages, WHOLE)
        check({page: pages[page] for page in LAYER_PAGES}, BODIES)
        results, bodies = measure(pages, args.duration, args.connections)
    finally:
        for server in servers:
            server.terminate()
            server.wait()

    output = table(results, bodies, report_times, args.connections, fresh)
    print()
    print(output)
    if args.output:
        Path(args.output).write_text(output + "\n")
    # The goals apply to the configuration the rule keeps; what the other would miss is told.
    keep = layer_verdict(results, bodies)[2]
    failed = goals(kept_configuration(results, bodies, keep), report_times)
    failed += [f"{page}: {problem}" for page, (_, found) in plans.items() for problem in found]
    other = goals(kept_configuration(results, bodies, not keep), report_times)
    other = [goal for goal in other if goal not in failed]
    kept, dropped = ("with", "without") if keep else ("without", "with")
    print()
    print(f"Finished in {time.perf_counter() - started:.0f} s.")
    if other:
        print(f"{dropped.capitalize()} the whole-page layer, these goals would be missed:")
        print("- " + "\n- ".join(other))
    if failed:
        print(f"Goals missed ({kept} the whole-page layer):\n- " + "\n- ".join(failed))
        raise SystemExit(1)
    print(f"Every goal met ({kept} the whole-page layer).")


if __name__ == "__main__":
    main()
