// Stage 4: mentions of persons, countries, cities and organisations, resolved on folded keys.
// Persons absent from the gazetteer are found from the title before their name; short references
// ("Kim", "Party chief Lâm") are resolved against the persons of the same document and the date.

/// A person absent from the gazetteer, found from a title in one document.
struct DiscoveredPerson {
    var name: String
    var key: UInt64
    var country: String?
    var title: String
    var level: Level
    var shorts: [UInt64]
    /// The gender an honorific or a title before the name gave (PersonGenders.swift), if any.
    var gender: Gender?
}

/// A person named in a sentence. `entity` >= 0 is a gazetteer index; < 0 is discovered person -(k+1).
struct PersonRef {
    var entity: Int
    /// First token of the phrase including the title and modifiers ("the late North Korean Premier").
    var phraseStart: Int
    var nameStart: Int
    /// One past the name's last token.
    var nameEnd: Int
    var titleLevel: Level?
    var titleCountry: String?
    var historical: Bool
    var role: MentionRole
    /// Preceded by a host cue ("at the invitation of", "hosted by"): never the visitor.
    var hostContext: Bool = false
    /// Preceded by "talks with", "met": the other party, a visitor only when no one else can be.
    var otherParty: Bool = false
    /// Preceded by "welcomed", "received", "đón": the guest, the visitor first.
    var guest: Bool = false
    /// Named by one word that is also a month or a weekday ("May"), read as the person because a title or an
    /// honorific stands right before it (rule visitor.common-word-name).
    var commonWordName: Bool = false
    /// A host or the other party of talks by being joined to one ("talks with X and Y"; rule host.coordinated-party).
    var joinedParty: Bool = false
    /// For a pronoun, a possessive or a delegation word: how the person it stands for was found (Coreference.swift).
    var referring: Referring? = nil
}

struct PlaceRef {
    var country: String
    var city: Int?
    var tokens: Range<Int>
    var demonym: Bool
    /// Part of a person's title phrase or an organisation's name: never a destination.
    var inPhrase: Bool = false
    /// "the Ukrainian capital": a capital named by its country's demonym (DemonymCapital.swift).
    var namedByDemonym = false
    /// "shuttled between Damascus and Jerusalem": a place of a pair gone to and fro (rule destination.shuttle-between).
    var shuttle = false
}

/// A title without a name ("the North Korean leader", "the General Secretary").
struct TitleOnlyRef {
    var tokens: Range<Int>
    var level: Level
    var country: String?
    /// Where the title's complement ends (the token after it).
    var complementEnd: Int = -1
}

struct SentenceMentions {
    var persons: [PersonRef] = []
    var places: [PlaceRef] = []
    var organisations: [(entity: Int, tokens: Range<Int>)] = []
    var titleOnly: [TitleOnlyRef] = []
    var titles: [Range<Int>] = []
}

struct MentionFinder {
    let gazetteer: Gazetteer
    /// Keys named only by codes and acronyms ("BEN", "DPRK"): they match only words in capitals.
    let acronyms: KeyTableSet
    let b: UnsafeBufferPointer<UInt8>
    let tokens: [Token]
    let language: Language
    let date: PartialDate?
    var discovered: [DiscoveredPerson] = []
    var discoveredByKey: [UInt64: Int] = [:]
    /// The time the sentence being read tells (its first dated time, else the story's, else the publication's): a
    /// full name several persons share ("George Bush") is the one in office then (`choose`).
    var sentenceTime: PartialDate?
    /// Token index where each person was last named, for short references.
    var lastSeen: [Int: Int] = [:]
    /// Country mention counts, for the document's pair of countries.
    var countryCounts: [String: Int] = [:]
    var countryOrder: [String] = []
    /// The genders the honorifics before names gave (PersonGenders.swift).
    var textGenders = TextGenders()
    /// The token owners' buffer of `find`, kept between sentences (one allocation per document, not per sentence).
    private var ownerBuffer: [Bool] = []
    /// The entities' names taken apart into syllables, once per document (rule name.vietnamese-spelling).
    let nameSyllables = NameSyllables()

    /// The word sets the rules use.
    let lexicon: Lexicon

    init(gazetteer: Gazetteer, bytes: UnsafeBufferPointer<UInt8>, tokens: [Token], language: Language, date: PartialDate?,
         acronyms: KeyTableSet = KeyTableSet([]), lexicon: Lexicon = .bundled) {
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        self.acronyms = acronyms
        self.b = bytes
        self.tokens = tokens
        self.language = language
        self.date = date
    }

    /// A one-word name matches on the folded key in English text when the word has no diacritics
    /// ("To Lam" for "Tô Lâm"); in Vietnamese text, or on a word with diacritics, it must match exactly.
    func exactEnough(_ t: Token) -> Bool {
        if language != .vietnamese {
            var ascii = true
            for i in t.range where b[i] >= 0x80 { ascii = false; break }
            if ascii { return true }
        }
        return gazetteer.isExactSingle(t.lower)
    }

