"""Prints, at the end of the schema test run, how many documents each schema validated and the
corpus of bad documents: which rule each breaks, and who rejects it (README.md, "Schemas")."""

from __future__ import annotations

from schema_support import TALLY


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # noqa: ARG001
    write = terminalreporter.write_line
    if TALLY.validated:
        write("")
        write("documents validated, by schema:")
        for schema, n in sorted(TALLY.validated.items()):
            write(f"  {schema:<40} {n:>6}")
        write(f"  {'total':<40} {sum(TALLY.validated.values()):>6}")
    if TALLY.rejected:
        write("inputs the library rejects (not validated; the fuzz seeds and test files that fail on purpose):")
        for kind, n in sorted(TALLY.rejected.items()):
            write(f"  {kind:<40} {n:>6}")
    if TALLY.corpus:
        write("")
        write("bad documents: rejected by the schema, by the library, by both")
        write(f"  {'file':<58} {'schema':<8} {'library':<48} rule")
        for name, rule, by_schema, by_library in sorted(TALLY.corpus):
            write(f"  {name:<58} {'yes' if by_schema else 'no':<8} {by_library:<48} {rule}")
        both = sum(1 for _, _, s, lib in TALLY.corpus if s and lib)
        only_library = sum(1 for _, _, s, lib in TALLY.corpus if not s and lib)
        write(f"  by both: {both}, by the library only: {only_library}, by the schema only: "
              f"{sum(1 for _, _, s, lib in TALLY.corpus if s and not lib)}")
    for note in TALLY.notes:
        write(note)
