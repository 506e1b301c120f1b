"""escp-directory: the open directory of European Strategic Cluster Partnerships (ESCP-S3).

The package's folders are the pipeline, in order.

Checking a partnership file (``escp check``; no MkDocs, Jinja or Markdown is imported):

- ``load``: untrusted YAML → plain data (YAML 1.2, no anchors or tags), with a map back to each line;
- ``validate``: the Pydantic models of a partnership file, the source of the JSON Schema and messages;
- ``criteria``: the four label criteria, each verdict with its evidence;
- ``check``: the checker over files and folders, and its report (text, JSON, GitHub annotations);
- ``pullrequest``: what a pull request changes and who may change it, and the report as its comment.

Building the site (``escp build``, through the MkDocs plugin):

- ``structure``: the checked directory and what the site shows of it (organisations, countries) and
  where (``urls``, the one module that knows the site's addresses);
- ``render``: the generated pages, rendered by an escaping template environment from ``theme/escp/``;
- ``explorer``: the explorer's prebuilt search index and facets;
- ``export``: the open-data files (JSON, CSV, schemas, Atom feed);
- ``plugin``: MkDocs' one door — the plugin's events, its MkDocs options, and building and serving.

Beside the pipeline: ``settings`` (the directory's configuration, read from ``site-config.yml``),
``reference`` (countries, NUTS regions, categories, vocabularies; data in ``data/``) and ``commands``
(the ``escp`` command line).
"""