    /// Vietnamese nouns written with a capital in formal text that are also syllables of names: "Đoàn" (the
    /// delegation: "Đoàn đại biểu", "đón Đoàn"), "Đồng chí" (comrade), "Hội nghị", "Đảng". On their own they
    /// are the noun, never a short name (the full name is still found).
    static let clauseVerbs = KeyTableSet(["đã", "đang", "được", "bị", "vừa", "từng", "tiếp", "gặp", "hội", "dự", "nói", "cho"].map { Fold.lowerKey($0) })
    static let capitalisedNouns = KeyTableSet(["đoàn", "đồng", "hội", "đảng", "nhà", "lễ"].map { Fold.lowerKey($0) })
    func isCapitalisedNoun(_ i: Int) -> Bool {
        language == .vietnamese && Self.capitalisedNouns.contains(tokens[i].lower)
    }

    /// Whether `ref` is a country whose code folds to `key`.
    func isCountryCode(_ ref: Gazetteer.NameRef, key: UInt64) -> Bool {
        let i = Int(ref.entity)
        return gazetteer.entities.kind(at: i) == .country && gazetteer.entities.read(i) { Fold.key($0.id) } == key
    }

    func isPerson(_ ref: Gazetteer.NameRef) -> Bool { gazetteer.entities.kind(at: Int(ref.entity)) == .person }

    /// A word of the months or weekdays ("May", "March"): as a one-word name it needs a title or an honorific before
    /// it ("Prime Minister May", "Mrs May") to be a person (rule visitor.common-word-name).
    func isCommonWord(_ t: Token) -> Bool { lexicon.months[t.lower] != nil || lexicon.weekdays[t.lower] != nil }

    /// A title ("Prime Minister") or an honorific ("Mrs") ends right before token `i`.
    func hasTitleBefore(_ i: Int, from s: Int) -> Bool {
        guard i > s else { return false }
        if lexicon.honorifics.contains(tokens[i - 1].lower) { return true }
        for k in max(s, i - 5)..<i {
            guard let entries = lexicon.titles[tokens[k].lower] else { continue }
            for entry in entries where k + entry.tokens.count == i
                && (0..<entry.tokens.count).allSatisfy({ tokens[k + $0].lower == entry.tokens[$0] }) { return true }
        }
        return false
    }

    func isApostrophe(_ t: Token) -> Bool {
        t.kind == .punct && (t.first == 0x27 || (t.first == 0xE2 && t.length == 3 && b[Int(t.start) + 2] == 0x99))
    }

    func country(of ref: Int) -> String? {
        ref >= 0 ? gazetteer.entities.read(ref) { $0.country } : discovered[-ref - 1].country
    }

    mutating func noteCountry(_ c: String) {
        if countryCounts[c] == nil { countryOrder.append(c) }
        countryCounts[c, default: 0] += 1
    }

    /// The document's two main countries so far (most mentioned; ties by first mention).
    func mainPair() -> [String] {
        // Each count looked up once, not twice per comparison (a `String` key is hashed whole every time).
        let counts = countryOrder.map { countryCounts[$0]! }
        let order = countryOrder.indices.sorted { a, b in counts[a] != counts[b] ? counts[a] > counts[b] : a < b }
        return order.prefix(2).map { countryOrder[$0] }
    }

    /// Mentions in the sentence `range`; tokens in `reserved` (time expressions) are never names. The steps:
    /// gazetteer names, titles (with the names after them), short references, then what each person's
    /// phrase and the words before it say (`markPlacesInPhrases`, `markCueRoles`).
    mutating func find(sentence si: Int, range: Range<Int>, reserved: [Range<Int>] = []) -> SentenceMentions {
        var m = SentenceMentions()
        let s = range.lowerBound, e = range.upperBound
        guard s < e else { return m }
        var owner = ownerBuffer
        ownerBuffer = [] // `owner` is then the only reference: no copy on write
        owner.removeAll(keepingCapacity: true)
        owner.append(contentsOf: repeatElement(false, count: e - s))
        defer { ownerBuffer = owner }
        for r in reserved { for k in r where k >= s && k < e && tokens[k].kind == .word { owner[k - s] = true } }
        findNames(range, owner: &owner, m: &m)
        findTitles(sentence: si, range, owner: &owner, m: &m)
        findShortReferences(range, owner: &owner, m: &m)
        m.persons.sort { $0.nameStart < $1.nameStart }
        markPlacesInPhrases(&m)
        markCueRoles(&m, sentenceStart: s)
        markInvitationList(&m, from: s, to: e)
        noteHonorificGenders(m, sentenceStart: s)
        for p in m.persons { lastSeen[p.entity] = max(lastSeen[p.entity] ?? 0, p.nameStart) }
        return m
    }

