"""The `irmer` command. With no subcommand it opens the chat; everything else
is scriptable and never imports the UI, so it starts fast."""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Sequence

from assistant import __version__

# Anything heavier is imported inside main(), so Ctrl+C at any moment ends with exit 130, not a traceback.
EXIT_OK, EXIT_FOUND, EXIT_INPUT = 0, 1, 2
EXIT_INTERRUPTED = 130


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="irmer",
        description="Decision support for IR(ME)R significant accidental or unintended exposures "
        "(CQC notification criteria, 19 April 2023). With no command, opens the chat.",
    )
    p.add_argument("--version", action="version", version=f"irmer {__version__}")
    p.add_argument("--config-path", action="store_true", help="print where the settings file is read from, and exit")
    p.add_argument(
        "--jurisdiction",
        metavar="NATION",
        help="nation for this run (england, wales, scotland, northern_ireland); overrides the settings file",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    a = sub.add_parser("assess", help="judge an incident from a YAML/JSON file (or - for stdin)")
    a.add_argument("file", nargs="?", help="incident facts, YAML or JSON; - reads standard input")
    a.add_argument("--json", action="store_true", help="print the decision as one JSON object")
    a.add_argument("--batch", metavar="FILE.jsonl", help="judge one incident per line; print one JSON object per line")
    a.add_argument("--draft", choices=["notification", "report", "local"], help="render a draft document")
    a.add_argument("--out", metavar="PATH", help="with --draft: write the draft here (Markdown or .txt)")
    a.add_argument("--allow-identifiers", action="store_true", help="with --draft: write even if identifiers are found")
    # Also taken after the command, where people type it: "irmer assess --jurisdiction wales FILE".
    a.add_argument("--jurisdiction", dest="command_jurisdiction", metavar="NATION", help=argparse.SUPPRESS)

    sub.add_parser("rules", help="print the rulebook: codes, quoted criteria, sources, thresholds")

    f = sub.add_parser("flow", help="print the question flow as a diagram")
    f.add_argument(
        "--format",
        choices=["mermaid", "md"],
        default="mermaid",
        help="mermaid (default: the state diagram) or md (the transition table, guards in words)",
    )

    n = sub.add_parser("anonymise", help="find patient-identifiable information in a text (or - for stdin)")
    n.add_argument("file", help="text file; - reads standard input")
    n.add_argument("--json", action="store_true", help="print hits as JSON")
    n.add_argument("--redact", action="store_true", help="print the text with every hit replaced by [REDACTED]")
    return p


def _error(message: str) -> int:
    print(f"irmer: {message}", file=sys.stderr)
    return EXIT_INPUT


def _assess(args: argparse.Namespace) -> int:
    from assistant.engine import assess
    from assistant.incident_file import read_incident
    from assistant.validation import InputError

    if args.batch:
        if args.file or args.draft:
            return _error("--batch takes its incidents from FILE.jsonl; give no other FILE and no --draft.")
        return _batch(args.batch, args.jurisdiction)
    if not args.file:
        return _error("assess needs a FILE (YAML or JSON), - for standard input, or --batch FILE.jsonl.")
    if args.out and not args.draft:
        return _error("--out goes with --draft notification|report|local.")
    try:
        incident = read_incident(args.file, args.jurisdiction)
    except InputError as err:
        return _error(err.message() + _settings_nation_hint(err))
    if incident.details and not args.draft:
        # Checked even when no draft is asked for: a misspelt key must not pass silently.
        from assistant.documents import DocumentError, clean_details

        try:
            clean_details(incident.details, discovered_on=incident.facts.get("discovered_on"))
        except DocumentError as err:
            return _error(err.message())
    decision = assess(incident.facts, not_known=incident.not_known)
    if args.draft:
        from assistant.documents import draft_command

        return draft_command(
            args.draft, decision, incident.details, out=args.out, allow=args.allow_identifiers, source=args.file
        )
    if args.json:
        print(json.dumps(decision.to_json(), ensure_ascii=False, indent=2))
    else:
        from assistant.report_text import render

        print(render(decision))
    return EXIT_OK


def _settings_nation_hint(err: Exception) -> str:
    """Where a file lacks its nation and the settings name one: say that the settings are the chat's."""
    if "`jurisdiction` is required" not in str(err):
        return ""
    from assistant.config import load_settings

    nation = load_settings().nation
    if not nation:
        return ""
    return (
        f" The settings file's nation ({nation}) is the chat's default; for a file, add `jurisdiction: {nation}` "
        f"or pass --jurisdiction {nation}."
    )


def _batch(source: str, nation: str | None) -> int:
    from assistant.batch import Interrupted, run_batch
    from assistant.incident_file import batch_lines
    from assistant.validation import InputError

    try:
        lines = batch_lines(source)
    except InputError as err:
        return _error(err.message())
    try:
        run_batch(lines, sys.stdout, nation)
    except Interrupted as stop:
        print(f"irmer: interrupted; the decisions written are whole, up to line {stop.last_line}.", file=sys.stderr)
        return EXIT_INTERRUPTED
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    try:
        code = _main(argv)
        if sys.stdout is not None:
            sys.stdout.flush()  # a write that fails (a full disk) fails here, where it can be reported
        return code
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _quiet_stdout()  # the reader has gone: nothing more to say, and nothing to complain of at exit
        return EXIT_OK
    except OSError as err:  # a full disk, a closed stream
        _quiet_stdout()
        print(f"irmer: cannot write the output: {err.strerror or err}.", file=sys.stderr)
        return EXIT_FOUND


def _quiet_stdout() -> None:
    """Point standard output at nowhere, so the interpreter's last flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, AttributeError, ValueError):
        pass


def _main(argv: Sequence[str] | None = None) -> int:
    if sys.stdout is None:  # started with its output closed
        if sys.stderr is not None:
            print("irmer: standard output is closed, so nothing can be written.", file=sys.stderr)
        return EXIT_INPUT
    args = _parser().parse_args(argv)
    if getattr(args, "command_jurisdiction", None) is not None:
        if args.jurisdiction is not None and args.jurisdiction != args.command_jurisdiction:
            return _error("--jurisdiction is given twice with different nations; give it once.")
        args.jurisdiction = args.command_jurisdiction
    if args.jurisdiction is not None:
        from assistant.validation import parse_nation

        try:
            args.jurisdiction = parse_nation(args.jurisdiction)
        except ValueError as err:
            return _error(f"--jurisdiction {err}")
    try:
        if args.config_path:
            from assistant.config import config_path

            print(config_path())
            return EXIT_OK
        if args.command == "assess":
            return _assess(args)
        if args.command == "rules":
            from assistant.rulebook import load_rulebook
            from assistant.rules_listing import render_rules

            print(render_rules(load_rulebook()))
            return EXIT_OK
        if args.command == "flow":
            from assistant.flow.diagram import render_flow

            print(render_flow(args.format))
            return EXIT_OK
        if args.command == "anonymise":
            from assistant.anonymise import anonymise_command
            from assistant.config import load_settings

            settings = load_settings()  # the employer's own name and contact are not flagged
            for problem in settings.problems:
                print(f"irmer: warning: {problem} The organisation's own name and contact are checked like any "
                      "other text.", file=sys.stderr)  # fmt: skip
            own = [settings.organisation, settings.contact_name, settings.contact_email, settings.contact_phone]
            return anonymise_command(args.file, as_json=args.json, redact=args.redact, own=[v for v in own if v])
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            return _error(
                "the chat needs a terminal (standard input and output are not one here). To judge a file, "
                "use `irmer assess FILE`; `irmer --help` lists the commands."
            )
        # Start-up makes ~50k long-lived objects (Textual, the rulebook, styles): collecting while they
        # are made only walks them again. Collection resumes once the first question is on screen.
        gc.disable()
        try:
            from assistant.ui.app import run

            return run(jurisdiction=args.jurisdiction)
        finally:
            gc.enable()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
