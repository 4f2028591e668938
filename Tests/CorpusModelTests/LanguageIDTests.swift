import Foundation
import Testing
@testable import CorpusModel

/// Language identification from Data/lexicon/language-id, and the notes a document gets when something is
/// missing. The sentences are written for these tests.
@Suite("Language identification and document notes")
struct LanguageIDTests {
    static let dataDir = Fixtures.root.appendingPathComponent("Data/lexicon/language-id")

    static func build(_ texts: [(String, String)], date: String? = "2024-03-12") -> (Corpus, [Diagnostic]) {
        CorpusBuilder(gazetteer: Fixtures.gazetteer, jobs: 1).build(texts: texts.map { name, text in
            (name, text, date.map { ManifestEntry(file: name, date: PartialDate(iso: $0)) })
        })
    }

    @Test("the repository's profiles load without a problem")
    func dataLoadsClean() {
        let (p, d) = LanguageProfiles.load(directory: Self.dataDir)
        #expect(d.isEmpty, "\(d.map(\.description))")
        let codes = Set(p.languages.map(\.code))
        #expect(codes.isSuperset(of: ["en", "vi", "es", "fr", "de", "pt", "it", "zh", "ja", "ko", "ru", "uk", "id", "ar"]))
        #expect(p.languages.filter(\.read).map(\.code) == ["en", "vi"])
    }

    @Test("the codes a manifest is checked against are the standard profiles' languages, in their order")
    func standardCodesAreTheProfilesLanguages() {
        #expect(LanguageProfiles.standardCodes == LanguageProfiles.standard.profiles.languages.map(\.code))
        #expect(LanguageProfiles.standardCodes.count > 2)
    }

    @Test("each language is named", arguments: [
        ("en", "The president arrived in the capital on Tuesday for a three-day official visit. During the visit, the two leaders signed several agreements on trade and energy."),
        ("vi", "Tổng thống đã đến thủ đô vào thứ Ba để bắt đầu chuyến thăm chính thức ba ngày. Trong chuyến thăm, hai nhà lãnh đạo đã ký nhiều thỏa thuận về thương mại và năng lượng."),
        ("es", "El presidente llegó a la capital el martes para una visita oficial de tres días. Durante la visita, los dos líderes firmaron varios acuerdos sobre comercio y energía."),
        ("fr", "Le président est arrivé mardi dans la capitale pour une visite officielle de trois jours. Pendant la visite, les deux dirigeants ont signé plusieurs accords sur le commerce et l'énergie."),
        ("de", "Der Präsident ist am Dienstag zu einem dreitägigen Staatsbesuch in der Hauptstadt eingetroffen. Während des Besuchs haben die beiden Politiker mehrere Abkommen über Handel und Energie unterzeichnet."),
        ("pt", "O presidente chegou à capital na terça-feira para uma visita oficial de três dias. Durante a visita, os dois líderes assinaram vários acordos sobre comércio e energia."),
        ("it", "Il presidente è arrivato martedì nella capitale per una visita ufficiale di tre giorni. Durante la visita, i due leader hanno firmato diversi accordi sul commercio e sull'energia."),
        ("id", "Presiden tiba di ibu kota pada hari Selasa untuk kunjungan resmi selama tiga hari. Dalam kunjungan tersebut, kedua pemimpin menandatangani beberapa perjanjian di bidang perdagangan dan energi."),
        ("ru", "Президент прибыл в столицу во вторник с официальным визитом на три дня. Во время визита лидеры двух стран подписали несколько соглашений о торговле и энергетике."),
        ("uk", "Президент прибув до столиці у вівторок з офіційним візитом на три дні. Під час візиту лідери двох країн підписали кілька угод про торгівлю та енергетику."),
        ("zh", "总统周二抵达首都，开始为期三天的正式访问。访问期间，两国领导人签署了多项贸易和能源协议。"),
        ("ja", "大統領は火曜日に首都に到着し、三日間の公式訪問を開始した。訪問中、両国の首脳は貿易とエネルギーに関する複数の協定に署名した。"),
        ("ko", "대통령은 화요일 수도에 도착해 사흘간의 공식 방문을 시작했다. 방문 기간 동안 두 정상은 무역과 에너지에 관한 여러 협정에 서명했다."),
        ("ar", "وصل الرئيس إلى العاصمة يوم الثلاثاء في زيارة رسمية تستغرق ثلاثة أيام. وخلال الزيارة وقع الزعيمان عدة اتفاقيات في مجال التجارة والطاقة."),
        ("nl", "De president is dinsdag in de hoofdstad aangekomen voor een officieel bezoek van drie dagen. Tijdens het bezoek hebben de twee leiders ook een aantal akkoorden over handel en energie getekend."),
        ("pl", "Prezydent przybył we wtorek do stolicy z trzydniową oficjalną wizytą. Podczas wizyty obaj przywódcy podpisali także kilka umów dotyczących handlu i energii, które zostały przygotowane przez ministrów."),
        ("cs", "Prezident přijel v úterý do hlavního města na třídenní oficiální návštěvu. Během návštěvy oba představitelé podepsali také několik dohod o obchodu a energetice, které byly připraveny předem."),
        ("ro", "Președintele a sosit marți în capitală pentru o vizită oficială de trei zile. În timpul vizitei, cei doi lideri au semnat mai multe acorduri privind comerțul și energia."),
        ("sv", "Presidenten anlände till huvudstaden på tisdagen för ett officiellt besök som varar i tre dagar. Under besöket undertecknade de två ledarna också flera avtal om handel och energi."),
        ("da", "Præsidenten ankom til hovedstaden tirsdag til et officielt besøg på tre dage. Under besøget underskrev de to ledere også flere aftaler om handel og energi, som blev forhandlet på forhånd."),
        ("tr", "Cumhurbaşkanı salı günü üç günlük resmi bir ziyaret için başkente geldi. Ziyaret sırasında iki lider ticaret ve enerji alanında çok sayıda anlaşma imzaladı."),
        ("hu", "Az elnök kedden érkezett a fővárosba egy háromnapos hivatalos látogatásra. A látogatás során a két vezető több kereskedelmi és energetikai megállapodást is aláírt, amely már régóta készült."),
        ("fa", "رئیس جمهور روز سه شنبه برای یک سفر رسمی سه روزه به پایتخت رسید. در این سفر دو رهبر چند توافق در زمینه تجارت و انرژی امضا کردند."),
    ])
    func identifies(_ code: String, _ text: String) throws {
        let (c, d) = Self.build([("a.txt", "Heading\n" + text)])
        #expect(c.documents[0].language.code == code)
        let read = code == "en" || code == "vi"
        let notes = d.filter { $0.message.contains("no events read") }
        #expect(notes.count == (read ? 0 : 1))
        if !read {
            let name = try #require(LanguageProfiles.standard.profiles.language(code: code)?.name)
            #expect(notes.first?.file == "a.txt" && notes.first?.message.hasPrefix("looks like \(name)") == true)
        }
    }