    /// 1. Gazetteer names, longest match first.
    mutating func findNames(_ range: Range<Int>, owner: inout [Bool], m: inout SentenceMentions) {
        let s = range.lowerBound, e = range.upperBound
        var i = s
        while i < e {
            let t = tokens[i]
            guard t.kind == .word, t.capitalized, !owner[i - s] else { i += 1; continue }
            var h = Fold.empty
            var best: (end: Int, refs: Gazetteer.NameRefs)?
            var j = i
            while j < e && j - i < 9 {
                let tj = tokens[j]
                if tj.kind == .word || tj.kind == .possessive || tj.kind == .number {
                    if tj.kind == .word && !tj.capitalized && language == .english && !lexicon.connectors.contains(tj.lower) { break }
                    h = Fold.hash(h, bytes: b, from: Int(tj.start), to: Int(tj.end))
                    if tj.kind != .possessive && (tj.capitalized || tj.kind == .number || language == .vietnamese),
                       j > i || exactEnough(tj), let refs = gazetteer.nameRefs(forKey: h) {
                        let tokenCount = j - i + 1 // (an array is made only when a name is unusable)
                        var usable = refs.allSatisfy { usableName($0, tokenCount: tokenCount) } ? refs
                            : Gazetteer.NameRefs(refs.filter { usableName($0, tokenCount: tokenCount) })
                        if j == i && tj.length <= 5 && acronyms.contains(h) && !MetadataReader.isAllCaps(b, tj) { usable = Gazetteer.NameRefs([]) }
                        // A country's code matches only in capitals, also when another name shares its key: "Nga" is
                        // Russia in Vietnamese, never NGA (Nigeria).
                        // A country whose own name or demonym is the word ("The Lao president") is kept when no other
                        // name shares the key.
                        if j == i && tj.length == 3, !MetadataReader.isAllCaps(b, tj), usable.contains(where: { isCountryCode($0, key: h) }),
                           usable.contains(where: { !isCountryCode($0, key: h) }) {
                            usable = Gazetteer.NameRefs(usable.filter { !isCountryCode($0, key: h) })
                        }
                        if j > i, language == .vietnamese, !usable.allSatisfy({ spelledAsWritten($0, from: i, through: j) }) {
                            usable = Gazetteer.NameRefs(usable.filter { spelledAsWritten($0, from: i, through: j) })
                        }
                        // One word that is also another person's short form ("Clinton": Bill's alias "Clin-tơn",
                        // Hillary's surname) is resolved as a short form, by who was named last.
                        if j == i, !usable.isEmpty, gazetteer.hasShort(h), let shortOwners = gazetteer.shortRefs(forKey: h) {
                            var kept: [Gazetteer.NameRef] = []
                            for ref in usable where !(shortOwners.contains { $0 != ref.entity } && isPerson(ref)) { kept.append(ref) }
                            usable = Gazetteer.NameRefs(kept)
                        }
                        if j == i, isCommonWord(tj), !hasTitleBefore(i, from: s) { usable = Gazetteer.NameRefs(usable.filter { !isPerson($0) }) }
                        if !usable.isEmpty { best = (j + 1, usable) }
                    }
                    j += 1
                } else if isApostrophe(tj) || (tj.kind == .punct && tj.first == 0x2D && j > i) {
                    j += 1
                } else { break }
            }
            guard let found = best else { i += 1; continue }
            let ref = choose(found.refs)
            // The fields are read in place: a copy of the entity retained each of its strings and arrays.
            let entityIndex = Int(ref.entity)
            for k in i..<found.end { owner[k - s] = true }
            let kind = gazetteer.entities.kind(at: entityIndex)
            if kind == .country || kind == .city || kind == .region,
               isInWaterName(i..<found.end, isCountry: kind == .country, in: range) { i = found.end; continue }
            switch kind {
            case .person:
                var person = PersonRef(entity: Int(ref.entity), phraseStart: i, nameStart: i, nameEnd: found.end,
                                       titleLevel: nil, titleCountry: nil, historical: false, role: .name)
                person.commonWordName = found.end == i + 1 && isCommonWord(t)
                m.persons.append(person)
                lastSeen[Int(ref.entity)] = i
            case .country:
                let id = gazetteer.entities.read(entityIndex) { $0.id }
                if ref.role == .demonym, let capital = capitalNamed(byDemonymOf: entityIndex, at: i..<found.end, end: e) {
                    m.places.append(capital)
                    for k in capital.tokens where k < e { owner[k - s] = true }
                } else {
                    m.places.append(PlaceRef(country: id, city: nil, tokens: i..<found.end, demonym: ref.role == .demonym))
                }
                noteCountry(id)
            case .city:
                if let c = gazetteer.entities.read(entityIndex, { $0.country }) {
                    m.places.append(PlaceRef(country: c, city: Int(ref.entity), tokens: i..<found.end, demonym: false))
                    noteCountry(c) // a city speaks for its country in the document's main pair
                }
            case .region:
                // A province, state or island stands for its country ("Bali": Indonesia).
                if let c = gazetteer.entities.read(entityIndex, { $0.country }) {
                    m.places.append(PlaceRef(country: c, city: nil, tokens: i..<found.end, demonym: false))
                    noteCountry(c)
                }
            case .organisation:
                m.organisations.append((Int(ref.entity), i..<found.end))
            }
            i = found.end
        }
    }

