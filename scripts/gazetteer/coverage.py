#!/usr/bin/env python3
"""Report which countries and periods the gazetteer's heads of state and government cover.

Usage: python3 scripts/gazetteer/coverage.py [--decades] [--from YEAR] [--to YEAR] [--countries A,B|un]
Prints, per country, the years of the period in which no head of state (S) or no head of government (G) of
offices.tsv is in office, and with --decades the count of office-holders of each kind per decade. The default
period is 2000-2026 and the default countries the UN member states (scripts/gazetteer/un-members.txt).
A presidential state lists its president as head of state only, so its G gaps are expected; Commonwealth realms
have the British monarch as head of state, so their S gaps are expected too.
"""

import argparse
import difflib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
LEVELS = {"head_of_state": "S", "head_of_government": "G"}


def table(path):
    """The rows of a gazetteer TSV file as dicts (comments skipped, the header names the columns)."""
    lines = [l.rstrip("\n") for l in open(path, encoding="utf-8") if l.strip() and not l.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, l.split("\t"))) for l in lines[1:]]


def un_members():
    words = open(os.path.join(HERE, "un-members.txt"), encoding="utf-8").read().split("\n")
    return [w for l in words if not l.startswith("#") for w in l.split()]


def years_held(office, last):
    """The years an office was held in (an unknown start counts as its end year; no end means still held)."""
    end = int(office["end"][:4]) if office["end"] else last
    start = int(office["start"][:4]) if office["start"] else end
    return range(start, end + 1)


def holders_by_year(offices, first, last):
    """(country, kind) -> year -> set of person ids in office that year."""
    held = {}
    for o in offices:
        kind = LEVELS.get(o["level"])
        if not kind:
            continue
        for y in years_held(o, last):
            if first <= y <= last:
                held.setdefault((o["country"], kind), {}).setdefault(y, set()).add(o["person"])
    return held


def runs(years):
    """'1990-1994, 2001' for a sorted list of years."""
    out, start = [], None
    for i, y in enumerate(years):
        if start is None:
            start = y
        if i + 1 == len(years) or years[i + 1] != y + 1:
            out.append(str(start) if start == y else f"{start}-{y}")
            start = None
    return ", ".join(out)


def decade_counts(held, country, kind, first, last):
    cells = []
    for d in range(first // 10 * 10, last + 1, 10):
        people = set()
        for y in range(d, d + 10):
            people |= held.get((country, kind), {}).get(y, set())
        cells.append(f"{d}s:{len(people)}")
    return " ".join(cells)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--from", dest="first", type=int, default=2000)
    p.add_argument("--to", dest="last", type=int, default=2026)
    p.add_argument("--countries", default="un", help="comma-separated alpha-3 codes, or 'un'")
    p.add_argument("--decades", action="store_true", help="also print office-holders per decade")
    a = p.parse_args()
    base = os.path.join(ROOT, "Data", "gazetteer")
    names = {r["alpha3"]: r["name"] for r in table(os.path.join(base, "countries.tsv"))}
    countries = un_members() if a.countries == "un" else a.countries.split(",")
    unknown = [c for c in countries if c not in names]
    if unknown:
        hints = [f"{c} (did you mean {', '.join(m)}?)" if (m := difflib.get_close_matches(c.upper(), names, 3)) else c
                 for c in unknown]
        sys.exit(f"coverage.py: unknown country code(s) {'; '.join(hints)} (see Data/gazetteer/countries.tsv)")
    held = holders_by_year(table(os.path.join(base, "offices.tsv")), a.first, a.last)
    full = 0
    for c in sorted(countries, key=lambda c: names[c]):
        gaps = {k: [y for y in range(a.first, a.last + 1) if not held.get((c, k), {}).get(y)] for k in "SG"}
        both = [y for y in gaps["S"] if y in gaps["G"]]
        full += not both
        line = f"{c} {names[c]}: no S {runs(gaps['S']) or '-'}; no G {runs(gaps['G']) or '-'}; neither {runs(both) or '-'}"
        print(line)
        if a.decades:
            for k in "SG":
                print(f"    {k} {decade_counts(held, c, k, a.first, a.last)}")
    print(f"{full} of {len(countries)} countries have a head of state or government every year {a.first}-{a.last}")


if __name__ == "__main__":
    main()