    @Test("names in capitals are not stop words: 'Kim Il Sung' holds no Italian article")
    func namesAreNotStopwords() {
        let (c, _) = Self.build([("a.txt", "Kim Il Sung visited Vietnam in 1958.")])
        #expect(c.documents[0].language == "en")
        #expect(c.visits.count == 1)
    }

    @Test("an article in a language the rules do not read yields no events, and is still a document")
    func noEventsInOtherLanguages() {
        let spanish = """
        Visita oficial
        El presidente llegó a la capital el martes para una visita oficial de tres días. Durante la visita, los dos líderes firmaron varios acuerdos sobre comercio y energía.
        La prensa citó una frase de la declaración final en inglés:
        "Kim Jong Un visited Vietnam in 2019."
        Los dos gobiernos también hablaron de la cooperación en la región y de las relaciones con sus vecinos.
        """
        let (c, d) = Self.build([("es.txt", spanish), ("en.txt", "Kim Jong Un visited Vietnam in 2019.")])
        #expect(c.documents.map(\.language) == ["es", "en"])
        #expect(c.visits.count == 1 && c.visits[0].mentions.map(\.document) == [1])
        #expect(d.filter { $0.file == "es.txt" }.count == 1)
        // The manifest's language overrides: read as English, the quoted sentence yields its visit.
        let entry = ManifestEntry(file: "es.txt", date: PartialDate(iso: "2024-03-12"), language: "en")
        let (forced, _) = CorpusBuilder(gazetteer: Fixtures.gazetteer, jobs: 1).build(texts: [("es.txt", spanish, entry)])
        #expect(forced.documents[0].language == "en" && forced.visits.count == 1)
    }

    @Test("a mixed article takes the language of most of its text and says so")
    func mixed() throws {
        let text = """
        Harbour talks
        The president arrived in the capital on Tuesday for a three-day official visit to the country.
        During the visit, the two leaders signed several agreements on trade and energy and spoke of the region.
        Tổng thống đã đến thủ đô vào thứ Ba để bắt đầu chuyến thăm chính thức ba ngày.
        """
        let (c, d) = Self.build([("mixed.txt", text)])
        #expect(c.documents[0].language == "en")
        let note = try #require(d.first { $0.file == "mixed.txt" })
        #expect(note.message.contains("mixed languages") && note.message.contains("English") && note.message.contains("Vietnamese"))
    }

