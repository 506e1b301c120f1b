"""The ``escp`` MkDocs plugin's events: thin seams between MkDocs and the pipeline.

Everything it shows comes from ``generator.structure`` (what to show), ``generator.render`` (pages
and their HTML), ``generator.explorer`` and ``generator.export`` (data files).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from generator.check.visible import visible
from generator.explorer import explorer_context, write_explorer_assets
from generator.export import exported_files
from generator.load import Problem
from generator.plugin.options import EscpOptions
from generator.render.pages import PageSpec, home_blocks, site_pages
from generator.render.problems import problems_page
from generator.render.templates import Renderer
from generator.settings import ConfigError, Settings
from generator.structure import SiteData, urls
from generator.structure.directory import DirectoryError, load_directory

HOME = urls.source(urls.HOME)
# Our templates mark whole sections, never nested in one another, as left out of the site search.
EXCLUDED_START, EXCLUDED_END = "<section data-search-exclude>", "</section>"
LOG = get_plugin_logger(__name__)  # escp build shows its INFO messages: the checker's warnings
NO_DATE = "1970-01-01"  # sitemap date when no partnership has an ``added`` date: never the clock


def _without_excluded_sections(html: str) -> str:
    """``html`` without its data-search-exclude sections (found with str.find: a lazy regular expression
    takes 50 times as long on a partnership page)."""
    kept = []
    position = 0
    while (start := html.find(EXCLUDED_START, position)) != -1 and (end := html.find(EXCLUDED_END, start)) != -1:
        kept.append(html[position:start])
        position = end + len(EXCLUDED_END)
    kept.append(html[position:])
    return "".join(kept)


class EscpPlugin(BasePlugin[EscpOptions]):  # type: ignore[no-untyped-call]  # MkDocs' own hook
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.serving = False
        self.problems: tuple[tuple[Path, Problem], ...] = ()  # while serving: the invalid files' problems
        self.settings: Settings | None = None
        self.data: SiteData | None = None
        self.specs: dict[str, PageSpec] = {}
        self.renderer: Renderer | None = None
        self.full_content: str | None = None  # the page being written, while the search plugin sees less
        self.sidebars: dict[str, Markup] = {}  # folder → sidebars of the pages out of the navigation there

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        try:
            self.settings = self.config.settings(config.config_file_path or "mkdocs.yml")
        except ConfigError as error:
            raise PluginError(str(error)) from error
        return config

    def partnerships_dir(self, config: MkDocsConfig) -> Path:
        assert self.settings is not None
        return Path(config.config_file_path or ".").parent / self.settings.partnerships_dir

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.settings is not None
        try:
            directory = load_directory(self.partnerships_dir(config), self.settings)
        except DirectoryError as error:
            if not self.serving:
                raise PluginError(visible(str(error))) from error
            return self._problems_only(error, files, config)
        self.problems = ()
        for entry in directory.entries:
            for warning in entry.warnings:  # advice, not a build failure: strict builds stop on warnings
                where = f"{visible(str(entry.source))}:{warning.line}:{warning.column}"
                LOG.info(f"{where}: warning: {visible(warning.field)}: {visible(warning.message)}")
        self.data = SiteData.of(directory, config.site_url or "/")
        self.renderer = Renderer(config.theme.dirs, self.data)
        self.specs = {spec.src: spec for spec in site_pages(self.data, explorer_context(directory))}
        self.specs[HOME] = home_blocks(self.data)
        for spec in self.specs.values():
            if spec.src != HOME:
                inclusion = InclusionLevel.UNDEFINED if spec.in_nav else InclusionLevel.NOT_IN_NAV
                files.append(File.generated(config, spec.src, content="", inclusion=inclusion))
        return files

    def _problems_only(self, error: DirectoryError, files: Files, config: MkDocsConfig) -> Files:
        """While serving: no pages (and no navigation to check), only the problems page written after the build,
        until the files are fixed and the watcher rebuilds."""
        LOG.error(visible(str(error)))
        here = Path.cwd()
        shown = [
            (path.resolve().relative_to(here) if path.resolve().is_relative_to(here) else path, problem)
            for path, problem in error.problems
        ]
        self.problems, self.data, self.specs = tuple(shown), None, {}
        config.nav = None
        return Files([file for file in files if not file.is_documentation_page()])

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        spec = self.specs.get(page.file.src_uri)
        if spec is None or spec.src == HOME:
            return markdown
        # Material prints these values without escaping; they may come from a partnership file.
        page.meta["title"] = escape(spec.title)
        if spec.description:
            page.meta["description"] = escape(spec.description)
        return markdown

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        self.sidebars = {}
        env.globals["escp_sidebars"] = self._sidebars
        # The sitemap's dates (and its gzip timestamp) come from the data, so builds are reproducible.
        default = (self.data and self.data.updated) or NO_DATE
        for file in files.documentation_pages():
            if file.page is not None:
                spec = self.specs.get(file.src_uri)
                file.page.update_date = (spec and spec.updated) or default
        return env

    def _sidebars(self, page: Page | None, render: Callable[[], Markup]) -> Markup:
        """Material's sidebars (theme/main.html). A generated page out of the navigation, without a table of
        contents, leaves no trace in them (no active item): only its folder does, through the relative links,
        the same for every page in it (partnerships/a/ and partnerships/b/ link alike to any page outside)."""
        spec = self.specs.get(page.file.src_uri) if page is not None else None
        if page is None or spec is None or spec.in_nav or page.toc.items or page.meta.get("hide"):
            return render()
        folder = page.url.rstrip("/").rpartition("/")[0]
        if folder not in self.sidebars:
            self.sidebars[folder] = render()
        return self.sidebars[folder]

    @event_priority(100)  # before Material's search plugin reads page.content
    def _before_search(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        """A generated page's content, rendered only now that its turn to be written has come, and let go once it
        is written (on_post_page): the pages are never all in memory at once."""
        spec = self.specs.get(page.file.src_uri)
        if spec is None or self.renderer is None:
            return context
        links = urls.Links(get_relative_url("./", page.url).removeprefix("./"))  # the home page: ""
        content = self.renderer.render(spec.template, links, spec.context)
        self.full_content = (page.content or "") + content if spec.src == HOME else content
        # The search plugin would parse the whole page only to skip its data-search-exclude sections.
        page.content = _without_excluded_sections(self.full_content)
        return context

    @event_priority(-100)  # after the search plugin: the page is rendered in full
    def _after_search(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
        if self.full_content is not None:
            page.content, self.full_content = self.full_content, None
        return context

    on_page_context = CombinedEvent(_before_search, _after_search)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if page.file.src_uri in self.specs:
            page.content = None
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        if self.problems:  # the home page and every other address (404) show them
            page = problems_page(config.theme.dirs, self.problems).encode()
            for name in ("index.html", "404.html"):
                (site_dir / name).write_bytes(page)
            return
        if self.data is None:
            return
        maps = self.renderer.maps.asset_files() if self.renderer else {}
        for path, parts in itertools.chain(exported_files(self.data), ((path, [data]) for path, data in maps.items())):
            target = site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            with target.open("wb") as output:
                output.writelines(parts)
        write_explorer_assets(self.data.directory, site_dir)

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any) -> LiveReloadServer:
        server.watch(str(self.partnerships_dir(config)))
        return server