    /// 2. Titles, with the modifiers and nationality before them and the name after them.
    mutating func findTitles(sentence si: Int, _ range: Range<Int>, owner: inout [Bool], m: inout SentenceMentions) {
        let s = range.lowerBound, e = range.upperBound
        var i = s
        var titleEnds: [Int] = []
        while i < e {
            if owner[i - s] { i += 1; continue }
            // (The class bit lets a word no title starts with pass without a lookup.)
            guard lexicon.wordClasses.has(.titleStart, tokens[i]), let entries = lexicon.titles[tokens[i].lower] else { i += 1; continue }
            var matched: TitleEntry?
            for entry in entries where i + entry.tokens.count <= e {
                var ok = true
                for k in 0..<entry.tokens.count where tokens[i + k].lower != entry.tokens[k] || owner[i + k - s] { ok = false; break }
                if ok { matched = entry; break }
            }
            guard let title = matched else { i += 1; continue }
            let te = i + title.tokens.count
            for k in i..<te { owner[k - s] = true }
            m.titles.append(i..<te)
            titleEnds.append(te)
            processTitle(title, at: i..<te, sentence: si, range: range, owner: &owner, m: &m)
            i = te
        }
    }

    /// 3. Short references not after a title ("Kim expressed", "said Lâm").
    mutating func findShortReferences(_ range: Range<Int>, owner: inout [Bool], m: inout SentenceMentions) {
        let s = range.lowerBound, e = range.upperBound
        var i = s
        while i < e {
            let t = tokens[i]
            if !owner[i - s], t.kind == .word, t.capitalized, !isCapitalisedNoun(i), !isCommonWord(t),
               !opensVietnameseWord(i, range),
               gazetteer.hasShort(t.key) && exactEnough(t) || localShort(t.key) != nil,
               let ref = resolveShort(t.key, level: nil, country: nil) {
                owner[i - s] = true
                m.persons.append(PersonRef(entity: ref, phraseStart: i, nameStart: i, nameEnd: i + 1, titleLevel: nil,
                                           titleCountry: nil, historical: false, role: .short))
            }
            i += 1
        }
    }

    /// A Vietnamese word capitalised because it opens the sentence or a bracket, its next syllable in lower case
    /// ("Bình luận: ...", "(Bình luận)"): a common word, not the short name of a person ("Bình"), whom Vietnamese
    /// copy names with a title or "ông", "bà" before a single syllable.
    func opensVietnameseWord(_ i: Int, _ range: Range<Int>) -> Bool {
        guard language == .vietnamese, i + 1 < range.upperBound, tokens[i + 1].kind == .word, !tokens[i + 1].capitalized else { return false }
        return i == range.lowerBound || (tokens[i - 1].kind == .punct && tokens[i - 1].first == 0x28)
    }

    /// Places inside a person's phrase or an organisation are not destinations.
    func markPlacesInPhrases(_ m: inout SentenceMentions) {
        for k in m.places.indices {
            let r = m.places[k].tokens
            if m.persons.contains(where: { $0.phraseStart <= r.lowerBound && r.lowerBound < $0.nameStart }) {
                m.places[k].inPhrase = true
            }
        }
    }

    /// Host context: a person right after "invitation of", "talks with", "met", "hosted by", or coordinated with
    /// such a person (`host.coordinated-party`); the guest after "welcomed", "received".
    func markCueRoles(_ m: inout SentenceMentions, sentenceStart s: Int) {
        for k in m.persons.indices {
            m.persons[k].setCue(lexicon.personCue(tokens, before: m.persons[k].phraseStart, sentenceStart: s))
            // "as Tito's guest", "at Xi's invitation": the person whose guest the visitor is hosts him.
            let after = m.persons[k].nameEnd
            if after + 1 < tokens.count, tokens[after].kind == .possessive,
               lexicon.hostPossessiveNouns.match(tokens, at: after + 1, end: tokens.count) > 0 {
                m.persons[k].hostContext = true
            }
        }
        markCoordinatedParties(&m)
    }

    /// Rejects single-word city names of small places (common words: "Victoria", "Mission").
    func usableName(_ ref: Gazetteer.NameRef, tokenCount: Int) -> Bool {
        // The fields are read in place: a copy of the entity retained each of its strings and arrays.
        let i = Int(ref.entity)
        if tokenCount == 1 && gazetteer.entities.kind(at: i) == .city { return gazetteer.entities.read(i) { $0.population ?? 0 } >= 100_000 }
        return true
    }