    @Test("bad input still yields a document with one note naming what is missing", arguments: [
        ("no-date.txt", "Harbour talks\nThe two leaders met at the harbour to discuss trade and energy.", nil, "no publication date"),
        ("no-title.txt", ". . .\nThe two leaders met at the harbour to discuss trade and energy.", "2024-03-12", "no title"),
        ("table.txt", "| year | visits |\n|---|---|\n| 2019 | 3 |\n| 2020 | 1 |\n", "2024-03-12", "nothing but a table"),
        ("numbers.txt", "2019 3\n2020 1\n", "2024-03-12", "no words to tell the language"),
        ("archive.txt", "Harbour talks\nFrom the archive: 27 June 1963\nThe minister arrived on Tuesday.", nil,
         "read from the archive date 1963-06-27"),
    ] as [(String, String, String?, String)])
    func badInput(_ name: String, _ text: String, _ date: String?, _ expected: String) {
        let (c, d) = Self.build([(name, text)], date: date)
        #expect(c.documents.count == 1 && c.documents[0].name == name)
        let notes = d.filter { $0.file == name }
        #expect(notes.count == 1 && notes[0].severity == .note && notes[0].message.contains(expected), "\(notes)")
    }

    @Test("past the first documents with notes, the rest are counted in one summary note")
    func manyNotes() {
        let texts = (0..<(NoteCollector.verbatim + 5)).map { ("n\($0).txt", "Harbour talks \($0)\nThe two leaders met at the harbour.") }
        let (c, d) = Self.build(texts, date: nil)
        #expect(c.documents.count == NoteCollector.verbatim + 5)
        #expect(d.filter { $0.file.hasPrefix("n") }.count == NoteCollector.verbatim)
        #expect(d.last?.message.hasPrefix("5 more documents have notes") == true && d.last?.message.contains("5 without a publication date") == true,
                "\(d.last?.description ?? "")")
    }

    @Test("a well-formed article gets no note, nor one whose title is its opening words")
    func noNote() {
        let (c, d) = Self.build([("ok.txt", "Harbour talks\nThe two leaders met at the harbour to discuss trade and energy."),
                                 ("wire.txt", "The two leaders met at the harbour to discuss trade and energy, and agreed to meet again.")])
        #expect(d.isEmpty, "\(d)")
        #expect(c.documents[1].title == "The two leaders met at the harbour to discuss trade and energy, and…")
    }

    @Test("a bad line of a profile file is reported with file, line and column, and the rest loads")
    func badLines() throws {
        let dir = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "script\tranges\tspaces\nlatin\t0041-005A|0061-007A\tyes\ncyrillic\t0400-04ZZ\tyes\n".write(to: dir.appendingPathComponent("scripts.tsv"), atomically: true, encoding: .utf8)
        try "code\tname\tread\tscripts\tletters\nen\tEnglish\tyes\tlatin\t\nxx\tBad\tmaybe\tlatin\t\nfr\tFrench\tno\tlatn\t\nes\tSpanish\tno\tlatin\tñ\n"
            .write(to: dir.appendingPathComponent("languages.tsv"), atomically: true, encoding: .utf8)
        try "language\tword\nen\tthe\nen\tthe\nesp\tel\nes\tde la\nes\tel\n".write(to: dir.appendingPathComponent("stopwords.tsv"), atomically: true, encoding: .utf8)
        let (p, d) = LanguageProfiles.load(directory: dir)
        func at(_ file: String, _ line: Int) -> Diagnostic? { d.first { $0.file.hasSuffix(file) && $0.line == line } }
        #expect(at("scripts.tsv", 3)?.column == 10 && at("scripts.tsv", 3)?.message.contains("0400-04ZZ") == true)
        #expect(at("languages.tsv", 3)?.message.contains("read must be 'yes' or 'no'") == true)
        #expect(at("languages.tsv", 4)?.message.contains("did you mean 'latin'") == true)
        #expect(at("stopwords.tsv", 3)?.message.contains("listed for 'en' already (line 2)") == true)
        #expect(at("stopwords.tsv", 4)?.message.contains("did you mean 'es'") == true)
        #expect(at("stopwords.tsv", 5)?.message.contains("one word") == true)
        #expect(d.count == 6, "\(d)")
        #expect(p.languages.map(\.code) == ["en", "es", "und"])
    }

    @Test("the manifest refuses a language it does not know, with a hint")
    func manifestLanguage() {
        let (m, d) = CorpusManifest.parse("documents:\n  - file: a.txt\n    language: esp\n  - file: b.txt\n    language: es\n", path: "manifest.yaml")
        #expect(m["a.txt"]?.language == nil && m["b.txt"]?.language == "es")
        #expect(d.count == 1 && d[0].line == 3 && d[0].message.contains("did you mean 'es'"))
    }
}

@Suite("Language identification: names")
struct LanguageIDNameTests {
    @Test("an English report full of Vietnamese names is English, not mixed")
    func vietnameseNamesInEnglish() {
        let text = "Talks in Hà Nội\nThe president will hold talks with President Thưởng on Friday and meet Nguyễn Phú Trọng, Phạm Minh Chính and Vương Đình Huệ."
        let (c, d) = LanguageIDTests.build([("names.txt", text)])
        #expect(c.documents[0].language == "en")
        #expect(d.isEmpty, "\(d)")
    }
}
