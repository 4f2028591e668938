#!/usr/bin/env python3
"""Validate the gazetteer files against Data/gazetteer/FORMAT.md.

Usage: python3 scripts/gazetteer/check.py [DIR]   (DIR defaults to Data/gazetteer)
Prints one `file:line:column: message` per problem and exits 1 if there is any, 0 otherwise.
Columns are counted from 1 (the column number is the TSV cell, not the character).
"""

import os
import re
import sys
import unicodedata

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

SCHEMAS = {
    "countries.tsv": ["alpha2", "alpha3", "numeric", "name", "official_name", "aliases", "demonyms", "capital"],
    "cities.tsv": ["id", "name", "country", "population", "aliases"],
    "curated/country-aliases.tsv": ["country", "alias", "lang", "kind"],
    "curated/city-aliases.tsv": ["city", "alias", "lang"],
    "persons.tsv": ["id", "name", "country", "aliases", "short"],
    "person-genders.tsv": ["person", "gender"],
    "offices.tsv": ["person", "title", "level", "country", "organisation", "start", "end"],
    "organisations.tsv": ["id", "name", "kind", "country", "aliases"],
    "subdivisions.tsv": ["code", "name", "country", "type", "aliases"],
    "former-states.tsv": ["alpha3", "name", "from", "to", "successors"],
    "curated/subdivision-aliases.tsv": ["subdivision", "alias", "lang"],
    "curated/former-states.tsv": ["alpha3", "name", "official_name", "kind", "from", "to", "successors", "capital_today"],
}
LEVELS = {"head_of_party", "head_of_state", "head_of_government", "legislature_head",
          "deputy_head_of_state", "deputy_head_of_government", "minister", "other"}
ORG_KINDS = {"party", "ministry", "government", "legislature", "news_agency", "other"}
ALIAS_KINDS = {"name", "press", "abbreviation", "demonym"}
GENDERS = {"f", "m"}
LIST_COLUMNS = {"aliases", "demonyms", "short", "successors"}
REQUIRED = {
    "countries.tsv": {"alpha2", "alpha3", "name"},
    "cities.tsv": {"id", "name", "country"},
    "curated/country-aliases.tsv": {"country", "alias", "lang", "kind"},
    "curated/city-aliases.tsv": {"city", "alias", "lang"},
    "persons.tsv": {"id", "name", "country"},
    "person-genders.tsv": {"person", "gender"},
    "offices.tsv": {"person", "title", "level", "country"},
    "organisations.tsv": {"id", "name", "kind"},
    "subdivisions.tsv": {"code", "name", "country"},
    "former-states.tsv": {"alpha3", "name", "from", "to", "successors"},
    "curated/subdivision-aliases.tsv": {"subdivision", "alias", "lang"},
    "curated/former-states.tsv": {"alpha3", "name", "kind", "from", "to", "successors"},
}
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

problems = []


def report(path, line, col, msg):
    problems.append(f"{path}:{line}:{col}: {msg}")


def fold(s):
    s = s.replace("Đ", "D").replace("đ", "d")
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s.casefold() if c.isalnum() and not unicodedata.combining(c))


def parse_date(s):
    """Returns a sortable tuple or None if s is not an ISO partial date."""
    m = DATE.match(s)
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    if mo is not None and not 1 <= int(mo) <= 12:
        return None
    if d is not None and not 1 <= int(d) <= DAYS[int(mo) - 1]:
        return None
    return (int(y), int(mo or 0), int(d or 0))


