"""Stage 1: read untrusted partnership files into plain data with a map back to the source."""

from generator.load.problems import Problem
from generator.load.reader import LoadedFile, read_partnership_file
from generator.load.source_map import DataPath, Position, SourceMap

__all__ = ["DataPath", "LoadedFile", "Position", "Problem", "SourceMap", "read_partnership_file"]