    /// Prefers a country, then a person, an organisation, and the largest city. Of persons who share the name, the
    /// one holding an office at the sentence's time (`personInOffice`).
    func choose(_ refs: Gazetteer.NameRefs) -> Gazetteer.NameRef {
        if refs.count == 1 { return refs[0] } // nothing to rank
        if let person = personInOffice(refs) { return person }
        func rank(_ r: Gazetteer.NameRef) -> (Int, Int) {
            let i = Int(r.entity) // fields read in place, not a copy of the entity
            let k: Int
            switch gazetteer.entities.kind(at: i) { case .country: k = 0; case .person: k = 1; case .organisation: k = 2; case .city: k = 3; case .region: k = 4 }
            let pairBonus = gazetteer.entities.read(i) { $0.country }.map { countryCounts[$0] != nil ? 0 : 1 } ?? 1
            return (k * 2 + pairBonus, -gazetteer.entities.read(i) { $0.population ?? 0 })
        }
        return refs.min { rank($0) < rank($1) }!
    }

    /// "Tổng thống Mỹ George Bush" in February 1989: of the persons a full name names, the only one in office at the
    /// sentence's time (else the publication's). Nil when the name names one person or none, or when not exactly
    /// one of them was in office then (the usual ranking decides).
    func personInOffice(_ refs: Gazetteer.NameRefs) -> Gazetteer.NameRef? {
        var persons: [Gazetteer.NameRef] = []
        for r in refs where gazetteer.entities.kind(at: Int(r.entity)) == .person { persons.append(r) }
        guard persons.count > 1, let time = sentenceTime ?? date else { return nil }
        let holding = persons.filter { !gazetteer.entities[Int($0.entity)].offices(at: time).isEmpty }
        return holding.count == 1 ? holding[0] : nil
    }

    func localShort(_ key: UInt64) -> Int? {
        discovered.firstIndex { $0.shorts.contains(key) }
    }

    /// A short form resolved by context: the person with this short form named most recently in the
    /// document; failing that, the only one holding an office (of the title's level) on the document's date.
    func resolveShort(_ key: UInt64, level: Level?, country: String?) -> Int? {
        var candidates: [Int] = (gazetteer.shortRefs(forKey: key) ?? []).map(Int.init)
        for (k, d) in discovered.enumerated() where d.shorts.contains(key) { candidates.append(-k - 1) }
        if candidates.isEmpty { return nil }
        if let seen = fitTitle(candidates.filter { lastSeen[$0] != nil }, level: level)
            .max(by: { lastSeen[$0]! < lastSeen[$1]! }) { return seen }
        var pool = candidates.filter { $0 >= 0 }
        // Without a title, a short form not yet introduced needs a person of the document's countries in office.
        if level == nil && country == nil {
            pool = pool.filter { p in gazetteer.entities[p].country.map { countryCounts[$0] != nil } ?? false }
            if let date { pool = pool.filter { !gazetteer.entities[$0].offices(at: date).isEmpty } }
            return pool.count == 1 ? pool[0] : nil
        }
        if let country { pool = pool.filter { gazetteer.entities[$0].country == country } }
        if let date {
            let holding = pool.filter { p in
                let offices = gazetteer.entities[p].offices(at: date)
                return level.map { l in offices.contains { $0.level == l } } ?? !offices.isEmpty
            }
            if holding.count == 1 { return holding[0] }
            if !holding.isEmpty { pool = holding }
        }
        let inPair = pool.filter { gazetteer.entities[$0].country.map { countryCounts[$0] != nil } ?? false }
        if inPair.count == 1 { return inPair[0] }
        return pool.count == 1 ? pool[0] : nil
    }

    /// Of the persons a short form may name, those who could hold the title's `level` ("President Clinton" is not
    /// the Clinton who was Secretary of State): gazetteer persons with an office of that level at the document's
    /// date, else at any time, and persons found in the text (their offices unknown). All of them when none fits,
    /// or when there is no title.
    func fitTitle(_ candidates: [Int], level: Level?) -> [Int] {
        guard let level, candidates.count > 1 else { return candidates }
        func fitting(_ officesOf: (Entity) -> [Office]) -> [Int] {
            candidates.filter { p in p < 0 || officesOf(gazetteer.entities[p]).contains { $0.level == level } }
        }
        if let date, case let atDate = fitting({ $0.offices(at: date) }), !atDate.isEmpty { return atDate }
        let ever = fitting { $0.offices }
        return ever.isEmpty ? candidates : ever
    }

    /// What stands before a title: modifiers ("former", "late") and a nationality ("Russian", "U.S.", "DPRK's").
    struct TitlePrefix {
        var phraseStart: Int
        var country: String?
        var historical = false
    }

    /// What follows a title: its complement ("of the Communist Party of Vietnam") and where a name would start.
    struct TitleComplement {
        var level: Level
        var country: String?
        /// The token after the complement.
        var end: Int
        /// The first token of a run of capitalised words that may be a name (-1: none).
        var runStart = -1
        /// A person already found whose name starts right after the complement.
        var personAt: Int?
    }

