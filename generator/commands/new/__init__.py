"""``escp new``: ask for (or take flags for) a partnership's essentials and write a valid skeleton file.

It never invents a fact: every member's type, legal status, country and region come from an answer.
On a terminal, missing answers are asked for one at a time, with the allowed values shown first;
each answer is checked as it is given (by the rules of ``escp check``) and asked again when wrong.
Otherwise (or with ``--no-input``) every required flag must be given. Ctrl-C or Ctrl-D stops it
and writes nothing. The file is validated before it is written, never overwrites an existing one,
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

from pydantic import BaseModel

from generator.check import UsageError
from generator.check.output import write_report
from generator.check.runner import PARTNERSHIP_SUFFIXES, check_in_directory
from generator.commands.common import project_from_args
from generator.commands.new.answers import (
    Invalid,
    country_code,
    current_regions,
    describe,
    field_value,
    region_choice,
    yes_no,
)
from generator.commands.new.skeleton import MEMBER_FIELDS, SUPPORT_FIELDS, member, partnership, slugify, to_yaml
from generator.load import LoadedFile, Problem
from generator.load.reader import parse_text
from generator.reference.regions import regions
from generator.reference.vocabularies import Vocabularies
from generator.validate import slug_problems, validate_partnership
from generator.validate.models import Contact, ManagingEntity, Member, Partnership, StrategyReference

SEPARATOR = ";"
INTERRUPTED = 130  # the shell's status for a command stopped by Ctrl-C


@dataclass(frozen=True)
class Question:
    dest: str
    flag: str
    text: str
    model: type[BaseModel] | None  # the answer is validated as this model's field …
    field: str = ""  # … named so (default: dest)
    vocabulary: str | None = None  # the allowed ids, shown before the question
    many: bool = False
    required: bool = True


PARTNERSHIP = (
    Question("title", "--title", "Title, naming the thematic area (10-150 characters)", Partnership),
    Question("acronym", "--acronym", "Acronym", Partnership, required=False),
    Question("platform", "--platform", "Thematic S3 platform", Partnership, vocabulary="platforms"),
    Question("thematic_area", "--thematic-area", "Thematic area, e.g. Batteries", Partnership, required=False),
    Question("summary", "--summary", "Summary in plain text (at most 300 characters)", Partnership),
    Question("sectors", "--sector", "Sectors", Partnership, vocabulary="sectors", many=True),
    Question(
        "technology_fields",
        "--technology-field",
        "Technology fields",
        Partnership,
        vocabulary="technology_fields",
        many=True,
        required=False,
    ),
    Question("s3_priorities", "--s3-priority", "Smart-specialisation priority areas", Partnership, many=True),
    Question("activities", "--activity", "Joint activities", Partnership, vocabulary="activities", many=True),
    Question("contact_email", "--contact-email", "Contact e-mail address", Contact, "email"),
    Question("contact_name", "--contact-name", "Contact person", Contact, "name", required=False),
    Question("maintainers", "--maintainer", "GitHub logins allowed to change the file", Partnership, many=True),
)
MEMBER = (
    Question("name", "name", "Organisation name", Member),
    Question("type", "type", "Kind of organisation", Member, vocabulary="member_types"),
    Question("legal_entity", "legal-entity", "Has it its own legal entity (legal personality)? yes or no", None),
    Question(
        "managed_by",
        "managed-by",
        "Name of the legal entity that runs it (association, agency, company; blank if none)",
        ManagingEntity,
        "name",
        required=False,
    ),
    Question("country", "country", "Country: two-letter code (PL, DE, EL…) or English name", None),
    Question("region", "region", "Region: NUTS 2 or 3 code, region name or town", None),
    Question("city", "city", "City", Member, required=False),
    Question(
        "strategy",
        "strategy",
        "Regional S3 strategy it serves (blank: add s3_support later)",
        StrategyReference,
        required=False,
    ),
    Question("priority", "priority", "Priority of that strategy it serves", StrategyReference, required=False),
    Question(
        "url",
        "url",
        "Link to the published strategy (the evidence the criterion needs)",
        StrategyReference,
        required=False,
    ),
)
PARTNER_KEYS = (*MEMBER_FIELDS, *SUPPORT_FIELDS)
Questions = tuple[Question, ...]


def _coordinator_flag(question: Question) -> str:
    return f"--coordinator-{question.flag}"


def _partner_key(question: Question) -> str:
    return f"--partner {question.flag.replace('-', '_')}="


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
        f"name, type, legal_entity (yes or no) and country are required; e.g. 'name=Baltic Cluster{SEPARATOR}"
        f"type=cluster-organisation{SEPARATOR}legal_entity=yes{SEPARATOR}country=LT{SEPARATOR}region=LT01' "
        "(may be repeated)",
    )
    parser.add_argument("--slug", help="file name without .yml (default: from the title)")
    parser.add_argument("--no-input", action="store_true", help="never ask; fail when a required flag is missing")
    parser.set_defaults(run=run)


class Asker:
    """Answers from flags, or from the person at the terminal, each checked as it comes."""

    def __init__(self, interactive: bool, terms: Vocabularies) -> None:
        self.interactive = interactive
        self.terms = terms
        self.missing: list[str] = []

    def value(self, question: Question, reply: str, answers: dict[str, Any]) -> Any:
        """The checked value of a non-blank ``reply``, or Invalid."""
        if question.dest == "legal_entity":
            return yes_no(reply)
        if question.dest == "country":
            return country_code(reply, self.terms)
        if question.dest == "region":
            return self._region(reply, answers)
        assert question.model is not None
        items = [part.strip() for part in reply.split(SEPARATOR) if part.strip()] if question.many else reply
        return field_value(question.model, question.field or question.dest, items, self.terms)

    def _region(self, reply: str, answers: dict[str, Any]) -> str:
        country = answers.get("country")
        if not country:
            return reply.strip().upper()  # judged with the country by the file's check
        choice = region_choice(reply, country)
        if choice.code is not None:
            return choice.code
        if not self.interactive:
            options = "; ".join(describe(region) for region in choice.candidates)
            raise Invalid(f"'{reply}' is not a region's code or name; choose one code: {options}")
        print(f"  regions for '{reply}':")
        for number, region in enumerate(choice.candidates, 1):
            print(f"  {number:>3}. {describe(region)}")
        while True:
            picked = input(f"Which one? 1-{len(choice.candidates)}, or a code: ").strip()
            if picked.isdigit() and 1 <= int(picked) <= len(choice.candidates):
                return choice.candidates[int(picked) - 1].code
            try:
                return self._region(picked, answers)
            except Invalid as error:
                print(f"  {error}")

    def _show_choices(self, question: Question, answers: dict[str, Any]) -> None:
        if question.vocabulary:
            print(f"{question.text}, one of:" if not question.many else f"{question.text}, any of:")
            for term in self.terms.terms[question.vocabulary].values():
                print(f"  {term.id:<28} {term.label}")
        elif question.dest == "region" and answers.get("country"):
            listed = current_regions(answers["country"])
            if listed:
                print(f"NUTS 2 regions of {answers['country']} (a NUTS 3 code, a region or a place name works too):")
                for region in listed:
                    print(f"  {region.code:<6} {region.name}")

    @staticmethod
    def applies(question: Question, answers: dict[str, Any]) -> bool:
        """Only a member without legal entity of its own is asked who runs it."""
        return question.dest != "managed_by" or answers.get("legal_entity") is False

    def required(self, question: Question, answers: dict[str, Any]) -> bool:
        if question.dest == "region":  # only where the country has NUTS regions
            return answers.get("country") in regions().countries_with_regions
        return question.required

    def ask(self, question: Question, answers: dict[str, Any]) -> Any:
        self._show_choices(question, answers)
        several = f" (several: separate with {SEPARATOR})" if question.many else ""
        optional = " (blank to skip)" if not self.required(question, answers) else ""
        while True:
            reply = input(f"{question.text}{several}{optional}: ").strip()
            if not reply:
                if not self.required(question, answers):
                    return None
                print("  an answer is required")
                continue
            try:
                return self.value(question, reply, answers)
            except Invalid as error:
                print(f"  {error}")

    def answers(self, questions: Questions, given: dict[str, Any], flag: Callable[[Question], str]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for question in questions:
            value = given.get(question.dest)
            if value is not None:
                if not self.applies(question, result):
                    raise UsageError(f"{flag(question)}: only for a member whose legal entity is no")
                try:
                    text = SEPARATOR.join(value) if isinstance(value, list) else value
                    value = self.value(question, text, result)
                except Invalid as error:
                    raise UsageError(f"{flag(question)}: {error}") from None
            elif self.interactive and self.applies(question, result):
                value = self.ask(question, result)
            if value is None and self.required(question, result):
                self.missing.append(flag(question))
            result[question.dest] = value
        return result

    def partners(self) -> list[dict[str, Any]]:
        partners = []
        while self.interactive and input("Add a partner organisation now? [y/N]: ").strip().lower() in ("y", "yes"):
            print("The partner:")
            partners.append(self.answers(MEMBER, {}, _partner_key))
        return partners


PARTNER_REQUIRED = ("name", "type", "legal_entity", "country")


def parse_partner(spec: str, terms: Vocabularies) -> dict[str, Any]:
    """A member given by ``--partner``: every fact from the spec, each checked like an answer."""
    given: dict[str, Any] = {}
    for pair in filter(None, (part.strip() for part in spec.split(SEPARATOR))):
        key, _, value = pair.partition("=")
        key = key.strip().replace("-", "_")
        if key not in PARTNER_KEYS:
            raise UsageError(f"--partner: unknown key '{key}'; known keys: {', '.join(PARTNER_KEYS)}")
        given[key] = value.strip()
    missing = [f"{key}=" for key in PARTNER_REQUIRED if not given.get(key)]
    if missing:
        raise UsageError(
            f"--partner '{spec}': {', '.join(missing)} missing; name=, type=, legal_entity= (yes or no) and "
            "country= are required: escp new never assumes a member's type or legal status"
        )
    flags = Asker(interactive=False, terms=terms)
    answers = flags.answers(MEMBER, given, _partner_key)
    if flags.missing:
        raise UsageError(f"--partner '{spec}': {', '.join(flags.missing)} missing")
    return {**given, **answers}


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
    partners = [parse_partner(spec, asker.terms) for spec in args.partner] + asker.partners()
    members = [member(coordinator, "coordinator")]
    members += [member(answers, "partner") for answers in partners]
    answers["added"] = datetime.date.today().isoformat()
    return answers, members


def run(args: argparse.Namespace) -> int:
    project = project_from_args(args)
    terms = project.settings.vocabularies
    asker = Asker(sys.stdin.isatty() and not args.no_input, terms)
    try:
        answers, members = _answers(args, asker)
    except (KeyboardInterrupt, EOFError) as stop:
        print("\nescp new: stopped; nothing was written", file=sys.stderr)
        return INTERRUPTED if isinstance(stop, KeyboardInterrupt) else 1
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
