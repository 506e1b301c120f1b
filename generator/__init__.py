"""escp-directory: the open directory of European Strategic Cluster Partnerships (ESCP-S3).

The pipeline reads in the package's folders: ``load`` (untrusted YAML) → ``validate`` (Pydantic
models) → ``criteria`` (the label verdicts) → ``check`` (the ``escp check`` reports).
"""
