"""Stage 4 for contributors: ``escp check`` — run the pipeline on files and report per criterion."""

from generator.check.runner import CheckReport, FileReport, UsageError, check_paths

__all__ = ["CheckReport", "FileReport", "UsageError", "check_paths"]
