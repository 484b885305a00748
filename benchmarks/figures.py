"""`make bench`'s verdicts: the table of figures, the goals, and whether the whole-page
layer of the page cache earns its keep."""

import statistics

GOALS = {"ratio": 0.5, "p95_ms": 150, "pdf_s": 5.0, "odt_s": 2.0}
# The pages whose throughput the goal's ratio applies to.
RATIO_PAGES = {"group start page", "organisation page", "period overview"}
GAIN_RULE = 0.1  # of the floor: the least the whole-page layer must add to be kept


def layer_verdict(results, bodies):
    """({page: gain in × floor}, mean gain, keep?) of the whole page over the shared body
    alone, on the pages the layer serves. The rule is on the mean over those pages: a
    single page's gain moves by about ±0.1 on a busy machine."""
    gains = {page: results[page]["ratio"] - run["ratio"] for page, run in bodies.items()}
    mean = round(statistics.mean(gains.values()), 2) if gains else 0.0
    return gains, mean, mean >= GAIN_RULE  # on the figure as printed


def kept_configuration(results, bodies, keep):
    """The runs of the configuration the rule keeps: the goals apply to it."""
    return results if keep else {**results, **bodies}


def _ms(run, name):
    return f"{run[name] / 1000:.1f}"


def table(results, bodies, report_times, connections, fresh):
    gains, mean, keep = layer_verdict(results, bodies)
    lines = [
        f"| page ({connections} signed-in users) | × floor, shared body alone "
        "| × floor, whole page | gain of the whole page | p95 ms, shared body alone "
        "| p95 ms, whole page | req/s | p50 ms | p99 ms | errors | rendered afresh ms |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for page, r in results.items():
        alone = bodies.get(page)
        errors = sum(run["non_2xx"] + run["socket_errors"] for run in (r, alone) if run)
        if alone:
            layer = f"{alone['ratio']:.2f} | {r['ratio']:.2f} | {gains[page]:+.2f} "
            layer += f"| {_ms(alone, 'p95')} | {_ms(r, 'p95')}"
        else:
            layer = f"– | {r['ratio']:.2f} | – | – | {_ms(r, 'p95')}"
        lines.append(
            f"| {page} | {layer} | {r['rps']:.0f} | {_ms(r, 'p50')} | {_ms(r, 'p99')} "
            f"| {errors} | {fresh.get(page, 0):.1f} |"
        )
    t = report_times
    lines += [
        "",
        "req/s, p50 and p99 with the whole page; errors of both runs.",
        "",
        f"The whole-page layer adds {mean:+.2f} of the floor on average on the "
        f"{len(gains)} pages it serves (kept only if ≥ {GAIN_RULE}): "
        + ("whole-page layer earns its keep." if keep else "drop it."),
        "",
        f"Report for a group of {t['organisations']} organisations and a year of records: "
        f"compiled in {t['compile_s']:.2f} s, PDF in {t['pdf_s']:.2f} s ({t['pdf_kb']} kB), "
        f"Word in {t['docx_s']:.2f} s ({t['docx_kb']} kB), "
        f"ODT in {t['odt_s']:.2f} s ({t['odt_kb']} kB).",
    ]
    if "archive_s" in t:
        # Made with every publish, next to the PDF (off the request path).
        lines.append(f"Archive copy (PDF/A-3a) in {t['archive_s']:.2f} s ({t['archive_kb']} kB).")
    return "\n".join(lines)


def goals(results, report_times):
    failed = []
    for page, r in results.items():
        if page in RATIO_PAGES and r["ratio"] < GOALS["ratio"]:
            failed.append(f"{page}: {r['ratio']:.2f} of the floor (goal ≥ {GOALS['ratio']})")
        if r["p95"] / 1000 > GOALS["p95_ms"]:
            failed.append(f"{page}: p95 {r['p95'] / 1000:.0f} ms (goal < {GOALS['p95_ms']} ms)")
        if r["non_2xx"] or r["socket_errors"]:
            failed.append(f"{page}: {r['non_2xx'] + r['socket_errors']} errors")
    if report_times["pdf_s"] > GOALS["pdf_s"]:
        failed.append(f"report PDF: {report_times['pdf_s']:.1f} s (goal < {GOALS['pdf_s']} s)")
    if report_times["odt_s"] > GOALS["odt_s"]:
        failed.append(f"report ODT: {report_times['odt_s']:.1f} s (goal < {GOALS['odt_s']} s)")
    return failed