def read(base, rel):
    """Yields (lineno, dict of cells) for a file; reports structural problems."""
    path = os.path.join(base, rel)
    shown = os.path.relpath(path, ROOT) if path.startswith(ROOT) else path
    if not os.path.exists(path):
        report(shown, 1, 1, "file missing")
        return shown, []
    columns = SCHEMAS[rel]
    rows = []
    with open(path, "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[:e.start].count(b"\n") + 1
        report(shown, line, 1, f"invalid UTF-8 at byte {e.start}")
        return shown, []
    header_seen = False
    for n, line in enumerate(text.split("\n"), 1):
        if line.endswith("\r"):
            report(shown, n, len(line), "CR line ending")
            line = line[:-1]
        if not line.strip() or line.startswith("#"):
            continue
        if unicodedata.normalize("NFC", line) != line:
            report(shown, n, 1, "line is not NFC")
        cells = line.split("\t")
        if not header_seen:
            header_seen = True
            if cells != columns:
                report(shown, n, 1, f"header must be {' '.join(columns)!r}")
                return shown, []
            continue
        if len(cells) != len(columns):
            report(shown, n, min(len(cells), len(columns)) + 1,
                   f"expected {len(columns)} columns, got {len(cells)}")
            continue
        row = dict(zip(columns, cells))
        for i, c in enumerate(columns, 1):
            v = row[c]
            if v != v.strip():
                report(shown, n, i, f"{c}: leading or trailing space")
            if c in REQUIRED[rel] and not v:
                report(shown, n, i, f"{c}: must not be empty")
            if c in LIST_COLUMNS and v:
                items = v.split("|")
                if any(not x.strip() for x in items):
                    report(shown, n, i, f"{c}: empty list item")
                if len(set(items)) != len(items):
                    report(shown, n, i, f"{c}: repeated list item")
            elif "|" in v:
                report(shown, n, i, f"{c}: '|' in a single-valued cell")
        rows.append((n, row))
    if not header_seen:
        report(shown, 1, 1, "no header")
    return shown, rows


def col(rel, name):
    return SCHEMAS[rel].index(name) + 1


def main():
    base = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "Data", "gazetteer")
    data = {rel: read(base, rel) for rel in SCHEMAS}

    # countries
    f, rows = data["countries.tsv"]
    countries, alpha2s, owner = set(), set(), {}
    rel = "countries.tsv"
    for n, r in rows:
        if not re.match(r"^[A-Z]{3}$", r["alpha3"]):
            report(f, n, col(rel, "alpha3"), f"alpha3 {r['alpha3']!r} is not three capitals")
        if not re.match(r"^[A-Z]{2}$", r["alpha2"]):
            report(f, n, col(rel, "alpha2"), f"alpha2 {r['alpha2']!r} is not two capitals")
        if r["numeric"] and not re.match(r"^\d{3}$", r["numeric"]):
            report(f, n, col(rel, "numeric"), f"numeric {r['numeric']!r} is not three digits")
        if r["alpha3"] in countries:
            report(f, n, col(rel, "alpha3"), f"duplicate alpha3 {r['alpha3']}")
        if r["alpha2"] in alpha2s:
            report(f, n, col(rel, "alpha2"), f"duplicate alpha2 {r['alpha2']}")
        countries.add(r["alpha3"])
        alpha2s.add(r["alpha2"])
        for c in ("name", "aliases", "demonyms"):
            for x in (r[c].split("|") if r[c] else []):
                k = fold(x)
                if k in owner and owner[k][0] != r["alpha3"]:
                    report(f, n, col(rel, c), f"{x!r} also names {owner[k][0]} (line {owner[k][1]})")
                owner.setdefault(k, (r["alpha3"], n))

    # cities
    f, rows = data["cities.tsv"]
    rel = "cities.tsv"
    cities = set()
    for n, r in rows:
        if not re.match(r"^geonames:\d+$", r["id"]):
            report(f, n, 1, f"id {r['id']!r} is not geonames:<number>")
        if r["id"] in cities:
            report(f, n, 1, f"duplicate id {r['id']}")
        cities.add(r["id"])
        if r["country"] not in countries:
            report(f, n, col(rel, "country"), f"unknown country {r['country']}")
        if r["population"] and not r["population"].isdigit():
            report(f, n, col(rel, "population"), "population is not a number")
        if r["aliases"] and len(r["aliases"].split("|")) > 40:
            report(f, n, col(rel, "aliases"), "too many aliases")
    f, rows = data["countries.tsv"]
    for n, r in rows:
        if r["capital"] and r["capital"] not in cities:
            report(f, n, col("countries.tsv", "capital"), f"capital {r['capital']} not in cities.tsv")

    # curated
    f, rows = data["curated/country-aliases.tsv"]
    rel = "curated/country-aliases.tsv"
    names = {}
    for n, r in rows:
        if r["country"] not in countries:
            report(f, n, 1, f"unknown country {r['country']}")
        if r["kind"] not in ALIAS_KINDS:
            report(f, n, col(rel, "kind"), f"kind {r['kind']!r} not one of {sorted(ALIAS_KINDS)}")
        if not re.match(r"^[a-z]{2,3}$", r["lang"]):
            report(f, n, col(rel, "lang"), f"lang {r['lang']!r} is not a language code")
        if r["kind"] == "name":
            if r["country"] in names:
                report(f, n, col(rel, "kind"), f"second `name` for {r['country']} (line {names[r['country']]})")
            names.setdefault(r["country"], n)
    f, rows = data["curated/city-aliases.tsv"]
    for n, r in rows:
        if r["city"] not in cities:
            report(f, n, 1, f"city {r['city']} not in cities.tsv")
        if not re.match(r"^[a-z]{2,3}$", r["lang"]):
            report(f, n, 3, f"lang {r['lang']!r} is not a language code")

    # organisations
    f, rows = data["organisations.tsv"]
    rel = "organisations.tsv"
    orgs = set()
    for n, r in rows:
        if not SLUG.match(r["id"]):
            report(f, n, 1, f"id {r['id']!r} is not a slug")
        if r["id"] in orgs:
            report(f, n, 1, f"duplicate id {r['id']}")
        orgs.add(r["id"])
        if r["kind"] not in ORG_KINDS:
            report(f, n, col(rel, "kind"), f"kind {r['kind']!r} not one of {sorted(ORG_KINDS)}")
        if r["country"] and r["country"] not in countries:
            report(f, n, col(rel, "country"), f"unknown country {r['country']}")

    f, rows = data["organisations.tsv"]
    named = {}
    for n, r in rows:
        for c in ("name", "aliases"):
            for x in (r[c].split("|") if r[c] else []):
                k = fold(x)
                if k in named and named[k][0] != r["id"]:
                    report(f, n, col(rel, c), f"{x!r} also names {named[k][0]} (line {named[k][1]})")
                named.setdefault(k, (r["id"], n))

    # persons
    f, rows = data["persons.tsv"]
    rel = "persons.tsv"
    persons = set()
    for n, r in rows:
        if not SLUG.match(r["id"]):
            report(f, n, 1, f"id {r['id']!r} is not a slug")
        if r["id"] in persons:
            report(f, n, 1, f"duplicate id {r['id']}")
        persons.add(r["id"])
        if r["country"] not in countries:
            report(f, n, col(rel, "country"), f"unknown country {r['country']}")
        if not r["short"]:
            report(f, n, col(rel, "short"), "short is empty")

    # a person's name or alias (folded) must not name another person, unless both hold dated offices that never
    # overlap: the text's time then tells them apart ("George Bush" in 1989 and in 2003)
    def terms(pid):
        return [(o["start"], o["end"] or "9999") for _, o in data["offices.tsv"][1] if o["person"] == pid and o["start"]]
    def told_apart(a, b):
        ta, tb = terms(a), terms(b)
        return bool(ta) and bool(tb) and all(e1 <= s2 or e2 <= s1 for s1, e1 in ta for s2, e2 in tb)
    f, rows = data["persons.tsv"]
    named = {}
    for n, r in rows:
        for c in ("name", "aliases"):
            for x in (r[c].split("|") if r[c] else []):
                k = fold(x)
                if k in named and named[k][0] != r["id"] and not told_apart(named[k][0], r["id"]):
                    report(f, n, col(rel, c), f"{x!r} also names {named[k][0]} (line {named[k][1]})")
                named.setdefault(k, (r["id"], n))

    # person genders: a known person, f or m, once
    f, rows = data["person-genders.tsv"]
    rel = "person-genders.tsv"
    gendered = {}
    for n, r in rows:
        if r["person"] not in persons:
            report(f, n, 1, f"unknown person {r['person']}")
        if r["gender"] not in GENDERS:
            hint = f" (did you mean {r['gender'][:1].lower()!r}?)" if r["gender"][:1].lower() in GENDERS else ""
            report(f, n, col(rel, "gender"), f"gender {r['gender']!r} not one of {sorted(GENDERS)}{hint}")
        if r["person"] in gendered:
            report(f, n, 1, f"{r['person']} already on line {gendered[r['person']]}")
        gendered.setdefault(r["person"], n)

    # offices
    f, rows = data["offices.tsv"]
    rel = "offices.tsv"
    seen = {}
    for n, r in rows:
        if r["person"] not in persons:
            report(f, n, 1, f"unknown person {r['person']}")
        if r["level"] not in LEVELS:
            report(f, n, col(rel, "level"), f"level {r['level']!r} not one of {sorted(LEVELS)}")
        if r["country"] not in countries:
            report(f, n, col(rel, "country"), f"unknown country {r['country']}")
        if r["organisation"] and r["organisation"] not in orgs:
            report(f, n, col(rel, "organisation"), f"unknown organisation {r['organisation']}")
        s = parse_date(r["start"]) if r["start"] else None
        if r["start"] and s is None:
            report(f, n, col(rel, "start"), f"start {r['start']!r} is not an ISO partial date")
        e = parse_date(r["end"]) if r["end"] else None
        if r["end"] and e is None:
            report(f, n, col(rel, "end"), f"end {r['end']!r} is not an ISO partial date")
        if s and e:
            # compare at the coarser precision of the two
            k = min(sum(1 for x in s if x), sum(1 for x in e if x))
            if e[:k] < s[:k]:
                report(f, n, col(rel, "end"), f"end {r['end']} before start {r['start']}")
        key = (r["person"], r["title"], r["start"])
        if key in seen:
            report(f, n, 1, f"same office and start as line {seen[key]}")
        seen.setdefault(key, n)

    # subdivisions
    f, rows = data["subdivisions.tsv"]
    rel = "subdivisions.tsv"
    codes = set()
    for n, r in rows:
        if not re.match(r"^[A-Z]{2}-[A-Z0-9]{1,3}$", r["code"]):
            report(f, n, 1, f"code {r['code']!r} is not an ISO 3166-2 code")
        if r["code"] in codes:
            report(f, n, 1, f"duplicate code {r['code']}")
        codes.add(r["code"])
        if r["country"] not in countries:
            report(f, n, col(rel, "country"), f"unknown country {r['country']}")
        for c in ("name", "aliases"):
            for x in (r[c].split("|") if r[c] else []):
                k = fold(x)
                if k in owner:
                    report(f, n, col(rel, c), f"{x!r} also names the country {owner[k][0]}")
    f, rows = data["curated/subdivision-aliases.tsv"]
    for n, r in rows:
        if r["subdivision"] not in codes:
            report(f, n, 1, f"subdivision {r['subdivision']} not in subdivisions.tsv")

    # former states: codes, dates in order, successors
    for rel in ("former-states.tsv", "curated/former-states.tsv"):
        f, rows = data[rel]
        for n, r in rows:
            if r["alpha3"] not in countries:
                report(f, n, 1, f"unknown country {r['alpha3']}")
            start, end = parse_date(r["from"]), parse_date(r["to"])
            if start is None:
                report(f, n, col(rel, "from"), f"from {r['from']!r} is not an ISO partial date")
            if end is None:
                report(f, n, col(rel, "to"), f"to {r['to']!r} is not an ISO partial date")
            if start and end and end < start:
                report(f, n, col(rel, "to"), f"to {r['to']} before from {r['from']}")
            for entry in r["successors"].split("|") if r["successors"] else []:
                x, _, left = entry.partition("@")
                if x not in countries:
                    report(f, n, col(rel, "successors"), f"unknown successor {x}")
                if left and parse_date(left) is None:
                    report(f, n, col(rel, "successors"), f"successor {x}: {left!r} after '@' is not an ISO partial date")
            if rel.startswith("curated") and r["kind"] not in ("own", "same"):
                report(f, n, col(rel, "kind"), f"kind {r['kind']!r} not one of ['own', 'same']")

    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        return 1
    print("gazetteer OK: " + ", ".join(f"{rel} {len(data[rel][1])}" for rel in SCHEMAS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
