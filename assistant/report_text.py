"""A decision as plain text for the terminal (`irmer assess` without --json)."""

from __future__ import annotations

import datetime as dt
import textwrap

from assistant.decision import Decision, missing_now, open_check_lines, verdict_words
from assistant.fact_schema import fact_specs
from assistant.routing import days_left

WIDTH = 88


def _wrap(text: str, indent: str = "  ", hanging: str | None = None) -> str:
    return textwrap.fill(
        text, WIDTH, initial_indent=indent, subsequent_indent=hanging if hanging is not None else indent + "  "
    )


def fact_label(name: str) -> str:
    spec = fact_specs().get(name)
    return f"{spec.label} ({name})" if spec else name


def render(decision: Decision, today: dt.date | None = None) -> str:
    d = decision
    verdict = "OUTSIDE IR(ME)R" if d.verdict == "outside_irmer" else d.verdict.upper()
    lines = [f"VERDICT: {verdict}", _wrap(verdict_words(d), "")]
    if d.codes:
        lines += ["", "Codes: " + "  ".join(d.codes)]
    if d.codes_need:
        lines.append(_wrap("To complete the code, find out: " + ", ".join(fact_label(n) for n in d.codes_need), ""))
    if d.missing:
        lines += ["", "Still needed to decide (find out):"]
        now, later = missing_now(d)
        lines += [_wrap(f"- {fact_specs()[n].to_find_out(fact_label(n))}") for n in now]
        if later:
            among = ", ".join(fact_label(n) for n in later)
            lines.append(_wrap(f"- then, once those are known, only what that kind of case needs among: {among}"))
    if d.pending:
        lines += ["", "What they decide (criteria still open):"]
        lines += [_wrap(line, "  ", "      ") for line in open_check_lines(d.pending, fact_label)]
    if d.findings:
        # V is the employer's choice, not a criterion met: the statutory ones are under "Why not".
        lines += ["", "Why (codes given):" if d.verdict == "voluntary" else "Why (criteria met):"]
        for f in d.findings:
            lines.append(f"  [{f.code}] {f.category}" if f.category else f"  [{f.code}]")
            lines += [_wrap(f"“{passage}”", "    ") for passage in f.criterion.split(" — ")]
            lines.append(_wrap(f"Source: {f.source}", "    "))
            lines.append(_wrap(f"Because: {f.reason}", "    "))
    if d.why_not:
        lines += ["", "Why not (criteria considered, not met):"]
        lines += [_wrap(f"[{f.code}] {f.reason}", "  ", "      ") for f in d.why_not]
    if d.open_checks:
        lines += ["", "Not yet checked (could add a code):"]
        lines += [_wrap(line, "  ", "      ") for line in open_check_lines(d.open_checks, fact_label)]
    if d.authority and d.verdict in ("notify", "voluntary", "undetermined"):
        a = d.authority
        lines += ["", f"Enforcing authority: {a['name']} ({a['id'].upper()})", _wrap(f"Contact: {a['contact']}")]
    if d.deadlines:
        today = today or dt.date.today()
        lines += ["", "Deadlines (from the discovery date):"]
        for key, label in (("notify_by", "Notify by"), ("report_by", "Report by")):
            due = d.deadlines[key]
            lines.append(f"  {label}: {due.isoformat()} ({days_left(due, today)})")
    elif d.verdict == "notify":
        lines += [
            "",
            "Deadlines: give `discovered_on` to compute them.",
        ]
    if d.also_report_to:
        lines += ["", "Also report to:"]
        lines += [_wrap(f"- {b['name']}: {b['why']}", "  ", "    ") for b in d.also_report_to]
    if d.duties:
        lines += ["", "Duties:"]
        lines += [_wrap(f"- {duty}", "  ", "    ") for duty in d.duties]
    if d.notes:
        lines += ["", "Notes:"]
        lines += [_wrap(f"- {note}", "  ", "    ") for note in d.notes]
    if d.assumptions:
        said = "; ".join(a.says for a in d.assumptions)
        note = f"Assumed, as the facts do not say otherwise (if any is wrong, the decision may change): {said}."
        lines += ["", _wrap(note, "")]
    lines += ["", _wrap(f"Criteria: {d.guidance.get('title', '')}, version {d.guidance.get('version', '')}.", "")]
    lines.append(
        _wrap("Decision support only: the employer's judgement and the medical physics expert's advice decide.", "")
    )
    return "\n".join(lines)
