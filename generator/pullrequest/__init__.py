"""Stage 4 for maintainers: a pull request's changes reviewed (ownership, renames, deletions, other files),
and the report turned into the pull-request comment.

``changes`` runs in the untrusted validate workflow (``escp check --changed-since``); ``comment``
runs in the trusted comment workflow and reads only the artifact, with the report's own models.
"""
