// The language knowledge the rules use: titles and their levels, visit and meeting words, connectors.
// Everything is in folded-key form, so "Thủ tướng" and "thu tuong" are the same entry.
// Nothing here names a particular article's wording: these are the words of the genre.

struct TitleEntry {
    var tokens: [UInt64]
    var level: Level
    /// Titles such as "President" or "Chairman" whose level depends on the body named after them.
    var dependsOnBody: Bool
}

enum Lexicon {
    static let possessiveKey = Fold.lowerKey("'s")
    static func keys(_ s: String) -> [UInt64] {
        s.split(separator: " ").map { Fold.lowerKey($0) }
    }

    static let titleList: [(String, Level, Bool)] = [
        // English
        ("General Secretary", .headOfParty, false), ("Party General Secretary", .headOfParty, false),
        ("Secretary General", .headOfParty, true), ("Secretary-General", .headOfParty, true),
        ("Party chief", .headOfParty, false), ("Party leader", .headOfParty, false),
        ("Party Secretary", .headOfParty, false), ("First Secretary", .headOfParty, false),
        ("Party Chairman", .headOfParty, false),
        ("President", .headOfState, true), ("State President", .headOfState, false),
        ("King", .headOfState, false), ("Queen", .headOfState, false), ("Emperor", .headOfState, false),
        ("Emir", .headOfState, false), ("Sultan", .headOfState, false), ("Supreme Leader", .headOfState, false),
        ("Head of State", .headOfState, false), ("Grand Duke", .headOfState, false),
        ("Prime Minister", .headOfGovernment, false), ("Premier", .headOfGovernment, false),
        ("PM", .headOfGovernment, false), ("Chancellor", .headOfGovernment, false),
        ("Speaker", .legislatureHead, false), ("Chairman", .other, true), ("Chairwoman", .other, true),
        ("Chair", .other, true),
        ("Vice President", .deputyHeadOfState, false), ("Vice-President", .deputyHeadOfState, false),
        ("Vice State President", .deputyHeadOfState, false), ("Deputy President", .deputyHeadOfState, false),
        ("Deputy Prime Minister", .deputyHeadOfGovernment, false), ("Deputy PM", .deputyHeadOfGovernment, false),
        ("First Deputy Prime Minister", .deputyHeadOfGovernment, false), ("Vice Premier", .deputyHeadOfGovernment, false),
        ("Vice-Premier", .deputyHeadOfGovernment, false), ("Vice Prime Minister", .deputyHeadOfGovernment, false),
        ("Minister", .minister, false), ("Foreign Minister", .minister, false), ("Defence Minister", .minister, false),
        ("Defense Minister", .minister, false), ("Secretary of State", .minister, false),
        ("Foreign Secretary", .minister, false), ("Defense Secretary", .minister, false),
        ("Deputy Minister", .other, false), ("Vice Minister", .other, false), ("Deputy Foreign Minister", .other, false),
        ("Ambassador", .other, false), ("Governor", .other, false), ("Mayor", .other, false),
        ("Senator", .other, false), ("Envoy", .other, false), ("Special Envoy", .other, false),
        ("Crown Prince", .other, false), ("Prince", .other, false), ("Princess", .other, false),
        ("Chief of Staff", .other, false),
        ("leader", .other, true), ("top leader", .headOfParty, false), ("lãnh đạo", .other, true),
        ("Comrade", .other, true), ("Đồng chí", .other, true), ("lãnh tụ", .other, true), ("Samdech", .other, true),
        ("Foreign Ministry spokesperson", .other, false),
        // Vietnamese
        ("Tổng Bí thư", .headOfParty, false), ("Bí thư thứ nhất", .headOfParty, false),
        ("Chủ tịch nước", .headOfState, false), ("Tổng thống", .headOfState, false),
        ("Quốc vương", .headOfState, false), ("Nhà vua", .headOfState, false), ("Hoàng đế", .headOfState, false),
        ("Nữ hoàng", .headOfState, false), ("Chủ tịch Quốc vụ", .headOfState, false),
        ("Thủ tướng", .headOfGovernment, false), ("Thủ tướng Chính phủ", .headOfGovernment, false),
        ("Chủ tịch Quốc hội", .legislatureHead, false), ("Chủ tịch Thượng viện", .legislatureHead, false),
        ("Chủ tịch Hạ viện", .legislatureHead, false), ("Chủ tịch Hội nghị nhân dân tối cao", .legislatureHead, false),
        ("Phó Chủ tịch nước", .deputyHeadOfState, false), ("Phó Tổng thống", .deputyHeadOfState, false),
        ("Phó Thủ tướng", .deputyHeadOfGovernment, false), ("Phó Thủ tướng Thường trực", .deputyHeadOfGovernment, false),
        ("Bộ trưởng", .minister, false), ("Ngoại trưởng", .minister, false), ("Bộ trưởng Ngoại giao", .minister, false),
        ("Bộ trưởng Quốc phòng", .minister, false), ("Bộ trưởng Công an", .minister, false),
        ("Thứ trưởng", .other, false), ("Đại sứ", .other, false), ("Chủ tịch", .other, true),
        // Socialist states' councils: "Chairman of the Council of Ministers" heads the government.
        ("Chủ tịch Hội đồng Bộ trưởng", .headOfGovernment, false), ("Chủ tịch Hội đồng Nhà nước", .headOfState, false),
        ("Chairman of the Council of Ministers", .headOfGovernment, false), ("Chairman of the Council of State", .headOfState, false),
    ]

