"""Turn Pydantic's errors into located problems: file line and column, field path, a clear message."""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from pydantic_core.core_schema import ErrorType

from generator.load import LoadedFile, Problem
from generator.load.source_map import dotted
from generator.reference.vocabularies import close_matches
from generator.validate.types import PATTERN_MEANINGS
from generator.wording import brief, count

BUILT_IN_ERRORS = frozenset(typing.get_args(ErrorType))
YAML_TYPES = {bool: "true/false", int: "a number", float: "a number", str: "text", list: "a list", dict: "a mapping"}


def models_in(annotation: Any) -> list[type[BaseModel]]:
    """The Pydantic models an annotation can hold (through Optional, list, Annotated, unions)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for argument in typing.get_args(annotation):
        found.extend(models_in(argument))
    return found


def allowed_fields(root: type[BaseModel], path: tuple[Any, ...]) -> list[str]:
    """Field names of the model(s) found at ``path`` below ``root``."""
    candidates = [root]
    for step in path:
        if isinstance(step, int):
            continue
        candidates = [
            model
            for candidate in candidates
            if step in candidate.model_fields
            for model in models_in(candidate.model_fields[step].annotation)
        ]
    return sorted({name for model in candidates for name in model.model_fields})


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    return YAML_TYPES.get(type(value), type(value).__name__)


def _got(value: Any) -> str:
    """What the file gave: a short value when it is text or a number, else its kind."""
    if isinstance(value, str):
        return f"'{brief(value)}'"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{_describe(value)} {value!r}"
    return _describe(value)


def _length(error: ErrorDetails) -> str:
    """Messages on the size of a text or a list."""
    kind, value, context = error["type"], error["input"], error.get("ctx") or {}
    if kind == "string_too_short":
        needed = context.get("min_length", 1)
        return "must not be empty" if needed == 1 else f"expected at least {needed} characters, got {len(value)}"
    if kind == "string_too_long":
        return f"expected at most {context.get('max_length')} characters, got {len(value)}"
    if kind == "too_short":
        needed = context.get("min_length", 1)
        return f"expected at least {count(needed, 'entry', 'entries')}, got {context.get('actual_length', 0)}"
    return f"expected at most {count(context.get('max_length', 0), 'entry', 'entries')}, got {len(value)}"


def message_for(error: ErrorDetails, root: type[BaseModel], path: tuple[Any, ...]) -> str:  # noqa: PLR0911
    """A message in plain words for one of Pydantic's errors; the models' own messages pass through."""
    kind, value, context = error["type"], error["input"], error.get("ctx") or {}
    if kind not in BUILT_IN_ERRORS:
        return error["msg"]  # a PydanticCustomError of the models: already in plain words
    if kind == "missing":
        return f"missing required field '{error['loc'][-1]}'"
    if kind == "extra_forbidden":
        key = str(path[-1])
        allowed = allowed_fields(root, path[:-1])
        close = close_matches(key, allowed, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else "."
        return f"unknown field '{brief(key)}'{hint} Allowed here: {', '.join(allowed)}"
    if kind in {"bool_type", "bool_parsing"}:
        return f"expected true or false, got {_got(value)} (yes/no/on/off are text in YAML 1.2)"
    if kind == "string_type":
        hint = "; put it in quotes to keep it as text" if isinstance(value, (int, float, bool)) else ""
        return f"expected text, got {_describe(value)}{f' {value!r}' if hint else ''}{hint}"
    if kind in {"list_type", "model_type", "dict_type", "model_attributes_type"}:
        expected = "a list" if kind == "list_type" else "a mapping of fields"
        return f"expected {expected}, got {_describe(value)}"
    if kind in {"string_too_short", "string_too_long", "too_short", "too_long"}:
        return _length(error)
    if kind == "string_pattern_mismatch":
        meaning = PATTERN_MEANINGS.get(str(context.get("pattern")), "in the expected form")
        return f"{_got(value)} is not {meaning}"
    if kind == "literal_error":
        return f"expected {context.get('expected')}, got {_got(value)}"
    if kind.startswith(("date_", "datetime_")):
        return f"expected a date written YYYY-MM-DD, such as 2024-05-31, got {_got(value)}"
    if kind == "value_error" and "email address" in error["msg"]:
        reason = str(context.get("reason", "")).strip() or "it is not one"
        return f"{_got(value)} is not an e-mail address: {reason}"
    return f"{_got(value)} is not accepted here"


def located_problems(error: ValidationError, loaded: LoadedFile, root: type[BaseModel]) -> list[Problem]:
    problems = []
    for details in error.errors(include_url=False):
        context = details.get("ctx") or {}
        loc = (*details["loc"], *context.get("at", ()))
        path, position = loaded.source_map.locate(loaded.data, loc)
        field_path = path
        if loc and (not path or path[-1] != loc[-1]) and isinstance(loc[-1], str):
            field_path = (*path, loc[-1])  # a field absent from the file, such as a missing one
        if details["type"] == "extra_forbidden":
            position = loaded.source_map.key_position(path)
        message = message_for(details, root, path)
        problems.append(Problem(position.line, position.column, dotted(field_path), message))
    return sorted(set(problems))
