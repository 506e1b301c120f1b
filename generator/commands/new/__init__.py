"""``escp new``: ask for (or take flags for) a partnership's essentials and write a valid skeleton file.

Missing answers are asked for on a terminal; otherwise (or with ``--no-input``) every required
flag must be given. The file is validated before it is written, never overwrites an existing one,
and is then checked like any other: the report says which label criteria still need work.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.check import UsageError
from generator.check.output import write_report
from generator.check.runner import PARTNERSHIP_SUFFIXES, check_in_directory
from generator.commands.common import project_from_args
from generator.commands.new.skeleton import MEMBER_FIELDS, SUPPORT_FIELDS, member, partnership, slugify, to_yaml
from generator.load import LoadedFile, Problem
from generator.load.reader import parse_text
from generator.reference.vocabularies import Vocabularies
from generator.validate import slug_problems, validate_partnership

SEPARATOR = ";"


@dataclass(frozen=True)
class Question:
    dest: str
    flag: str
    text: str
    vocabulary: str | None = None  # the answer is an id of this vocabulary
    many: bool = False
    required: bool = True
    default: str | None = None


PARTNERSHIP = (
    Question("title", "--title", "Title, naming the thematic area (10-150 characters)"),
    Question("acronym", "--acronym", "Acronym", required=False),
    Question("platform", "--platform", "Thematic S3 platform", "platforms"),
    Question("thematic_area", "--thematic-area", "Thematic area, e.g. Batteries", required=False),
    Question("summary", "--summary", "Summary in plain text (at most 300 characters)"),
    Question("sectors", "--sector", "Sectors", "sectors", many=True),
    Question("technology_fields", "--technology-field", "Technology fields", "technology_fields", True, False),
    Question("s3_priorities", "--s3-priority", "Smart-specialisation priority areas", many=True),
    Question("activities", "--activity", "Joint activities", "activities", many=True),
    Question("contact_email", "--contact-email", "Contact e-mail address"),
    Question("contact_name", "--contact-name", "Contact person", required=False),
    Question("maintainers", "--maintainer", "GitHub logins allowed to change the file", many=True),
)
MEMBER = (
    Question("name", "name", "Organisation name"),
    Question("type", "type", "Kind of organisation", "member_types", default="cluster-organisation"),
    Question("country", "country", "Country (ISO 3166-1 alpha-2 code, e.g. PL)"),
    Question("region", "region", "NUTS 2 or 3 region code, e.g. PL92 (blank if the country has none)", required=False),
    Question("city", "city", "City", required=False),
    Question("strategy", "strategy", "Regional S3 strategy it serves (blank: add s3_support later)", required=False),
    Question("priority", "priority", "Priority of that strategy it serves", required=False),
)
PARTNER_KEYS = (*MEMBER_FIELDS, *SUPPORT_FIELDS)
Questions = tuple[Question, ...]


def _coordinator_flag(question: Question) -> str:
    return f"--coordinator-{question.flag}"


def _partner_key(question: Question) -> str:
    return f"--partner {question.flag}="


def _flag(question: Question) -> str:
    return question.flag


def register(commands: Any) -> None:
    parser = commands.add_parser("new", help="write a skeleton partnership file from your answers, then check it")
    for question in PARTNERSHIP:
        action = "append" if question.many else "store"
        parser.add_argument(question.flag, dest=question.dest, action=action, help=question.text)
    for question in MEMBER:
        parser.add_argument(_coordinator_flag(question), dest=f"coordinator_{question.dest}", help=question.text)
    parser.add_argument(
        "--partner",
        action="append",
        default=[],
        metavar="SPEC",
        help=f"another member as key=value pairs joined by '{SEPARATOR}', keys: {', '.join(PARTNER_KEYS)}; "
        f"e.g. 'name=Baltic Cluster{SEPARATOR}country=LT{SEPARATOR}region=LT01' (may be repeated)",
    )
    parser.add_argument("--slug", help="file name without .yml (default: from the title)")
    parser.add_argument("--no-input", action="store_true", help="never ask; fail when a required flag is missing")
    parser.set_defaults(run=run)


class Asker:
    """Answers from flags, or from the person at the terminal."""

    def __init__(self, interactive: bool, terms: Vocabularies) -> None:
        self.interactive = interactive
        self.terms = terms
        self.missing: list[str] = []

    def _valid(self, question: Question, values: list[str]) -> bool:
        if question.vocabulary is not None:
            known = self.terms.ids(question.vocabulary)
            wrong = [value for value in values if value not in known]
            if wrong:
                print(f"  unknown: {', '.join(wrong)}; choose from: {', '.join(known)}")
                return False
        return bool(values) or not question.required

    def ask(self, question: Question) -> str | list[str] | None:
        hint = f" [{question.default}]" if question.default else ""
        several = f" (several: separate with {SEPARATOR})" if question.many else ""
        while True:
            reply = input(f"{question.text}{several}{hint}: ").strip() or question.default or ""
            values = [part.strip() for part in reply.split(SEPARATOR) if part.strip()] if question.many else [reply]
            values = [value for value in values if value]
            if self._valid(question, values):
                return values if question.many else (values[0] if values else None)

    def answers(self, questions: Questions, given: dict[str, Any], flag: Callable[[Question], str]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for question in questions:
            value = given.get(question.dest)
            if value is None:
                value = self.ask(question) if self.interactive else question.default
            if value is None and question.required:
                self.missing.append(flag(question))
            result[question.dest] = value
        return result

    def partners(self) -> list[dict[str, Any]]:
        partners = []
        while self.interactive and input("Add a partner organisation now? [y/N]: ").strip().lower() in ("y", "yes"):
            partners.append(self.answers(MEMBER, {}, _partner_key))
        return partners


def parse_partner(spec: str) -> dict[str, Any]:
    answers: dict[str, Any] = {"type": "cluster-organisation", "legal_entity": True}
    for pair in filter(None, (part.strip() for part in spec.split(SEPARATOR))):
        key, _, value = pair.partition("=")
        key = key.strip().replace("-", "_")
        if key not in PARTNER_KEYS:
            raise UsageError(f"--partner: unknown key '{key}'; known keys: {', '.join(PARTNER_KEYS)}")
        answers[key] = value.strip().lower() in ("yes", "true") if key == "legal_entity" else value.strip()
    if not answers.get("name") or not answers.get("country"):
        raise UsageError(f"--partner '{spec}': name= and country= are required")
    return answers


def _target(slug: str, folder: Path) -> Path:
    problems = slug_problems(slug)
    if problems:
        raise UsageError(problems[0].message)
    for suffix in PARTNERSHIP_SUFFIXES:
        if (folder / f"{slug}{suffix}").exists():
            raise UsageError(f"{folder / (slug + suffix)} already exists; choose another --slug or edit that file")
    return folder / f"{slug}.yml"


def _problems(text: str, path: Path, terms: Vocabularies) -> list[Problem]:
    loaded = LoadedFile(path)
    parse_text(text, loaded)
    validate_partnership(loaded, terms)
    return loaded.problems


def _answers(args: argparse.Namespace, asker: Asker) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    given = vars(args)
    answers = asker.answers(PARTNERSHIP, given, _flag)
    coordinator_given = {q.dest: given.get(f"coordinator_{q.dest}") for q in MEMBER}
    if asker.interactive:
        print("The coordinator:")
    coordinator = asker.answers(MEMBER, coordinator_given, _coordinator_flag)
    if asker.missing:
        raise UsageError(f"missing {', '.join(asker.missing)} (or run escp new on a terminal to be asked)")
    partners = [parse_partner(spec) for spec in args.partner] + asker.partners()
    members = [member({"legal_entity": True, **coordinator}, "coordinator")]
    members += [member({"legal_entity": True, **answers}, "partner") for answers in partners]
    answers["added"] = datetime.date.today().isoformat()
    return answers, members


def run(args: argparse.Namespace) -> int:
    project = project_from_args(args)
    terms = project.settings.vocabularies
    asker = Asker(sys.stdin.isatty() and not args.no_input, terms)
    answers, members = _answers(args, asker)
    folder = project.partnerships
    path = _target(args.slug or slugify(answers["title"]), folder)
    text = to_yaml(partnership(answers, members))
    problems = _problems(text, path, terms)
    if problems:
        for problem in problems:
            print(f"escp new: {problem.field or 'file'}: {problem.message}", file=sys.stderr)
        print("escp new: nothing was written; correct the answers above and try again", file=sys.stderr)
        return 1
    with path.open("x", encoding="utf-8") as handle:  # "x": never overwrite
        handle.write(text)
    print(f"wrote {path}; its check:\n")
    report = check_in_directory([path], folder, project.settings)
    write_report(report, "text")
    return 0 if report.files[0].valid else 1