    /// First token key -> titles starting with it, longest first.
    static let titles: LookupTable<[TitleEntry]> = {
        var d = LookupTable<[TitleEntry]>()
        for (s, level, body) in titleList {
            // "Vice-President" folds like "Vice President"; split on spaces only.
            let k = keys(s)
            var list = d[k[0]] ?? []
            list.append(TitleEntry(tokens: k, level: level, dependsOnBody: body))
            list.sort { $0.tokens.count > $1.tokens.count }
            d[k[0]] = list
        }
        return d
    }()

    /// Words naming a body after "President of" / "Chairman of": the level they imply.
    static let bodyLevels: LookupTable<Level> = {
        var d = LookupTable<Level>()
        for w in ["Assembly", "Parliament", "Congress", "Duma", "Senate", "Diet", "Majlis", "Knesset", "Bundestag",
                  "Council", "Legislature", "Sejm", "Rada", "Cortes", "Hural", "Khural", "Quốc hội", "Nghị viện"] {
            d[Fold.lowerKey(w)] = .legislatureHead
        }
        for w in ["Party", "Đảng"] { d[Fold.lowerKey(w)] = .headOfParty }
        for w in ["Republic", "State", "Federation", "Kingdom", "Presidium", "nước"] { d[Fold.lowerKey(w)] = .headOfState }
        for w in ["Government", "Cabinet", "Chính phủ"] { d[Fold.lowerKey(w)] = .headOfGovernment }
        for w in ["Commission", "Bank", "Committee", "Fund", "Forum", "Union", "Organisation", "Organization",
                  "Company", "Corporation", "Group", "Association", "Federation of"] { d[Fold.lowerKey(w)] = .other }
        return d
    }()

    /// Words of institutions, never part of a person's name.
    static let institutionWords = PhraseSet([
        "Party", "Committee", "Central", "Council", "Assembly", "Federation", "Commission", "Cabinet", "Presidium",
        "Duma", "Ministry", "Republic", "Kingdom", "Union", "Congress", "Parliament", "Senate", "Government",
        "Office", "Bureau", "Court", "Front", "League", "Army", "Affairs", "Defence", "Defense", "Security",
        "State", "People", "Peoples", "National", "Supreme", "Foreign", "Public", "Federal", "Communist", "Workers",
        "Socialist", "Democratic", "United", "Nations", "Organization", "Organisation", "Agency", "Bank", "Fund",
        "Forum", "Academy", "University", "Institute", "Association", "Corporation", "Group", "Company",
        "International", "Economic", "Trade", "Development", "Commerce", "Finance", "Industry", "Planning",
        "Investment", "Justice", "Interior", "Health", "Education", "Culture", "Sports", "Tourism", "Information",
        "Communications", "Agriculture", "Labour", "Labor", "Transport", "Construction", "Science", "Technology",
        "Home", "External", "Relations", "Standing", "Politburo", "Secretariat", "Military", "Revolutionary",
        "Presidential", "Executive", "Legislative", "Provincial", "City", "Municipal", "Region", "Province",
        "Statue", "Square", "Mausoleum", "Airport", "Palace", "Hall", "House", "Street", "Museum", "Cuba",
        "Armed", "Forces", "Navy", "Police", "Treasury", "Energy", "Environment", "Resources", "Natural",
        "Chính phủ", "Quốc hội", "Bộ", "Ban", "Ủy", "Trung", "ương", "Đảng", "Nhà", "Hội", "Mặt", "trận",
    ])

