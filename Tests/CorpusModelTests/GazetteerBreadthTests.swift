import Foundation
import Testing
@testable import CorpusModel

/// Subdivisions (ISO 3166-2) and former states in the repository's gazetteer, their loader and checks. The
/// sentences are written for these tests.
@Suite("Gazetteer breadth: subdivisions and former states")
struct GazetteerBreadthTests {
    static let g = Fixtures.fullGazetteer

    @Test("a province, state or island resolves to its country", arguments: [
        ("Bali", "IDN"), ("Jeju Island", "KOR"), ("Hainan", "CHN"), ("Hải Nam", "CHN"), ("Texas", "USA"), ("Scotland", "GBR"),
        ("Bavaria", "DEU"), ("Quảng Ninh", "VNM"), ("Okinawa", "JPN"), ("Crimea", "UKR"),
    ])
    func subdivision(_ name: String, _ country: String) throws {
        let e = try #require(Self.g.lookup(name).first { $0.kind == .region }, "\(name)")
        #expect(e.country == country)
    }

    @Test("names that are common words, parts of common phrases, given names or other places' names are not regions",
          arguments: ["Centre", "Capital", "Nelson", "Isabel", "Thái Bình", "Bình Dương", "Hòa Bình", "Hồ Chí Minh", "Georgia", "Washington"])
    func excluded(_ name: String) {
        #expect(!Self.g.lookup(name).contains { $0.kind == .region }, "\(name)")
    }

    @Test("former states and their press names", arguments: [
        ("the USSR", "SUN"), ("Soviet Union", "SUN"), ("Liên Xô", "SUN"), ("Nam Tư", "YUG"), ("Yugoslavia", "YUG"),
        ("Tiệp Khắc", "CSK"), ("Czechoslovakia", "CSK"), ("Đông Đức", "DDR"), ("East Germany", "DDR"), ("Tây Đức", "DEU"),
        ("West Germany", "DEU"), ("Federal Republic of Germany", "DEU"), ("Republic of Vietnam", "VNM"),
        ("Democratic Republic of Vietnam", "VNM"),
    ])
    func formerStateNames(_ name: String, _ code: String) {
        let plain = name.hasPrefix("the ") ? String(name.dropFirst(4)) : name
        #expect(Self.g.lookup(plain).contains { $0.kind == .country && $0.id == code }, "\(name)")
    }

    @Test("former states have the years they existed and their successors")
    func formerStates() throws {
        let sun = try #require(Self.g.formerStates.first { $0.code == "SUN" })
        #expect(sun.from.year == 1922 && sun.to.year == 1991 && sun.successors.first == "RUS" && sun.successors.count == 15)
        let west = try #require(Self.g.formerStates.first { $0.name == "West Germany" })
        #expect(west.code == "DEU" && west.from.year == 1949 && west.to.iso == "1990-10-03")
        #expect(Self.g.formerStates.filter { $0.code == "VNM" }.map(\.name).sorted() == ["North Vietnam", "South Vietnam"])
        for (old, new) in [("SUN", "RUS"), ("DDR", "DEU"), ("YUG", "SRB"), ("CSK", "CZE"), ("CSK", "SVK"), ("SUN", "UKR")] {
            #expect(Self.g.sameOrSuccessor(old, new) && Self.g.sameOrSuccessor(new, old), "\(old) \(new)")
        }
        #expect(!Self.g.sameOrSuccessor("RUS", "UKR") && !Self.g.sameOrSuccessor("DDR", "POL") && !Self.g.sameOrSuccessor("DEU", "VNM"))
        #expect(Self.g.successors(of: "DEU").isEmpty, "West Germany continues as Germany: no successor relation")
    }

    @Test("a visit to a province or a former state gets its country", arguments: [
        ("President Barack Obama arrived in Bali on Thursday for the East Asia Summit.", "2011-11-17", "IDN"),
        ("President Ho Chi Minh visited the Soviet Union in July 1955.", "1955-08-01", "SUN"),
        ("Chủ tịch Hồ Chí Minh sang thăm Liên Xô tháng 7/1955.", "1955-08-01", "SUN"),
        ("Nikita Khrushchev visited Yugoslavia in May 1955.", "1955-06-01", "YUG"),
    ])
    func visitDestination(_ text: String, _ date: String, _ destination: String) {
        let c = Fixtures.corpus(text, date: date, gazetteer: Self.g)
        #expect(c.visits.map(\.destination) == [destination], "\(c.visitSummaries())")
    }

