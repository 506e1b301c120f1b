"""Turn Pydantic's errors into located problems: file line and column, field path, a clear message."""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.load import LoadedFile, Problem
from generator.load.source_map import dotted
from generator.reference.vocabularies import close_matches

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
    return YAML_TYPES.get(type(value), type(value).__name__)


def message_for(error: ErrorDetails, root: type[BaseModel], path: tuple[Any, ...]) -> str:
    kind, value = error["type"], error["input"]
    if kind == "missing":
        return f"missing required field '{error['loc'][-1]}'"
    if kind == "extra_forbidden":
        key = str(path[-1])
        allowed = allowed_fields(root, path[:-1])
        close = close_matches(key, allowed, n=1)
        hint = f"; did you mean '{close[0]}'?" if close else "."
        return f"unknown field '{key}'{hint} Allowed here: {', '.join(allowed)}"
    if kind in {"bool_type", "bool_parsing"}:
        return f"expected true or false, got {value!r} (yes/no/on/off are text in YAML 1.2)"
    if kind == "string_type" and isinstance(value, (int, float, bool)):
        return f"expected text, got {_describe(value)} {value!r}; put it in quotes to keep it as text"
    if kind in {"list_type", "model_type", "dict_type", "model_attributes_type"}:
        expected = "a list" if kind == "list_type" else "a mapping of fields"
        return f"expected {expected}, got {_describe(value)}"
    return error["msg"]


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