    /// Lower-case words that may sit inside a proper name or a title's complement.
    static let connectors = PhraseSet(["of", "the", "and", "for", "to", "on", "de", "da", "do", "dos",
                                               "das", "del", "della", "di", "du", "la", "le", "van", "von", "der",
                                               "bin", "al", "el", "y"])
    /// Lower-case particles allowed inside a person's name ("Luiz Inácio Lula da Silva").
    static let nameParticles = PhraseSet(["de", "da", "do", "dos", "das", "del", "della", "di", "du", "la",
                                                 "le", "van", "von", "der", "bin", "al", "el", "y", "ibn", "bint",
                                                 "ben"])

    /// Modifiers before a title: "former", "late", "then".
    static let titleModifiers = PhraseSet(["former", "late", "then", "outgoing", "incoming", "acting",
                                                  "interim", "newly", "elected", "cố", "nguyên", "tân"])
    static let historicalModifiers = PhraseSet(["former", "late", "then", "cố", "nguyên"])

    // MARK: Events

    /// Visit words. Nouns: a visit, a trip; verbs: to visit, to travel.
    static let visitNouns = PhraseSet(["visit", "visits", "trip", "trips", "tour", "journey", "stay",
                                              "chuyến thăm", "chuyến công tác", "chuyến công du"])
    static let visitVerbs = PhraseSet(["visit", "visited", "visiting", "visits", "toured", "tour", "touring",
                                              "thăm", "công du", "thăm viếng"])
    /// Verbs of arriving and travelling that make a visit when their place is abroad.
    static let arrivalVerbs = PhraseSet(["arrived", "arrives", "arrive", "arriving", "landed", "lands",
                                                "travelled", "traveled", "travels", "travel", "travelling", "traveling", "flew", "flying", "heading",
                                                "headed", "went", "came", "comes", "tới", "đến", "sang", "leaving for",
                                                "left for", "leave for", "leaves for", "departed for", "departs for",
                                                "heading for", "headed for", "bound for", "lên đường sang", "lên đường tới",
                                                "returned to", "returns to", "returning to", "trở lại", "quay lại",
                                                "expected in", "due in", "đi", "flown", "fly", "flies", "spent", "spends",
                                                "stopped in", "stops in", "stopover in"])
    /// Words of being somewhere, a visit when a foreign place follows at once ("was in Mongolia on Monday").
    static let presenceWords = PhraseSet(["was in", "is in", "were in", "will be in", "đang ở", "có mặt tại"])
    /// Attending a gathering abroad is a visit; skipping one is a visit that did not happen.
    static let attendVerbs = PhraseSet(["attend", "attends", "attended", "attending", "skipped", "skips", "skip",
                                        "missed", "misses", "represented", "represents", "representing", "dự", "tham dự",
                                        "dự lễ", "đại diện"])
    static let skipVerbs = PhraseSet(["skipped", "skips", "skip", "missed", "misses"])
    static let gatheringWords = PhraseSet(["summit", "summits", "conference", "conferences", "forum", "forums", "meeting",
                                           "meetings", "session", "sessions", "congress", "talks", "debate", "assembly",
                                           "celebration", "celebrations", "parade", "ceremony", "games", "olympics",
                                           "coronation", "funeral", "inauguration", "swearing-in", "wedding", "expo",
                                           "hội nghị", "diễn đàn", "lễ", "thượng đỉnh", "quốc tang", "đăng quang"])
    /// Words that make a plural or generic visit word introduce a list of visits ("visits, including that of").
    static let listIntroducers = PhraseSet(["including", "includes", "such", "as", "that", "those", "of", "by",
                                                   "with", "like", "namely"])
    /// Words after which a person is the host or the other party, not the visitor.
    /// Words after which a person is the host: never the visitor.
    static let hostCues = PhraseSet([
        "invitation of", "invitation from", "invited by", "hosted by", "guest of", "guests of", "welcomed by",
        "received by", "greeted by", "accompanied by", "lời mời của", "mời của",
    ])
    /// Words after which a person is the other party of talks: the visitor only if no one else can be.
    static let otherPartyCues = PhraseSet([
        "talks with", "met with", "meeting with", "meetings with", "met", "summit with", "call with", "hội đàm với",
        "hội kiến", "hội kiến với", "gặp", "gặp gỡ", "điện đàm với",
    ])
    /// Words after which a person is the guest: the visitor first ("Tô Lâm welcomed President X").
    static let guestCues = PhraseSet([
        "received", "welcomed", "hosted", "greeted", "đón", "tiếp", "tiếp đón", "đón tiếp", "lễ đón",
    ])
    static let invitationWords = PhraseSet(["invitation", "lời", "mời", "invited"])
    /// "of", "của": what follows belongs to what comes before ("President X of Mozambique", "the predecessor of Y").
    static let ofWords = KeyTableSet(["of", "của"].map { Fold.lowerKey($0) })

