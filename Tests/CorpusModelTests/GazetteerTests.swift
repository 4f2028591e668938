import Foundation
import Testing
@testable import CorpusModel

@Suite("Gazetteer")
struct GazetteerTests {
    @Test func loadsEveryFile() {
        let (g, d) = Gazetteer.load(directory: Fixtures.gazetteerDir)
        #expect(d.isEmpty, "\(d)")
        #expect(g.entities.filter { $0.kind == .country }.count == 7)
        #expect(g.entities.filter { $0.kind == .city }.count == 9)
        #expect(g.entities.filter { $0.kind == .person }.count == 7)
        #expect(g.entities.filter { $0.kind == .organisation }.count == 3)
    }

    @Test("lookup on the folded key", arguments: ["DPRK", "Triều Tiên", "trieu tien", "north korea", "NORTH-KOREA"])
    func lookupCountry(_ name: String) {
        #expect(Fixtures.gazetteer.lookup(name).map(\.id) == ["PRK"])
    }

    @Test func lookupPersonsAndCities() {
        let g = Fixtures.gazetteer
        #expect(g.lookup("to lam").map(\.id) == ["to-lam"])
        #expect(g.lookup("Kim Jong-un").map(\.id) == ["kim-jong-un"])
        #expect(g.lookup("Kim Nhật Thành").map(\.id) == ["kim-il-sung"])
        #expect(g.lookup("Bình Nhưỡng").map(\.id) == ["geonames:1871859"])
        #expect(g.lookup("Da Nang").first?.country == "VNM")
        #expect(g.lookup("Atlantis").isEmpty)
    }

    @Test("the office held on a date, the highest when several")
    func officeAtDate() throws {
        let toLam = try #require(Fixtures.gazetteer.entity(id: "to-lam"))
        #expect(toLam.office(at: try #require(PartialDate(iso: "2020")))?.level == .minister)
        #expect(toLam.office(at: try #require(PartialDate(iso: "2024-06-10")))?.level == .headOfState)
        #expect(toLam.office(at: try #require(PartialDate(iso: "2024-09")))?.level == .headOfParty)
        #expect(toLam.office(at: try #require(PartialDate(iso: "2025-10-09")))?.level == .headOfParty)
        #expect(toLam.office(at: try #require(PartialDate(iso: "2010"))) == nil)
        let minh = try #require(Fixtures.gazetteer.entity(id: "pham-binh-minh"))
        #expect(minh.office(at: try #require(PartialDate(iso: "2019-02")))?.level == .deputyHeadOfGovernment)
        #expect(minh.office(at: try #require(PartialDate(iso: "2012")))?.level == .minister)
    }

    @Test func levelsRankAndHigh() {
        #expect(Level.headOfParty.rank == 0 && Level.other.rank == 7)
        #expect(Level.allCases.filter(\.isHigh) == [.headOfParty, .headOfState, .headOfGovernment, .legislatureHead])
        #expect(Level.minister > Level.deputyHeadOfGovernment)
    }

    @Test("malformed lines are reported with file, line and column; the rest loads")
    func malformed() throws {
        let (g, d) = Gazetteer.load(directory: Fixtures.badGazetteerDir)
        let countries = d.filter { $0.file.hasSuffix("countries.tsv") }
        // PRKX is not three letters (line 3, column of the alpha3 cell); RUS has too few cells (line 4).
        let prkx = try #require(countries.first { $0.message.contains("three capital letters") })
        #expect(prkx.line == 3 && prkx.column == 4 && prkx.severity == .error)
        let short = try #require(countries.first { $0.message.contains("tab-separated") })
        #expect(short.line == 4 && short.column != nil)
        #expect(g.country("VNM") != nil && g.country("CHN") != nil && g.country("RUS") == nil)
        let offices = d.filter { $0.file.hasSuffix("offices.tsv") }
        #expect(offices.map(\.line) == [2, 3, 4])
        #expect(offices[0].message.contains("unknown person") && offices[0].column == 1)
        #expect(offices[1].message.contains("unknown level") && offices[1].column == 15)
        #expect(offices[2].message.contains("start") && offices[2].column != nil)
        // A person of a country whose line was skipped is skipped too.
        let persons = d.filter { $0.file.hasSuffix("persons.tsv") }
        #expect(persons.map(\.line) == [3] && persons.first?.message.hasPrefix("unknown country 'PRK'") == true, "\(persons)")
        #expect(g.entity(id: "kim") != nil && g.entity(id: "ri") == nil)
        #expect(d.allSatisfy { $0.description.hasPrefix($0.file + ":") })
    }