    /// Finds who a title belongs to: a named person after it (known, short form or new), or nobody
    /// (a title used alone, kept for coreference).
    mutating func processTitle(_ title: TitleEntry, at tr: Range<Int>, sentence si: Int, range: Range<Int>,
                               owner: inout [Bool], m: inout SentenceMentions) {
        let prefix = titlePrefix(at: tr, range: range, m: m)
        // Titles in apposition ("Bí thư thứ nhất Đảng ... Mông Cổ, Chủ tịch Hội đồng Bộ trưởng Tsedenbal"): the
        // country of the title just before, when only a comma separates them.
        let appositionCountry = prefix.phraseStart > range.lowerBound && tokens[prefix.phraseStart - 1].first == 0x2C
            ? m.titleOnly.last(where: { $0.complementEnd == prefix.phraseStart - 1 })?.country : nil
        var complement = titleComplement(title, at: tr, country: prefix.country, range: range, owner: owner, m: m)
        if complement.country == nil { complement.country = appositionCountry }
        if let pi = complement.personAt {
            m.persons[pi].phraseStart = min(m.persons[pi].phraseStart, prefix.phraseStart)
            m.persons[pi].titleLevel = m.persons[pi].titleLevel ?? complement.level
            m.persons[pi].titleCountry = m.persons[pi].titleCountry ?? complement.country
            m.persons[pi].historical = m.persons[pi].historical || prefix.historical
            return
        }
        if complement.runStart >= 0,
           nameAfterTitle(&complement, prefix: prefix, title: tr, range: range, owner: &owner, m: &m) { return }
        // "nhiều đoàn bộ trưởng", "các bộ trưởng": a title after a plural marker names a group, nobody to refer to.
        if namesGroup(titleStart: prefix.phraseStart, range: range) { return }
        m.titleOnly.append(TitleOnlyRef(tokens: prefix.phraseStart..<tr.upperBound, level: complement.level,
                                        country: complement.country, complementEnd: complement.end))
    }

    /// A plural marker right before the title at `k`, or before a delegation word before it ("nhiều đoàn bộ trưởng").
    func namesGroup(titleStart k: Int, range: Range<Int>) -> Bool {
        var j = k - 1
        if j > range.lowerBound, lexicon.delegationWords.match(tokens, at: j, end: k) > 0 { j -= 1 }
        return j >= range.lowerBound && lexicon.pluralMarkers.contains(tokens[j].lower)
    }

    /// The modifiers and nationality before the title at `tr`.
    func titlePrefix(at tr: Range<Int>, range: Range<Int>, m: SentenceMentions) -> TitlePrefix {
        var prefix = TitlePrefix(phraseStart: tr.lowerBound)
        var j = tr.lowerBound - 1
        while j >= range.lowerBound {
            let t = tokens[j]
            if lexicon.titleModifiers.contains(t.lower) {
                if lexicon.historicalModifiers.contains(t.lower) { prefix.historical = true }
                prefix.phraseStart = j; j -= 1; continue
            }
            if t.kind == .possessive { j -= 1; continue }
            if let p = m.places.firstIndex(where: { $0.tokens.upperBound == j + 1 && $0.tokens.upperBound <= tr.lowerBound }) {
                if prefix.country == nil { prefix.country = m.places[p].country }
                prefix.phraseStart = m.places[p].tokens.lowerBound
                j = prefix.phraseStart - 1
                continue
            }
            break
        }
        return prefix
    }