    @Test("rule destination.former-union: a place dated while it was in a union of states is the union's", arguments: [
        ("President Richard Nixon arrived in Kyiv on May 29, 1972.", "1972-06-01", ["SUN"]),
        ("President Bill Clinton arrived in Sarajevo on January 13, 1996.", "1996-01-14", ["BIH"]),
        ("President Bill Clinton arrived in Kyiv on May 11, 1995.", "1995-05-12", ["UKR"]),
        ("Soviet leader Leonid Brezhnev arrived in Tashkent on April 20, 1970.", "1970-04-21", []),
        ("President Vladimir Putin arrived in the Soviet Union on May 8, 2025.", "2025-05-09", []),
    ])
    func formerUnion(_ text: String, _ date: String, _ destinations: [String]) {
        let c = Fixtures.corpus(text, date: date, gazetteer: Self.g)
        #expect(c.visits.map(\.destination) == destinations, "\(c.visitSummaries())")
        #expect(c.visits.allSatisfy { $0.ruleSet.contains(.destinationFormerUnion) == ($0.destination == "SUN") })
    }

    @Test("rule destination.former-state-region: a city dated while its subdivision belonged to a former state is that state's", arguments: [
        ("West German Chancellor Willy Brandt arrived in Erfurt on March 19, 1970.", "1970-03-20", ["DDR"]),
        ("Chancellor Helmut Kohl arrived in Dresden on December 19, 1989.", "1989-12-20", ["DDR"]),
        ("Soviet leader Mikhail Gorbachev arrived in Leipzig on October 8, 1989.", "1989-10-09", ["DDR"]),
        ("East German Prime Minister Willi Stoph arrived in Erfurt on March 19, 1970.", "1970-03-20", []),
        ("President Barack Obama arrived in Dresden on June 5, 2009.", "2009-06-06", ["DEU"]),
        ("President Ronald Reagan arrived in Berlin on June 12, 1987.", "1987-06-13", ["DEU"]),
    ])
    func formerStateRegion(_ text: String, _ date: String, _ destinations: [String]) {
        let c = Fixtures.corpus(text, date: date, gazetteer: Self.g)
        #expect(c.visits.map(\.destination) == destinations, "\(c.visitSummaries())")
        #expect(c.visits.allSatisfy { $0.ruleSet.contains(.destinationFormerStateRegion) == ($0.destination == "DDR") })
    }

    @Test("a region belongs to its former state from the first day up to the day before it left")
    func formerRegionPeriod() throws {
        let erfurt = try #require(Self.g.lookup("Erfurt").first { $0.kind == .city })
        func state(_ iso: String) -> String? { Self.g.formerState(ofCity: erfurt.id, on: PartialDate(iso: iso)!) }
        #expect(state("1949-10-07") == "DDR" && state("1990-10-02") == "DDR" && state("1970") == "DDR")
        #expect(state("1990-10-03") == nil && state("1990-10") == nil && state("1949-10-06") == nil && state("2009") == nil)
        let berlin = try #require(Self.g.lookup("Berlin").first { $0.kind == .city })
        #expect(Self.g.formerState(ofCity: berlin.id, on: PartialDate(iso: "1970")!) == nil, "only East Berlin was the GDR's")
        #expect(Self.g.lookup("East Berlin").contains { $0.kind == .country && $0.id == "DDR" })
    }