    static let kindWords: LookupTable<String> = {
        var d = LookupTable<String>()
        for w in ["state", "State"] { d[Fold.lowerKey(w)] = "state" }
        for w in ["official", "officially"] { d[Fold.lowerKey(w)] = "official" }
        for w in ["working"] { d[Fold.lowerKey(w)] = "working" }
        return d
    }()
    /// Vietnamese kind phrases after "thăm": "cấp Nhà nước", "chính thức", "làm việc".
    static let vietnameseKinds = PhraseSet(["cấp Nhà nước", "chính thức", "làm việc"])

    static let plannedCues = PhraseSet(["will", "would", "shall", "plans", "planned", "planning", "plan",
                                               "scheduled", "expected", "set", "due", "upcoming", "forthcoming",
                                               "going", "intends", "intend", "invited", "invites", "invite",
                                               "accepted", "proposed", "sẽ", "sắp", "dự", "kiến"])
    static let negationCues = PhraseSet(["not", "never", "cancelled", "canceled", "postponed", "called",
                                                "scrapped", "declined", "refused", "without", "no", "n't", "không",
                                                "chưa", "hoãn", "hủy", "huỷ"])

    static let cancelCues = PhraseSet(["cancelled", "canceled", "postponed", "called off", "scrapped", "shelved",
                                       "hoãn", "hủy", "huỷ", "bị hoãn", "bị hủy"])
    static let meetingWords = PhraseSet(["talks", "met", "meet", "meets", "meeting", "meetings", "summit",
                                                "received", "receives", "hội đàm", "hội kiến", "tiếp đón", "hội nghị thượng đỉnh", "thượng đỉnh",
                                                "tiếp kiến", "gặp", "điện đàm"])
    static let messageWords = PhraseSet(["exchanged messages", "exchanged congratulatory", "exchange messages",
                                           "sent a message", "sent messages", "sent a letter", "sent a congratulatory",
                                           "sent congratulations", "exchanged letters", "exchanged greetings",
                                           "trao đổi điện", "gửi điện", "gửi thư", "trao đổi thư", "gửi lời chúc mừng"])
    static let relationsWords = PhraseSet(["diplomatic relations", "diplomatic ties", "quan hệ ngoại giao",
                                           "relations", "ties", "quan hệ"])
    static let establishWords = PhraseSet(["establish", "established", "establishing", "establishment",
                                                  "set", "forged", "normalised", "normalized", "normalisation",
                                                  "normalization", "thiết", "lập", "thiết lập"])
    static let anniversaryWords = PhraseSet(["anniversary", "anniversaries", "kỷ", "niệm",
                                                    "kỉ"])
    /// Words marking that the following time is a later one than the sentence's ("later", "afterwards").
    static let laterWords = PhraseSet(["later", "afterwards", "subsequently", "sau", "đó"])
}

/// A set of phrases of one or more tokens, matched on the tokens' lower-case keys.
struct PhraseSet: Sendable {
    private var byFirst = LookupTable<[[UInt64]]>()
    private var singles = KeyTable()

    init(_ phrases: [String]) {
        for p in phrases {
            let k = Lexicon.keys(p)
            if k.count == 1 { singles.set(k[0], 1) }
            var list = byFirst[k[0]] ?? []
            list.append(k)
            list.sort { $0.count > $1.count }
            byFirst[k[0]] = list
        }
    }

    func contains(_ key: UInt64) -> Bool { singles.contains(key) }

    /// Length in tokens of the longest phrase starting at `i` (0 if none).
    func match(_ tokens: [Token], at i: Int, end: Int) -> Int {
        guard i < end, let candidates = byFirst[tokens[i].lower] else { return 0 }
        outer: for c in candidates {
            if i + c.count > end { continue }
            for k in 1..<max(c.count, 1) where tokens[i + k].lower != c[k] { continue outer }
            return c.count
        }
        return 0
    }

    /// Length of the longest phrase ending at token `i` (inclusive), 0 if none.
    func matchEnding(_ tokens: [Token], at i: Int, start: Int) -> Int {
        var best = 0
        var j = i
        while j >= start && i - j < 6 {
            let n = match(tokens, at: j, end: i + 1)
            if n == i - j + 1 { best = n }
            j -= 1
        }
        return best
    }
}
