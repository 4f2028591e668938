// Entities: persons, countries, cities and organisations, and the offices persons hold over time.

public enum EntityKind: String, Sendable, Codable, CaseIterable {
    case person, country, city, organisation
    /// A subdivision of a country (ISO 3166-2: a province, state, region or island): named in a text, it
    /// stands for its country ("Bali" is Indonesia).
    case region
}

/// A person's gender where it is known (`person-genders.tsv`, or an honorific before a name in the text): a
/// gendered pronoun ("she", "ông") never stands for a person of the other one (Coreference.swift).
public enum Gender: String, Sendable, Codable, CaseIterable {
    case female = "f"
    case male = "m"
}

/// A state that no longer exists, or an earlier form of one that does ("West Germany" under `DEU`),
/// with the years it existed and the states that took its place.
public struct FormerState: Sendable, Hashable {
    /// ISO alpha-3: its own ISO 3166-3 code ("SUN"), or the current code of the state it became ("DEU").
    public var code: String
    public var name: String
    public var from: PartialDate
    public var to: PartialDate
    /// Successor states, the main continuing one first.
    public var successors: [String]
    /// The day a successor left before the state ended ("HRV@1991-06-25" in the files); the others left at `to`.
    public var left: [String: PartialDate]

    public init(code: String, name: String, from: PartialDate, to: PartialDate, successors: [String], left: [String: PartialDate] = [:]) {
        self.code = code
        self.name = name
        self.from = from
        self.to = to
        self.successors = successors
        self.left = left
    }

    /// Parses the files' successor entries, `CODE` or `CODE@DATE` (the day it left); nil for an entry whose date is
    /// no ISO partial date, with that entry.
    public static func successors(_ entries: [String]) -> (codes: [String], left: [String: PartialDate], bad: String?) {
        var codes: [String] = [], left: [String: PartialDate] = [:]
        for entry in entries {
            let parts = entry.split(separator: "@", maxSplits: 1).map(String.init)
            codes.append(parts[0])
            guard parts.count == 2 else { continue }
            guard let date = PartialDate(iso: parts[1]) else { return (codes, left, entry) }
            left[parts[0]] = date
        }
        return (codes, left, nil)
    }

    /// The successors as the files write them (`SRB|HRV@1991-06-25`).
    public var successorEntries: String {
        successors.map { code in left[code].map { "\(code)@\($0.iso)" } ?? code }.joined(separator: "|")
    }

    /// Whether the state existed at some time of `date` (a year or a month overlapping its years).
    public func existed(on date: PartialDate) -> Bool {
        date.dayRange.upperBound >= from.dayRange.lowerBound && date.dayRange.lowerBound <= to.dayRange.upperBound
    }

    /// Whether `country` was part of this union of several states on `date`: a successor, the date within the
    /// union's years and before the day it left.
    public func held(_ country: String, on date: PartialDate) -> Bool {
        guard successors.count > 1, code != country, successors.contains(country) else { return false }
        let end = left[country] ?? to
        return date.dayRange.lowerBound >= from.dayRange.lowerBound && date.dayRange.upperBound < end.dayRange.lowerBound
    }
}

/// The rank of an office. Order matters: `rank` 0 is the highest.
public enum Level: String, Sendable, Codable, CaseIterable, Comparable {
    case headOfParty = "head_of_party"
    case headOfState = "head_of_state"
    case headOfGovernment = "head_of_government"
    case legislatureHead = "legislature_head"
    case deputyHeadOfState = "deputy_head_of_state"
    case deputyHeadOfGovernment = "deputy_head_of_government"
    case minister
    case other

    /// 0 for head_of_party ... 7 for other. A `min_level` filter keeps levels with `rank <= n`.
    public var rank: Int { Level.allCases.firstIndex(of: self)! }
    /// The four top levels the gold data calls "high".
    public var isHigh: Bool { rank <= Level.legislatureHead.rank }
    /// Higher levels sort first.
    public static func < (a: Level, b: Level) -> Bool { a.rank < b.rank }
}

/// An office held from `start` to `end` (nil end: still held; nil start: since an unknown date).
public struct Office: Sendable, Hashable, Codable {
    public var title: String
    public var level: Level
    public var country: String?
    public var organisation: String?
    public var start: PartialDate?
    public var end: PartialDate?

    public init(title: String, level: Level, country: String? = nil, organisation: String? = nil,
                start: PartialDate? = nil, end: PartialDate? = nil) {
        self.title = title
        self.level = level
        self.country = country
        self.organisation = organisation
        self.start = start
        self.end = end
    }