    @Test func wrongHeaderIsReported() throws {
        let dir = Fixtures.tempDir()
        try "id\tname\tcountry\tpop\taliases\ngeonames:1\tX\tVNM\t1\t\n".write(to: dir.appendingPathComponent("cities.tsv"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: Fixtures.gazetteerDir.appendingPathComponent("countries.tsv"), to: dir.appendingPathComponent("countries.tsv"))
        let (g, d) = Gazetteer.load(directory: dir)
        #expect(d.contains { $0.line == 1 && $0.column == 17 && $0.message.contains("population") })
        #expect(g.entities.filter { $0.kind == .city }.count == 1)
    }

    @Test func laterDirectoriesAdd() throws {
        let dir = Fixtures.tempDir()
        try "id\tname\tcountry\taliases\tshort\nnew-person\tNew Person\tFRA\t\tPerson\n".write(to: dir.appendingPathComponent("persons.tsv"), atomically: true, encoding: .utf8)
        try "person\ttitle\tlevel\tcountry\torganisation\tstart\tend\nto-lam\tTest office\tother\tVNM\t\t1990\t1991\n".write(to: dir.appendingPathComponent("offices.tsv"), atomically: true, encoding: .utf8)
        let (g, d) = Gazetteer.load(directories: [Fixtures.gazetteerDir, dir])
        #expect(d.isEmpty)
        #expect(g.lookup("New Person").count == 1)
        #expect(g.entity(id: "to-lam")?.offices.count == 4)
    }

    @Test("the binary snapshot gives back the same gazetteer and diagnostics, and changes with the files")
    func cache() throws {
        let dir = Fixtures.tempDir()
        for name in ["countries.tsv", "cities.tsv", "persons.tsv", "offices.tsv", "organisations.tsv"] {
            try FileManager.default.copyItem(at: Fixtures.gazetteerDir.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        try "# bad line follows\nperson\ttitle\tlevel\tcountry\torganisation\tstart\tend\nnobody\tX\tother\t\t\t\t\n"
            .write(to: dir.appendingPathComponent("offices.tsv"), atomically: true, encoding: .utf8)
        let (fresh, d1) = Gazetteer.loadFromFiles(directories: [dir])
        // Files changed in the last two seconds have no key: a second edit within the clock's resolution could
        // keep their size and time stamp, and a snapshot keyed by them would then be stale.
        #expect(GazetteerCache.key(for: [dir]) == nil)
        let later = Date().addingTimeInterval(3)
        let key = try #require(GazetteerCache.key(for: [dir], now: later))
        // Another build of Dossier (which may index names otherwise) never reads this build's snapshot.
        #expect(GazetteerCache.key(for: [dir], now: later, build: "another build") != key)
        GazetteerCache.write(fresh, d1, key: key)
        let (cached, d2) = try #require(GazetteerCache.read(key: key))
        #expect(cached.entities == fresh.entities)
        #expect(d2 == d1 && d1.count == 1)
        for name in ["DPRK", "Bình Nhưỡng", "kim jong-un", "Vietnamese", "Bỉ"] {
            #expect(cached.lookup(name).map(\.id) == fresh.lookup(name).map(\.id))
        }
        #expect(cached.shortRefs(forKey: Fold.key("Kim")) == fresh.shortRefs(forKey: Fold.key("Kim")))
        #expect(cached.isExactSingle(Fold.lowerKey("Bỉ")) && !cached.isExactSingle(Fold.lowerKey("Bí")))
        // A file replaced by one of the same size, given back its old time stamp, is another file (its inode).
        let offices = dir.appendingPathComponent("offices.tsv")
        var old = stat()
        #expect(stat(offices.path, &old) == 0)
        let text = try String(contentsOf: offices, encoding: .utf8)
        try text.replacingOccurrences(of: "nobody", with: "nobodY").write(to: offices, atomically: true, encoding: .utf8)
        var times = [old.st_atim, old.st_mtim]
        #expect(utimensat(AT_FDCWD, offices.path, &times, 0) == 0)
        var new = stat()
        #expect(stat(offices.path, &new) == 0 && new.st_size == old.st_size && new.st_mtim.tv_nsec == old.st_mtim.tv_nsec)
        #expect(GazetteerCache.key(for: [dir], now: later) != key)
        // Another file size is another key; a damaged snapshot is ignored.
        try "alpha2\talpha3\tnumeric\tname\tofficial_name\taliases\tdemonyms\tcapital\n".write(to: dir.appendingPathComponent("countries.tsv"), atomically: true, encoding: .utf8)
        #expect(GazetteerCache.key(for: [dir], now: later.addingTimeInterval(1)) != key)
        try Data([1, 2, 3]).write(to: GazetteerCache.url(for: key))
        #expect(GazetteerCache.read(key: key) == nil)
    }

    @Test("a Vietnamese transliteration written as one word is the hyphenated name ('Giơnevơ', 'Mátxcơva'); an ASCII romanisation is not joined ('Changi' is not Chang-i, Zhangye)")
    func joinedTransliterations() {
        let (g, _) = Gazetteer.load(directory: Fixtures.root.appendingPathComponent("Data/gazetteer"))
        #expect(g.isExactSingle(Fold.lowerKey("Giơnevơ")) && g.isExactSingle(Fold.lowerKey("Mátxcơva")))
        #expect(!g.isExactSingle(Fold.lowerKey("Changi")) && !g.isExactSingle(Fold.lowerKey("Giơnevo")))
        let c = Fixtures.corpus("Thủ tướng Trung Quốc Chu Ân Lai đã đến Giơnevơ ngày 24/4/1954. Tổng Bí thư Tô Lâm tới sân bay Changi chiều 11/3/2025.",
                                date: "2025-03-12", gazetteer: g)
        let visits = c.visits.map { "\(c.entities[$0.visitor].name) -> \($0.destination)" }
        #expect(visits.contains("Zhou Enlai -> CHE") && !visits.contains { $0.hasSuffix("-> CHN") }, "\(visits)")
    }

    @Test("the repository's gazetteer loads without errors and knows the seed articles' people")
    func repositoryGazetteer() {
        let (g, d) = Gazetteer.load(directory: Fixtures.root.appendingPathComponent("Data/gazetteer"))
        #expect(d.filter { $0.severity == .error }.isEmpty, "\(d.prefix(5))")
        for name in ["To Lam", "Kim Jong Un", "Kim Il Sung", "Ho Chi Minh", "Pham Van Dong", "Kim Yong Nam", "Nong Duc Manh",
                     "Kim Yong Il", "Le Hong Anh", "Pham Binh Minh"] {
            #expect(g.lookup(name).contains { $0.kind == .person }, "\(name)")
        }
    }
}