    /// Reads the title's complement up to a name, another title, a verb or anything else that ends it; a body
    /// in it ("of the Communist Party") can set the level of a title that depends on one.
    func titleComplement(_ title: TitleEntry, at tr: Range<Int>, country: String?, range: Range<Int>,
                         owner: [Bool], m: SentenceMentions) -> TitleComplement {
        let s = range.lowerBound, e = range.upperBound
        var c = TitleComplement(level: title.level, country: country, end: tr.upperBound)
        var bodySeen = false
        var k = tr.upperBound
        var steps = 0
        // A name starts right after the title or after a place, body or bracket of its complement.
        var anchor = tr.upperBound
        // A Vietnamese body written with lowercase words ("Bộ trưởng Nông nghiệp và Phát triển nông thôn Lê Minh
        // Hoan"): read on to the name that starts with a family name.
        var lowercaseBody = false
        scan: while k < e && steps < 16 {
            steps += 1
            let t = tokens[k]
            if let pi = m.persons.firstIndex(where: { $0.nameStart == k }) { c.personAt = pi; c.runStart = -1; break }
            if let p = m.places.first(where: { $0.tokens.lowerBound == k }) {
                if c.country == nil && !p.demonym { c.country = p.country }
                if c.country == nil { c.country = p.country }
                c.runStart = -1; k = p.tokens.upperBound; anchor = k; continue
            }
            if let o = m.organisations.first(where: { $0.tokens.lowerBound == k }) {
                if title.dependsOnBody && !bodySeen, let kind = gazetteer.entities[o.entity].organisationKind {
                    bodySeen = true
                    switch kind {
                    case "party": c.level = .headOfParty
                    case "legislature": c.level = .legislatureHead
                    case "government": c.level = .headOfGovernment
                    default: break
                    }
                }
                if c.country == nil { c.country = gazetteer.entities[o.entity].country }
                c.runStart = -1; k = o.tokens.upperBound; anchor = k; continue
            }
            if owner[k - s] || startsTitle(k, e) { break } // another title
            if t.kind == .punct && (t.first == 0x28) { // "(PCC)"
                var q = k + 1
                while q < e && q - k < 6 && !(tokens[q].kind == .punct && tokens[q].first == 0x29) { q += 1 }
                c.runStart = -1; k = q + 1; anchor = k; continue
            }
            if t.kind == .possessive || isApostrophe(t) { c.runStart = -1; k += 1; anchor = k; continue }
            if t.kind == .word && t.capitalized {
                if title.dependsOnBody && !bodySeen, let l = lexicon.bodyLevels[t.lower] { c.level = l; bodySeen = true }
                if lexicon.institutionWords.contains(t.lower) { c.runStart = -1; k += 1; anchor = k; continue }
                if c.runStart < 0 {
                    if k != anchor { break }
                    c.runStart = k
                }
                k += 1; continue
            }
            if t.kind == .word && c.runStart >= 0 && lexicon.nameParticles.contains(t.lower)
                && k + 1 < e && tokens[k + 1].capitalized { k += 1; continue }
            // A verb or tense word ends the complement: in "Thủ tướng sẽ thăm Campuchia" the place is not his country.
            if t.kind == .word && language == .vietnamese && (Self.clauseVerbs.contains(t.lower) || lexicon.plannedCues.contains(t.lower)
                || lexicon.visitVerbs.match(tokens, at: k, end: e) > 0 || lexicon.arrivalVerbs.match(tokens, at: k, end: e) > 0) { break }
            // (A Vietnamese name has no lowercase syllable: a run before one was a body's.)
            if t.kind == .word && language == .vietnamese && (lowercaseBody || c.runStart >= 0) && familyNameFollows(after: k, e) {
                lowercaseBody = true
                c.runStart = -1; k += 1; anchor = k; continue
            }
            if t.kind == .word && c.runStart < 0 && (lexicon.connectors.contains(t.lower) || language == .vietnamese) {
                if title.dependsOnBody && !bodySeen, let l = lexicon.bodyLevels[t.lower] { c.level = l; bodySeen = true }
                k += 1; continue
            }
            break
        }
        if title.dependsOnBody && !bodySeen && c.level == .other && title.tokens.count == 1
            && tokens[tr.lowerBound].lower == Fold.lowerKey("president") { c.level = .headOfState }
        c.end = k
        return c
    }

    /// The person named by the run of capitalised words after a title (a known short name or a new person); false
    /// when the run names nobody.
    mutating func nameAfterTitle(_ complement: inout TitleComplement, prefix: TitlePrefix, title tr: Range<Int>,
                                 range: Range<Int>, owner: inout [Bool], m: inout SentenceMentions) -> Bool {
        let s = range.lowerBound, e = range.upperBound
        var runStart = complement.runStart
        var runEnd = complement.end
        while runEnd > runStart && !tokens[runEnd - 1].capitalized { runEnd -= 1 }
        if runEnd - runStart > 5 { runStart = runEnd - 5 }
        runStart = vietnameseNameStart(runStart..<runEnd)
        let count = runEnd - runStart
        // "President Filipe Nyusi of Mozambique": the country after the name.
        if complement.country == nil, runEnd + 1 < e, lexicon.ofWords.contains(tokens[runEnd].lower),
           let place = m.places.first(where: { $0.tokens.lowerBound == runEnd + 1 && !$0.demonym && $0.city == nil }) {
            complement.country = place.country
        }
        let country = complement.country
        var ref: Int?
        var role = MentionRole.titled
        if count == 1, exactEnough(tokens[runStart]), let r = resolveShort(tokens[runStart].key, level: complement.level, country: country) {
            ref = r; role = .short
        } else if count >= 2 || (count == 1 && language != .vietnamese && tokens[runStart].length >= 3
                                 && !lexicon.institutionWords.contains(tokens[runStart].lower)) {
            if isConsort(level: complement.level, country: country, phraseStart: prefix.phraseStart, m) { complement.level = .other }
            ref = discover(runStart..<runEnd, country: country, level: complement.level, title: tr)
        }
        guard let ref else { return false }
        for q in runStart..<runEnd { owner[q - s] = true }
        var p = PersonRef(entity: ref, phraseStart: prefix.phraseStart, nameStart: runStart, nameEnd: runEnd,
                          titleLevel: complement.level, titleCountry: country, historical: prefix.historical, role: role)
        p.hostContext = false
        p.commonWordName = count == 1 && isCommonWord(tokens[runStart])
        m.persons.append(p)
        m.persons.sort { $0.nameStart < $1.nameStart }
        return true
    }

