"""The explorer's data: facets and counts, the packed lunr index, the downloaded files and their size."""

from __future__ import annotations

import dataclasses
import gzip
import json
from collections import Counter
from pathlib import Path

import pytest
from lunr import lunr
from lunr.builder import Builder
from lunr.stop_word_filter import stop_word_filter
from lunr.token import Token
from lunr.trimmer import trimmer

from generator.explorer import explorer_context, write_explorer_assets
from generator.explorer.index import FIELDS, LUNR_VERSION
from generator.explorer.stemmer import stem
from generator.explorer.text import index_documents
from generator.settings import settings_from
from generator.structure.directory import Directory, load_directory
from tests.conftest import PARTNERSHIPS, ROOT

BUDGET_GZIPPED_BYTES_PER_PARTNERSHIP = 1024
FILES = ("explorer-facets.json", "explorer-index.json")  # the filters', then search's


def read(folder: Path, name: str) -> dict:
    return json.loads((folder / name).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def directory() -> Directory:
    return load_directory(PARTNERSHIPS, settings_from(None))


@pytest.fixture(scope="module")
def written(directory: Directory, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("site")
    write_explorer_assets(directory, site)
    return site / "assets" / "escp"


def _facet(context: dict, name: str) -> dict[str, int]:
    facet = next(facet for facet in context["facets"] if facet["name"] == name)
    return {option["value"]: option["count"] for option in facet["options"]}


def test_facet_counts_are_the_number_of_partnerships_with_each_value(directory):
    context = explorer_context(directory)
    partnerships = [entry.partnership for entry in directory.entries]
    assert _facet(context, "platform") == Counter(p.platform for p in partnerships)
    assert _facet(context, "country") == Counter(c for p in partnerships for c in {m.country for m in p.members})
    assert _facet(context, "sector") == Counter(s for p in partnerships for s in p.sectors)
    assert _facet(context, "open") == {"yes": sum(p.seeking_partners is not None for p in partnerships)}
    categories = Counter(
        category
        for entry in directory.entries
        for category in {directory.context.classification(m).category for m in entry.partnership.members}
        if category
    )
    assert _facet(context, "category") == categories


def test_facet_options_have_readable_labels_in_a_stable_order(directory):
    facets = {facet["name"]: facet for facet in explorer_context(directory)["facets"]}
    countries = [option["label"] for option in facets["country"]["options"]]
    assert countries == sorted(countries, key=str.casefold)
    assert "Germany" in countries
    categories = [option["label"] for option in facets["category"]["options"]]
    assert categories == ["Less developed", "Transition", "More developed"]
    assert facets["platform"]["options"][0]["label"] == "Industrial Modernisation"


def test_every_partnership_is_listed_with_its_page(directory):
    records = explorer_context(directory)["partnerships"]
    assert [record["url"] for record in records] == [f"partnerships/{entry.slug}/" for entry in directory.entries]
    assert [record["ref"] for record in records] == list(range(len(directory.entries)))
    first = records[0]
    assert first["title"] == directory.entries[0].partnership.title
    assert {country["code"] for country in first["countries"]} == {
        m.country for m in directory.entries[0].partnership.members
    }


def _lunr_js_stemmer(token: Token, i: int | None = None, tokens: list[Token] | None = None) -> Token:
    return token.update(lambda word, _metadata: stem(word))


_lunr_js_stemmer.label = "stemmer"  # type: ignore[attr-defined]  # the name lunr.js loads its stemmer under


def english_builder() -> Builder:
    """lunr.py's builder with lunr.js's English pipeline: the reference the index must equal."""
    builder = Builder()
    builder.pipeline.add(trimmer, stop_word_filter, _lunr_js_stemmer)
    builder.search_pipeline.add(_lunr_js_stemmer)
    return builder


def _lunr_vectors(serialized: dict) -> dict[tuple[str, str], dict[str, float]]:
    """lunr's own serialisation as {(field, ref): {term: score}}."""
    terms = {posting["_index"]: term for term, posting in serialized["invertedIndex"]}
    vectors = {}
    for key, vector in serialized["fieldVectors"]:
        field, ref = key.split("/", 1)
        vectors[(field, ref)] = {terms[vector[i]]: vector[i + 1] for i in range(0, len(vector), 2)}
    return vectors


def _packed_vectors(packed: dict) -> dict[tuple[str, str], dict[str, float]]:
    """The packed index, decoded as explorer.js does, as {(field, ref): {term: score}}."""
    vectors = {}
    for field, per_document in zip(packed["fields"], packed["vectors"], strict=True):
        for ref, vector in enumerate(per_document):
            term, decoded = 0, {}
            for i in range(0, len(vector), 2):
                term += vector[i]
                decoded[packed["terms"][term]] = vector[i + 1]
            vectors[(field, str(ref))] = decoded
    return vectors


def test_the_packed_index_holds_exactly_what_lunr_built(directory, written):
    packed = read(written, "explorer-index.json")["index"]
    serialized = lunr("ref", list(FIELDS), index_documents(directory), builder=english_builder()).serialize()
    assert sorted(packed["terms"]) == [term for term, _ in serialized["invertedIndex"]]
    assert _packed_vectors(packed) == _lunr_vectors(serialized)
    assert packed["pipeline"] == ["stemmer"] and packed["version"] == "2.3.9"


def test_country_names_are_indexed_and_codes_resolve_to_them(directory, written):
    data = read(written, "explorer-index.json")
    assert data["countries"]["NO"] == "Norway"
    assert {"norway", "germani", "itali"} <= set(data["index"]["terms"])
    assert not {"no", "it", "be"} & set(data["index"]["terms"])


def test_descriptions_regions_cities_and_members_are_searchable(directory):
    entry = directory.by_slug("blue-bioeconomy")
    body = next(doc["body"] for doc in index_documents(directory) if doc["ref"] == str(directory.entries.index(entry)))
    for words in ("omega-3 oils", "Reykjavik", "Galicia", "Connemara Seaweed Innovation Cluster", "Iceland"):
        assert words in body


def test_markdown_links_leave_their_text_not_their_address(directory):
    entry = directory.entries[0]
    description = "See [the roadmap](https://example.org/secret-path) and <b>bold</b> https://naked.example.org/x"
    changed = dataclasses.replace(entry, partnership=entry.partnership.model_copy(update={"description": description}))
    body = index_documents(dataclasses.replace(directory, entries=(changed,)))[0]["body"]
    assert "the roadmap" in body
    assert "secret-path" not in body and "naked" not in body and "<b>" not in body


def test_index_and_facets_weigh_at_most_1_kb_gzipped_per_partnership(directory, written, record_property):
    raw = b"".join((written / name).read_bytes() for name in FILES)
    per_partnership = len(gzip.compress(raw, 9)) / len(directory.entries)
    record_property("explorer_bytes_per_partnership", round(len(raw) / len(directory.entries)))
    record_property("explorer_gzipped_bytes_per_partnership", round(per_partnership))
    assert per_partnership <= BUDGET_GZIPPED_BYTES_PER_PARTNERSHIP


def test_vendored_lunr_js_is_the_version_of_the_index_and_the_output_is_reproducible(directory, written, tmp_path):
    vendored = (ROOT / "theme" / "assets" / "escp" / "vendor" / "lunr.js").read_bytes()
    assert f" - {LUNR_VERSION}\n".encode() in vendored[:200]
    write_explorer_assets(directory, tmp_path)
    for name in FILES:
        assert (tmp_path / "assets" / "escp" / name).read_bytes() == (written / name).read_bytes()


def test_an_empty_directory_gives_an_empty_explorer(directory, tmp_path):
    empty = dataclasses.replace(directory, entries=())
    context = explorer_context(empty)
    assert context["total"] == 0 and context["partnerships"] == []
    assert all(facet["options"] == [] for facet in context["facets"])
    write_explorer_assets(empty, tmp_path)
    folder = tmp_path / "assets" / "escp"
    assert read(folder, "explorer-facets.json")["docs"] == []
    assert read(folder, "explorer-index.json")["index"]["terms"] == []


def test_the_explorer_filters_on_a_recorded_label_and_on_status(directory):
    context = explorer_context(directory)
    partnerships = [entry.partnership for entry in directory.entries]
    assert _facet(context, "label") == {"awarded": sum(p.label is not None for p in partnerships)}
    assert _facet(context, "status") == Counter("ended" if p.ended else "active" for p in partnerships)
    assert _facet(context, "status")["ended"] >= 1