    @Test("bad former-state-region lines are reported with file, line and column; the rest loads")
    func badRegionLines() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let repository = Fixtures.root.appendingPathComponent("Data/gazetteer")
        for name in ["countries.tsv", "cities.tsv"] {
            try FileManager.default.copyItem(at: repository.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        let erfurt = try #require(Self.g.lookup("Erfurt").first { $0.kind == .city }).id
        try "state\tsubdivision\tfrom\tto\tcities\nDDR\tDE-TH\t1949-10-07\t1990-10-03\t\(erfurt)\nXDR\tDE-SN\t1949\t1990\t\(erfurt)\nDDR\tDE-SN\t1990\t1949\t\(erfurt)\nDDR\tDE-SN\t1949\t1990\tgeonames:0\n"
            .write(to: dir.appendingPathComponent("former-state-regions.tsv"), atomically: true, encoding: .utf8)
        let (g, d) = Gazetteer.loadFromFiles(directories: [dir])
        func at(_ line: Int) -> Diagnostic? { d.first { $0.file.hasSuffix("former-state-regions.tsv") && $0.line == line } }
        #expect(at(3)?.message.contains("unknown country 'XDR'") == true && at(3)?.column == 1, "\(d.map(\.description))")
        #expect(at(4)?.message.contains("after from") == true)
        #expect(at(5)?.message.contains("unknown city 'geonames:0'") == true)
        #expect(g.formerRegions.map(\.subdivision) == ["DE-TH"], "\(d.map(\.description))")
    }

    @Test("a union's member left on the day the file gives, else at the union's end")
    func membersLeaveOnTheirDay() throws {
        let yug = try #require(Self.g.formerStates.first { $0.code == "YUG" })
        #expect(yug.held("HRV", on: PartialDate(iso: "1990-05-01")!) && !yug.held("HRV", on: PartialDate(iso: "1995-05-01")!))
        #expect(yug.held("SRB", on: PartialDate(iso: "1999-05-01")!), "Serbia stayed in Yugoslavia until 2003")
        #expect(!yug.held("YUG", on: PartialDate(iso: "1980-05-01")!) && !yug.held("DEU", on: PartialDate(iso: "1980-05-01")!))
        #expect(Self.g.formerUnion(of: "DEU", on: PartialDate(iso: "1970")!) == nil, "West Germany is no union's member")
        #expect(yug.successorEntries.contains("HRV@1991-06-25"))
        #expect(Self.g.isDefunct("SUN", on: PartialDate(iso: "2025-05")!) && !Self.g.isDefunct("SUN", on: PartialDate(iso: "1991-12")!))
        #expect(!Self.g.isDefunct("DEU", on: PartialDate(iso: "2025")!) && !Self.g.isDefunct("RUS", on: PartialDate(iso: "1950")!))
    }

    @Test("bad subdivision and former-state lines are reported with file, line and column; the rest loads")
    func badLines() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: Fixtures.gazetteerDir.appendingPathComponent("countries.tsv"), to: dir.appendingPathComponent("countries.tsv"))
        try "code\tname\tcountry\ttype\taliases\nVN-13\tQuảng Ninh\tVNM\tProvince\t\nXX-01\tNowhere\tXXX\tProvince\t\nVN-14\t\tVNM\tProvince\t\n"
            .write(to: dir.appendingPathComponent("subdivisions.tsv"), atomically: true, encoding: .utf8)
        try "alpha3\tname\tfrom\tto\tsuccessors\nPRK\tOld Korea\t1948\t1900\tPRK\nVNM\tNorth Vietnam\t1945-09-02\t1976-07-02\tVNM|ZZZ\nVNM\tSouth Vietnam\t1955-10-26\t1975-04-30\tVNM\nVNM\tIndochina\t1945\t1954\tVNM|LAO@1953-13\n"
            .write(to: dir.appendingPathComponent("former-states.tsv"), atomically: true, encoding: .utf8)
        let (g, d) = Gazetteer.loadFromFiles(directories: [dir])
        func at(_ file: String, _ line: Int) -> Diagnostic? { d.first { $0.file.hasSuffix(file) && $0.line == line } }
        #expect(at("subdivisions.tsv", 3)?.message.contains("unknown country 'XXX'") == true && at("subdivisions.tsv", 3)?.column == 15)
        #expect(at("subdivisions.tsv", 4)?.message.contains("empty id or name") == true)
        #expect(at("former-states.tsv", 2)?.message.contains("after from") == true)
        #expect(at("former-states.tsv", 3)?.message.contains("unknown successor 'ZZZ'") == true)
        #expect(at("former-states.tsv", 5)?.message.contains("'LAO@1953-13': the date after '@' is not an ISO partial date") == true, "\(d.map(\.description))")
        #expect(g.lookup("Quảng Ninh").first?.kind == .region)
        #expect(g.formerStates.map(\.name) == ["South Vietnam"])
    }

    @Test("the binary snapshot keeps the regions and the former states")
    func cache() throws {
        let dir = Self.g
        let key = UInt64.random(in: 1...UInt64.max)
        GazetteerCache.write(dir, [], key: key)
        defer { try? FileManager.default.removeItem(at: GazetteerCache.url(for: key)) }
        let (cached, _) = try #require(GazetteerCache.read(key: key))
        #expect(cached.formerStates == Self.g.formerStates)
        #expect(!cached.formerRegions.isEmpty && cached.formerRegions == Self.g.formerRegions)
        #expect(cached.lookup("Bali").first?.kind == .region)
    }
}