    /// "King Felipe VI and Queen Letizia of Spain", "Emperor Naruhito and Empress Masako of Japan": a person the
    /// gazetteer does not know, titled head of state of a country named with the title and joined by a coordinator
    /// to a known head of state of that country, is his consort (a country has one head of state): no visitor.
    func isConsort(level: Level, country: String?, phraseStart: Int, _ m: SentenceMentions) -> Bool {
        guard level == .headOfState, phraseStart >= 2, lexicon.coordinators.contains(tokens[phraseStart - 1].lower),
              let partner = m.persons.last(where: { $0.nameEnd == phraseStart - 1 }), partner.entity >= 0 else { return false }
        let entity = gazetteer.entities[partner.entity]
        guard entity.kind == .person, let home = entity.country, country == home else { return false }
        return partner.titleLevel == .headOfState || entity.offices.contains { $0.level == .headOfState }
    }

    /// A capitalised family name ("Nguyễn", `family-names`) in the few words after `k`, with no punctuation between.
    func familyNameFollows(after k: Int, _ e: Int) -> Bool {
        var q = k + 1
        while q < min(e, k + 7), tokens[q].kind == .word {
            if tokens[q].capitalized && lexicon.familyNames.contains(tokens[q].lower) { return true }
            q += 1
        }
        return false
    }

    /// In a Vietnamese text, where the name of a capitalised run after a title starts: at a family name that
    /// leaves two to four syllables ("Bộ trưởng Công Thương Nguyễn Hồng Diên": "Nguyễn Hồng Diên"), when the run
    /// does not itself open with one ("Trần Lưu Quang" is a name whole).
    func vietnameseNameStart(_ run: Range<Int>) -> Int {
        guard language == .vietnamese, run.count >= 3, !lexicon.familyNames.contains(tokens[run.lowerBound].lower),
              let j = (run.lowerBound + 1..<run.upperBound).first(where: { lexicon.familyNames.contains(tokens[$0].lower) }),
              (2...4).contains(run.upperBound - j) else { return run.lowerBound }
        return j
    }

    func startsTitle(_ k: Int, _ e: Int) -> Bool {
        guard let entries = lexicon.titles[tokens[k].lower] else { return false }
        return entries.contains { entry in
            k + entry.tokens.count <= e && (0..<entry.tokens.count).allSatisfy { tokens[k + $0].lower == entry.tokens[$0] }
        }
    }

    mutating func discover(_ r: Range<Int>, country: String?, level: Level, title: Range<Int>) -> Int {
        var h = Fold.empty
        for q in r { h = Fold.hash(h, bytes: b, from: Int(tokens[q].start), to: Int(tokens[q].end)) }
        if let known = gazetteer.refs(forKey: h)?.first(where: { gazetteer.entities[Int($0.entity)].kind == .person }) {
            return Int(known.entity)
        }
        // "President Filipe Jacinto Nyusi": a known person named with a middle name, from his first and last
        // names, when the title's country (if any) is his.
        if r.count >= 3 {
            var firstLast = Fold.hash(Fold.empty, bytes: b, from: Int(tokens[r.lowerBound].start), to: Int(tokens[r.lowerBound].end))
            firstLast = Fold.hash(firstLast, bytes: b, from: Int(tokens[r.upperBound - 1].start), to: Int(tokens[r.upperBound - 1].end))
            if let known = gazetteer.refs(forKey: firstLast)?.first(where: { ref in
                let e = gazetteer.entities[Int(ref.entity)]
                return e.kind == .person && (country == nil || e.country == country)
            }) { return Int(known.entity) }
        }
        if let k = discoveredByKey[h] {
            if discovered[k].country == nil { discovered[k].country = country }
            return -k - 1
        }
        let name = String(decoding: UnsafeBufferPointer(rebasing: b[Int(tokens[r.lowerBound].start)..<Int(tokens[r.upperBound - 1].end)]), as: UTF8.self)
        let titleText = String(decoding: UnsafeBufferPointer(rebasing: b[Int(tokens[title.lowerBound].start)..<Int(tokens[title.upperBound - 1].end)]), as: UTF8.self)
        var shorts = [tokens[r.upperBound - 1].key]
        if ["PRK", "KOR", "CHN"].contains(country ?? "") { shorts.append(tokens[r.lowerBound].key) }
        if r.count == 1 { shorts = [tokens[r.lowerBound].key] }
        discovered.append(DiscoveredPerson(name: name, key: h, country: country, title: titleText, level: level, shorts: shorts))
        discoveredByKey[h] = discovered.count - 1
        return -discovered.count
    }
}