    /// Whether the office was held at some time within `date` (at the date's granularity).
    public func isHeld(at date: PartialDate) -> Bool {
        let span = date.dayRange
        if let start, start.dayRange.lowerBound > span.upperBound { return false }
        if let end, end.dayRange.upperBound < span.lowerBound { return false }
        return true
    }
}

/// A person, country, city, region or organisation. Countries use their ISO alpha-3 code as `id`
/// ("VNM"), cities their GeoNames id ("geonames:1581130"), regions their ISO 3166-2 code ("ID-BA"),
/// persons and organisations a slug.
public struct Entity: Sendable, Hashable, Identifiable {
    public var id: String
    public var kind: EntityKind
    public var name: String
    // Lists are kept as one '|'-joined string (the gazetteer's own form): one allocation per entity
    // instead of one per alias, which keeps loading the gazetteer fast.
    var aliasText: String
    var shortText: String
    var demonymText: String

    /// Other names ("DPRK", "Triều Tiên", "Kim Jong-un").
    public var aliases: [String] {
        get { Entity.split(aliasText) }
        set { aliasText = newValue.joined(separator: "|") }
    }
    /// Short reference forms ("Lâm", "Kim", "Putin"), persons only.
    public var short: [String] {
        get { Entity.split(shortText) }
        set { shortText = newValue.joined(separator: "|") }
    }
    /// Countries: demonyms ("Vietnamese", "North Korean").
    public var demonyms: [String] {
        get { Entity.split(demonymText) }
        set { demonymText = newValue.joined(separator: "|") }
    }
    /// ISO alpha-3 of the person's, city's or organisation's country (the country itself for countries).
    public var country: String?
    public var offices: [Office]
    /// Countries: alpha-2 and capital city id. Cities: population. Organisations: kind.
    public var alpha2: String?
    public var capital: String?
    public var population: Int?
    public var organisationKind: String?
    /// True for a person found in the text from a title but absent from the gazetteer.
    public var discovered: Bool
    /// Persons: the gender, when known.
    public var gender: Gender?

    public init(id: String, kind: EntityKind, name: String, aliases: [String] = [], short: [String] = [],
                country: String? = nil, offices: [Office] = [], alpha2: String? = nil, demonyms: [String] = [],
                capital: String? = nil, population: Int? = nil, organisationKind: String? = nil,
                discovered: Bool = false, gender: Gender? = nil) {
        self.init(id: id, kind: kind, name: name, aliasText: aliases.joined(separator: "|"),
                  shortText: short.joined(separator: "|"), demonymText: demonyms.joined(separator: "|"),
                  country: country, alpha2: alpha2, capital: capital, population: population,
                  organisationKind: organisationKind, offices: offices, gender: gender)
        self.discovered = discovered
    }

    /// An entity whose lists are given in the gazetteer's '|'-joined form (the loader's fast path).
    init(id: String, kind: EntityKind, name: String, aliasText: String, shortText: String = "", demonymText: String = "",
         country: String?, alpha2: String? = nil, capital: String? = nil, population: Int? = nil, organisationKind: String? = nil,
         offices: [Office] = [], gender: Gender? = nil) {
        self.id = id
        self.kind = kind
        self.name = name
        self.aliasText = aliasText
        self.shortText = shortText
        self.demonymText = demonymText
        self.country = country
        self.offices = offices
        self.alpha2 = alpha2
        self.capital = capital
        self.population = population
        self.organisationKind = organisationKind
        self.discovered = false
        self.gender = gender
    }

    static func split(_ text: String) -> [String] {
        text.isEmpty ? [] : text.split(separator: "|", omittingEmptySubsequences: true).map(String.init)
    }

    /// The highest-ranking office held at `date`, if any.
    public func office(at date: PartialDate) -> Office? { Self.office(in: offices, at: date) }

    /// The highest-ranking of `offices` held at `date` (of the offices alone: `GazetteerEntities.read` passes them
    /// without copying their entity).
    static func office(in offices: [Office], at date: PartialDate) -> Office? {
        offices.lazy.filter { $0.isHeld(at: date) }.min { $0.level < $1.level } // no array of the held offices
    }

    /// Every office held at `date`, highest first.
    public func offices(at date: PartialDate) -> [Office] {
        offices.filter { $0.isHeld(at: date) }.sorted { $0.level < $1.level }
    }
}
