"""The `blueprint` command line: open the editor, or work on project files headless.

A contract for scripts: errors print `blueprint: error: FILE: reason` on stderr and
exit 1, usage errors exit 2, and nothing but `blueprint [FILE]` and `render` imports Qt.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from blueprint import __version__

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
PROJECT_SUFFIXES = (".blueprint",)
JSON_SUFFIXES = (".json",)
DRAWIO_SUFFIXES = (".drawio", ".xml")


class CliError(Exception):
    """A failure to report as `blueprint: error: <subject>: <reason>`."""

    def __init__(self, subject: object, reason: str) -> None:
        super().__init__(f"{subject}: {reason}")


def _fail(message: str) -> int:
    print(f"blueprint: error: {message}", file=sys.stderr)
    return EXIT_ERROR


# -- reading and writing any supported format ------------------------------------------


def _kind_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in PROJECT_SUFFIXES:
        return "project"
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in DRAWIO_SUFFIXES:
        return "drawio"
    raise CliError(path, "unknown file type (use .blueprint, .json or .drawio)")


def _load_any(path: Path, echo: Callable[[str], None] | None = None):
    from blueprint import store

    if not path.exists():
        raise CliError(path, "no such file")
    kind = _kind_of(path)
    if kind == "project":
        return store.load_document(path)
    if kind == "json":
        return store.read_json(path)
    from blueprint.interop.drawio import import_drawio

    doc, summary = import_drawio(path)
    if echo is not None:
        for line in summary.lines():
            echo(line)
    return doc


def _save_any(doc, path: Path) -> None:
    from blueprint import store

    kind = _kind_of(path)
    if kind == "project":
        store.save_document(doc, path)
    elif kind == "json":
        store.write_json(doc, path)
    else:
        from blueprint.interop.drawio import export_drawio

        export_drawio(doc, path)


# -- commands --------------------------------------------------------------------------


def cmd_new(args: argparse.Namespace) -> int:
    from blueprint.model.factory import new_document

    path = Path(args.file)
    if _kind_of(path) != "project":
        raise CliError(path, "a new project must have the .blueprint extension")
    if path.exists() and not args.force:
        raise CliError(path, "already exists (use --force to replace it)")
    if args.template:
        from blueprint.model.templates import TEMPLATES, new_from_template

        if args.template not in TEMPLATES:
            known = ", ".join(TEMPLATES)
            raise CliError(args.template, f"unknown template (choose from: {known})")
        doc = new_from_template(args.template, title=args.title)
    else:
        doc = new_document(args.title or path.stem)
    if args.title:
        doc.set_project_info(title=args.title)
    _save_any(doc, path)
    print(f"created {path}")
    return EXIT_OK


def cmd_templates(args: argparse.Namespace) -> int:
    from blueprint.model.templates import TEMPLATES

    for template in TEMPLATES.values():
        print(f"{template.id}\t{template.description}")
    return EXIT_OK


def _counts(doc) -> dict:
    diagrams = []
    for d in doc.diagrams():
        kinds: dict[str, int] = {}
        for a in doc.annotations(d.id):
            kinds[a.kind] = kinds.get(a.kind, 0) + 1
        diagrams.append(
            {
                "name": d.name,
                "notation": d.notation,
                "lanes": len(doc.lanes(d.id)),
                "stages": len(doc.stages(d.id)),
                "nodes": len(doc.nodes(d.id)),
                "edges": len(doc.edges(d.id)),
                "annotations": dict(sorted(kinds.items())),
            }
        )
    return {
        "title": doc.project.title,
        "client": doc.project.client,
        "author": doc.project.author,
        "diagrams": diagrams,
    }


def cmd_info(args: argparse.Namespace) -> int:
    doc = _load_any(Path(args.file))
    info = _counts(doc)
    if args.json:
        info["analysis"] = _analysis_summary(doc)
        print(json.dumps(info, indent=2, ensure_ascii=False))
        return EXIT_OK
    print(f"{info['title']}" + (f" — {info['client']}" if info["client"] else ""))
    for d in info["diagrams"]:
        notes = ", ".join(f"{n} {k}" for k, n in d["annotations"].items()) or "none"
        print(
            f"  {d['name']} ({d['notation']}): {d['lanes']} lanes, "
            f"{d['stages']} stages, {d['nodes']} nodes, {d['edges']} edges; "
            f"annotations: {notes}"
        )
    return EXIT_OK


def _analysis_summary(doc) -> dict:
    from blueprint.analysis import analyse_project, as_dict

    return as_dict(analyse_project(doc))


def cmd_check(args: argparse.Namespace) -> int:
    from blueprint import store

    path = Path(args.file)
    if not path.exists():
        raise CliError(path, "no such file")
    kind = _kind_of(path)
    if kind == "project":
        report = store.check_file(path)
        problems = list(report.problems)
    else:
        problems = []
    doc = None
    if not problems:
        doc = _load_any(path)
    findings = []
    if doc is not None:
        from blueprint.analysis import analyse_project

        names = {d.id: d.name for d in doc.diagrams()}
        for da in analyse_project(doc).diagrams:
            for f in da.findings:
                findings.append(
                    {
                        "diagram": names.get(da.diagram_id, da.diagram_id),
                        "check": f.check,
                        "severity": f.severity,
                        "title": f.title,
                        "explanation": f.explanation,
                        "nodes": list(f.node_ids),
                    }
                )
    ok = not problems
    if args.json:
        print(
            json.dumps(
                {
                    "file": str(path),
                    "ok": ok,
                    "problems": problems,
                    "findings": findings,
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        if ok:
            print(f"{path}: OK")
        for problem in problems:
            print(f"{path}: {problem}")
        for f in findings:
            print(f"  [{f['severity']}] {f['diagram']}: {f['title']}")
    return EXIT_OK if ok else EXIT_ERROR


def cmd_convert(args: argparse.Namespace) -> int:
    source, target = Path(args.input), Path(args.output)
    _kind_of(target)  # refuse an unknown output type before reading anything
    if source.resolve() == target.resolve():
        raise CliError(target, "input and output are the same file")
    doc = _load_any(source, echo=print)
    _save_any(doc, target)
    print(f"wrote {target}")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from blueprint.report import ReportOptions, write_report

    doc = _load_any(Path(args.file))
    if args.diagram:
        known = {d.name for d in doc.diagrams()} | {d.id for d in doc.diagrams()}
        for name in args.diagram:
            if name not in known:
                raise CliError(args.file, f"no diagram named {name!r}")
    options = ReportOptions(page_size=args.page_size, diagrams=args.diagram or None)
    write_report(doc, Path(args.output), options)
    print(f"wrote {args.output}")
    return EXIT_OK


def cmd_render(args: argparse.Namespace) -> int:
    output = Path(args.output)
    if output.suffix.lower() not in (".png", ".svg"):
        raise CliError(output, "the image must be .png or .svg")
    doc = _load_any(Path(args.file))
    diagram = doc.diagram_named(args.diagram) or next(
        (d for d in doc.diagrams() if d.id == args.diagram), None
    )
    if diagram is None:
        raise CliError(args.file, f"no diagram named {args.diagram!r}")
    from blueprint.ui.render import render_to_file  # Qt only here

    render_to_file(doc, diagram.id, output)
    print(f"wrote {output}")
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    if args.file is not None and not Path(args.file).exists():
        raise CliError(args.file, "no such file")
    from blueprint.ui.app import run

    return run(args.file, screenshot=args.screenshot)


# -- parsing ---------------------------------------------------------------------


COMMANDS = ("new", "templates", "info", "check", "convert", "report", "render")


def _command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="blueprint",
        description="Blueprint: service blueprints and service-quality models.",
    )
    parser.add_argument(
        "--version", action="version", version=f"blueprint {__version__}"
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("new", help="create a project file")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--template", metavar="ID", help="start from a template")
    p.add_argument("--title", metavar="TEXT", help="the project's title")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.set_defaults(run=cmd_new)

    p = sub.add_parser("templates", help="list template ids")
    p.set_defaults(run=cmd_templates)

    p = sub.add_parser("info", help="diagrams, lanes, nodes, edges, annotations")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_info)

    p = sub.add_parser(
        "check", help="check a file's integrity and the blueprint's logic"
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(run=cmd_check)

    p = sub.add_parser("convert", help="convert between .blueprint, .json and .drawio")
    p.add_argument("input", metavar="IN")
    p.add_argument("output", metavar="OUT")
    p.set_defaults(run=cmd_convert)

    p = sub.add_parser("report", help="write a PDF report")
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    p.add_argument(
        "--page-size",
        choices=("A4", "A3", "letter"),
        default="A4",
        type=lambda s: {"a4": "A4", "a3": "A3", "letter": "letter"}.get(s.lower(), s),
    )
    p.add_argument("--diagram", action="append", metavar="NAME", help="repeatable")
    p.set_defaults(run=cmd_report)

    p = sub.add_parser("render", help="render a diagram to PNG or SVG")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--diagram", required=True, metavar="NAME")
    p.add_argument("-o", "--output", required=True, metavar="OUT.png|OUT.svg")
    p.set_defaults(run=cmd_render)
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="blueprint",
        usage="blueprint [FILE] [--screenshot OUT.png]\n       blueprint COMMAND ...",
        description="Open the Blueprint editor, optionally on FILE. Commands: "
        + ", ".join(COMMANDS)
        + " (blueprint COMMAND --help).",
    )
    parser.add_argument(
        "--version", action="version", version=f"blueprint {__version__}"
    )
    parser.add_argument("file", nargs="?", metavar="FILE")
    parser.add_argument(
        "--screenshot", metavar="OUT.png", help="render the window to a PNG and exit"
    )
    parser.set_defaults(run=cmd_gui)
    return parser


def _errors() -> tuple[type[BaseException], ...]:
    """Every error a user can cause, each of which names its file or field."""
    from blueprint.model.errors import DomainError

    errors: list[type[BaseException]] = [CliError, DomainError, OSError]
    for module, name in (
        ("blueprint.store", "ProjectFileError"),
        ("blueprint.report", "ReportError"),
        ("blueprint.interop.drawio", "DrawioError"),
    ):
        error = getattr(sys.modules.get(module), name, None)
        if isinstance(error, type):
            errors.append(error)
    return tuple(errors)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    first = next((a for a in argv if not a.startswith("-")), None)
    use_commands = first in COMMANDS or (argv and argv[0] in ("-h", "--help"))
    parser = _command_parser() if use_commands else _gui_parser()
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if isinstance(exc, _errors()):
            if isinstance(exc, OSError) and exc.filename:
                return _fail(f"{exc.filename}: {exc.strerror or exc}")
            return _fail(str(exc))
        # an unexpected failure is still one line; the details help a bug report
        return _fail(f"internal error: {type(exc).__name__}: {exc}")
