"""Who to tell, by when, and what else follows from a verdict."""

from __future__ import annotations

import datetime as dt

from assistant.criteria.base import FactView
from assistant.fact_schema import fact_specs
from assistant.rulebook import Rulebook


def authority(book: Rulebook, nation: str) -> dict[str, str]:
    a = book.authorities[nation]
    return {"id": a.id, "name": a.name, "contact": a.contact}


def deadlines(book: Rulebook, discovered: dt.date | None) -> dict[str, dt.date] | None:
    if discovered is None:
        return None
    return {
        "notify_by": discovered + dt.timedelta(days=book.notify_within_days),
        "report_by": discovered + dt.timedelta(days=book.report_within_days),
    }


def days_left(due: dt.date, today: dt.date) -> str:
    """'13 days left', 'due today', '2 days overdue'."""
    left = (due - today).days
    if left > 1:
        return f"{left} days left"
    if left == 1:
        return "1 day left"
    if left == 0:
        return "due today"
    return f"{-left} day{'s' if left < -1 else ''} overdue"


def _body(book: Rulebook, body_id: str) -> dict[str, str]:
    b = book.other_bodies[body_id]
    return {"id": b.id, "name": b.name, "why": b.why}


def other_bodies(book: Rulebook, facts: FactView, verdict: str) -> list[dict[str, str]]:
    nation = facts.get("jurisdiction")
    out = []
    if verdict == "outside_irmer":
        out.append(_body(book, book.safety_body_by_nation[nation]))
    if facts.get("licence_breach"):
        out.append(_body(book, "arsac"))
    if facts.get("equipment_fault"):
        out.append(_body(book, book.device_body_by_nation[nation]))
    return out


# Whatever goes to an authority, required or voluntary: "You must redact names of individual people in the report".
ANONYMISE = "Anonymise the report: no patient-identifiable information, and redact the names of individuals."


def duties(
    book: Rulebook,
    facts: FactView,
    verdict: str,
    dates: dict[str, dt.date] | None,
    missing: list[str],
    more_once_known: bool = False,
) -> list[str]:
    """What the employer must do. `missing`: the facts to establish first; `more_once_known`: the kind of
    case they settle has facts of its own to establish after them."""
    if verdict == "outside_irmer":
        # Regulation 26 of the 2017 Regulations is Great Britain's; the guidance names HSENI but no regulation.
        where = (
            "the Health and Safety Executive Northern Ireland (HSENI)"
            if facts.get("jurisdiction") == "northern_ireland"
            else "the Health and Safety Executive under regulation 26 of the Ionising Radiations Regulations 2017"
        )
        # Equipment under test is reported as an over-exposure; for a member of the public or staff, whether
        # a dose limit was exceeded is not asked here: say what turns on it.
        report = (
            f"report the over-exposure to {where}"
            if facts.get("before_clinical_use")
            else f"if it was an over-exposure (a dose limit exceeded; your radiation protection adviser can say), "
            f"report it to {where}"
        )
        return [
            f"This is not an IR(ME)R notification: {report}.",
            "Investigate and keep a record under your local radiation protection procedures.",
        ]
    out = [
        "Investigate and analyse the incident locally and keep a record of the investigation and what it found "
        "(regulation 8(3)), whatever the outcome, near misses included; consider thematic reviews and trend analyses.",
    ]
    if verdict == "notify":
        when = f" (by {dates['notify_by'].isoformat()})" if dates else " (add the discovery date to see the date)"
        report = f" (by {dates['report_by'].isoformat()})" if dates else ""
        out += [
            "Notify the enforcing authority as soon as possible once the preliminary investigation shows beyond "
            f"reasonable doubt that the criteria are met, and no later than {book.notify_within_days} days after "
            f"discovery{when}.",
            f"Send the detailed investigation report within {book.report_within_days // 7} weeks of discovery{report}, "
            "whatever the severity; if you cannot, talk to an inspector early. Among what it must say: whether "
            "local duty of candour requirements have been met, and whether the local CSAUE procedure has been "
            "applied.",
            ANONYMISE,
        ]
    elif verdict == "undetermined":
        out.append(
            "Finish the immediate preliminary investigation to establish: "
            + ", ".join(fact_specs()[n].label for n in missing)
            + ("; then the facts that kind of case needs" if more_once_known else "")
            + f". If the criteria turn out to be met, the {book.notify_within_days}-day clock runs from discovery, "
            "not from now."
        )
    elif verdict == "local":
        out.append(
            "No statutory notification is required. Where there are significant or unusual circumstances "
            "(a near miss, a procedure without procedural failure whose effects could teach others), a voluntary "
            "notification (code V) can still share learning."
        )
    elif verdict == "voluntary":
        out += ["A voluntary notification (code V) shares learning; it is not required by regulation 8(4).", ANONYMISE]
    # Not known (a null, a "don't know"): neither changes the verdict, but each adds a body to tell.
    if not facts.known("licence_breach"):
        out.append(
            "Find out whether the administration was covered by the appropriate ARSAC licence; if it was not, it is "
            f"also reported to: {book.other_bodies['arsac'].name}."
        )
    if not facts.known("equipment_fault"):
        body = book.other_bodies[book.device_body_by_nation[facts.get("jurisdiction")]].name
        out.append(
            f"Find out whether an equipment failure was the direct cause; if it was, it is also reported to: {body}."
        )
    if facts.get("clinically_significant"):
        out.append("Apply the duty of candour: this exposure is judged clinically significant (CSAUE).")
    elif not facts.known("clinically_significant") and verdict in ("notify", "voluntary", "local"):
        # Not known (a null, a "don't know"): the verdict may stand without it, the duty may not.
        out.append(
            "Decide whether the exposure is clinically significant (CSAUE) under the professional bodies' guidance: "
            "if it is, apply the duty of candour, and code C is added."
        )
    return out
