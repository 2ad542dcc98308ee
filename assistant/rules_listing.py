"""`irmer rules`: the rulebook as encoded, for review against the guidance."""

from __future__ import annotations

import textwrap

from assistant.rulebook import Rulebook


def render_rules(book: Rulebook) -> str:
    g = book.guidance
    out = [f"{g.title}", f"Version {g.version}, in force from {g.effective_from.isoformat()} ({book.path.name})", ""]
    for c in book.criteria:
        nations = "all nations" if len(c.nations) == 4 else ", ".join(c.nations)
        gates = [nations, "exposure: " + "/".join(c.exposure)]
        if c.settings:
            gates.append("setting: " + "/".join(c.settings))
        if c.when_given:
            given = " or ".join(c.when_given.facts)
            gates.append(f"also {'/'.join(c.when_given.settings)} once {given} is given")
        if c.complementary:
            gates.append("makes notifiable: " + ("yes" if c.statutory else "no (letter only)"))
        out.append(f"{c.code}  {c.category}")
        out.append(f"    applies to: {'; '.join(gates)}")
        for q in c.quote:
            out.append(textwrap.fill(f"“{q}”", 92, initial_indent="    ", subsequent_indent="     "))
        out.append(f"    source: {c.source}")
        if c.note:
            out.append(textwrap.fill(f"irmer reads it: {c.note}", 92, initial_indent="    ", subsequent_indent="    "))
        for t in c.thresholds.values():
            out.append(f"    threshold {t.name}: {t.quantity} {t.describe()}")
        out.append("")
    ages = ", ".join(f"{n} under {a}" for n, a in book.child_under_years.items())
    out.append(f"Child: {ages}.")
    out.append(
        f"Deadlines: notify within {book.notify_within_days} days, "
        f"report within {book.report_within_days} days of discovery."
    )
    return "\n".join(out)
