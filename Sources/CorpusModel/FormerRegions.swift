// First-level subdivisions of a current country that belonged to a former state for a period
// (`former-state-regions.tsv`, Data/gazetteer/FORMAT.md): the five Länder that formed East Germany. A visit dated then
// to one of their cities is a visit to that state (rule destination.former-state-region, FormerUnions.swift). The
// sentence's places are read so before the rules (`SentenceMentions.readFormerRegions`): Erfurt in a sentence dated
// 1970 is abroad for a West German chancellor, whose trip the rules would otherwise take for a domestic one.

/// A subdivision that belonged to a former state from `from` up to the day before `to`, with the gazetteer's cities
/// in it.
public struct FormerRegion: Sendable, Hashable {
    /// The former state's code ("DDR").
    public var state: String
    /// The ISO 3166-2 code of the subdivision ("DE-TH").
    public var subdivision: String
    public var from: PartialDate
    public var to: PartialDate
    /// The ids of the cities of the subdivision ("geonames:2929670" for Erfurt).
    public var cities: Set<String>

    public init(state: String, subdivision: String, from: PartialDate, to: PartialDate, cities: Set<String>) {
        self.state = state
        self.subdivision = subdivision
        self.from = from
        self.to = to
        self.cities = cities
    }

    /// Whether the whole of `date` falls within the period (a month that ran past the day the region left does not).
    public func held(on date: PartialDate) -> Bool {
        date.dayRange.lowerBound >= from.dayRange.lowerBound && date.dayRange.upperBound < to.dayRange.lowerBound
    }
}

extension Gazetteer {
    public static let formerRegionColumns = ["state", "subdivision", "from", "to", "cities"]

    /// The former state that the city with id `city` was part of on `date` through its subdivision, if any: Erfurt on
    /// 19 March 1970 was East Germany's.
    public func formerState(ofCity city: String, on date: PartialDate) -> String? {
        formerRegions.first { $0.cities.contains(city) && $0.held(on: date) }?.state
    }

    mutating func loadFormerRegions(_ path: String) -> [Diagnostic] {
        let t = TSVFile(path: path, columns: Self.formerRegionColumns)
        var d = t.diagnostics
        for row in t.rows {
            let c = row.cells
            let state = t.string(c[0])
            guard country(state) != nil else {
                d.append(t.diagnostic(row, cell: 0, "unknown country '\(state)'\(countryCheck.hint(for: state)); line skipped")); continue
            }
            let subdivision = t.string(c[1])
            guard !subdivision.isEmpty else { d.append(t.diagnostic(row, cell: 1, "empty subdivision; line skipped")); continue }
            guard let from = PartialDate(iso: t.string(c[2])) else {
                d.append(t.diagnostic(row, cell: 2, "from is not an ISO partial date; line skipped")); continue
            }
            guard let to = PartialDate(iso: t.string(c[3])), to >= from else {
                d.append(t.diagnostic(row, cell: 3, "to is not an ISO partial date after from; line skipped")); continue
            }
            let cities = t.list(c[4])
            if let unknown = cities.first(where: { entity(id: $0)?.kind != .city }) {
                d.append(t.diagnostic(row, cell: 4, "unknown city '\(unknown)' (an id of cities.tsv); line skipped")); continue
            }
            formerRegions.append(FormerRegion(state: state, subdivision: subdivision, from: from, to: to, cities: Set(cities)))
        }
        return d
    }
}

extension SentenceMentions {
    /// Gives each city of the sentence whose subdivision belonged to a former state on `date` (the sentence's first
    /// time, else its reference date) that state as its country.
    mutating func readFormerRegions(on date: PartialDate?, gazetteer: Gazetteer) {
        guard let date, !gazetteer.formerRegions.isEmpty else { return }
        for k in places.indices {
            guard let city = places[k].city, city >= 0 else { continue }
            // The id read in place: the subscript copied the whole entity (its strings and arrays retained).
            if let state = gazetteer.formerState(ofCity: gazetteer.entities.read(city) { $0.id }, on: date) { places[k].country = state }
        }
    }
}
