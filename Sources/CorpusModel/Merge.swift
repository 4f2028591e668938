// Stage 7: the merge. The same visit reported by several articles, or twice in one, becomes one
// event listing its mentions. Counts count events, never mentions.

/// The visit candidates of a corpus, kept from the assembly to the merge: 48 bytes each and no storage of
/// their own (a corpus has hundreds of thousands). Country codes are numbered; a candidate's reports (one per
/// sentence, 32 bytes each) are in a shared array.
struct VisitCandidates {
    private struct Record {
        var visitor: Int32
        var document: Int32
        var city: Int32          // -1: none
        var host: Int32          // -1: none
        var start: UInt32        // PartialDate.packed, 0: none
        var end: UInt32
        var notBefore: UInt32
        var firstMention: Int32  // index into `mentions`
        var destination: UInt16  // index into `countryCodes`
        var visitorCountry: UInt16 // index + 1 into `countryCodes`, 0: none
        var mentionCount: UInt8
        var kind: UInt8
        var status: UInt8
        var titleLevel: UInt8    // Level rank + 1, 0: none
        var rules: UInt16        // index into `ruleSets`
        var confidence: Float    // the scorer's probability
    }
    private var records: [Record] = []
    private var mentions: [Mention] = []
    private var countryCodes: [String] = []
    private var countryIndex: [String: UInt16] = [:]
    /// The distinct sets of rules of the candidates (a few hundred at most).
    private var ruleSets: [RuleSet] = []
    private var ruleSetIndex: [RuleSet: UInt16] = [:]

    private mutating func code(_ rules: RuleSet) -> UInt16 {
        if let i = ruleSetIndex[rules] { return i }
        precondition(ruleSets.count < Int(UInt16.max), "too many distinct rule sets")
        ruleSetIndex[rules] = UInt16(ruleSets.count)
        ruleSets.append(rules)
        return UInt16(ruleSets.count - 1)
    }

    var count: Int { records.count }
    var capacity: Int { records.capacity }
    mutating func reserveCapacity(_ n: Int) { records.reserveCapacity(n) }
    /// The reports of all candidates so far, and room for them (reserved like the records: grown by doubling,
    /// the array held up to twice what it used).
    var mentionCount: Int { mentions.count }
    var mentionCapacity: Int { mentions.capacity }
    mutating func reserveMentions(_ n: Int) { mentions.reserveCapacity(n) }

    /// The document of each country code's first candidate (the codes are numbered in that order).
    private var codeFirstDocuments: [Int32] = []

    private mutating func code(_ country: String, document: Int) -> UInt16 {
        if let i = countryIndex[country] { return i }
        countryIndex[country] = UInt16(countryCodes.count)
        countryCodes.append(country)
        codeFirstDocuments.append(Int32(document))
        return UInt16(countryCodes.count - 1)
    }

    mutating func append(_ v: VisitCandidate, document: Int) {
        let first = Int32(mentions.count)
        mentions += v.mentions.prefix(255).map { $0.inDocument(document) }
        // The destination's code first, then the visitor's country's: the order in which codes are numbered.
        let destination = code(v.destination, document: document)
        let visitorCountry = v.visitorCountry.map { code($0, document: document) + 1 } ?? 0
        records.append(Record(
            visitor: Int32(v.visitor), document: Int32(document), city: v.city.map(Int32.init) ?? -1,
            host: v.host.map(Int32.init) ?? -1,
            start: v.start?.packed ?? 0, end: v.end?.packed ?? 0, notBefore: v.notBefore?.packed ?? 0,
            firstMention: first,
            destination: destination, visitorCountry: visitorCountry,
            mentionCount: UInt8(mentions.count - Int(first)),
            kind: UInt8(VisitKind.allCases.firstIndex(of: v.kind)!), status: UInt8(VisitStatus.allCases.firstIndex(of: v.status)!),
            titleLevel: v.titleLevel.map { UInt8($0.rank + 1) } ?? 0, rules: code(v.rules),
            confidence: v.confidence))
    }

    /// What a later rebuild needs to merge again only the groups an edit touches (`MergeIndex`): each
    /// candidate's visitor, destination code and document, and the codes in the order they were numbered.
    func groupRecords() -> (visitors: [Int32], destinations: [UInt32], documents: [Int32], codes: [String], codeFirstDocuments: [Int32]) {
        (records.map(\.visitor), records.map { UInt32($0.destination) }, records.map(\.document), countryCodes, codeFirstDocuments)
    }

    /// Visitor and destination in one number, to group the candidates.
    func groupKey(_ i: Int) -> Int64 { Int64(records[i].visitor) << 16 | Int64(records[i].destination) }

    /// Calls `body` with readers of each candidate's `groupKey` and start's granularity rank (-1: undated) that
    /// read the records in place: a sort's comparison that called `groupKey` or `start` copied the candidates
    /// (retaining each of their arrays) at every comparison.
    func withSortKeys<R>(_ body: (_ groupKey: (Int) -> Int64, _ startRank: (Int) -> Int) -> R) -> R {
        records.withUnsafeBufferPointer { r in
            body({ Int64(r[$0].visitor) << 16 | Int64(r[$0].destination) },
                 { r[$0].start == 0 ? -1 : PartialDate(packed: r[$0].start)?.granularity.rank ?? -1 })
        }
    }
    func visitor(_ i: Int) -> Int { Int(records[i].visitor) }
    func document(_ i: Int) -> Int { Int(records[i].document) }
    func destination(_ i: Int) -> String { countryCodes[Int(records[i].destination)] }
    func visitorCountry(_ i: Int) -> String? { records[i].visitorCountry == 0 ? nil : countryCodes[Int(records[i].visitorCountry) - 1] }
    func city(_ i: Int) -> Int? { records[i].city < 0 ? nil : Int(records[i].city) }
    func host(_ i: Int) -> Int? { records[i].host < 0 ? nil : Int(records[i].host) }
    func start(_ i: Int) -> PartialDate? { records[i].start == 0 ? nil : PartialDate(packed: records[i].start) }
    func end(_ i: Int) -> PartialDate? { records[i].end == 0 ? nil : PartialDate(packed: records[i].end) }
    func notBefore(_ i: Int) -> PartialDate? { records[i].notBefore == 0 ? nil : PartialDate(packed: records[i].notBefore) }
    func kind(_ i: Int) -> VisitKind { VisitKind.allCases[Int(records[i].kind)] }
    func status(_ i: Int) -> VisitStatus { VisitStatus.allCases[Int(records[i].status)] }
    func rules(_ i: Int) -> RuleSet { ruleSets[Int(records[i].rules)] }
    func confidence(_ i: Int) -> Float { records[i].confidence }
    func titleLevel(_ i: Int) -> Level? { records[i].titleLevel == 0 ? nil : Level.allCases[Int(records[i].titleLevel) - 1] }
    func sentence(_ i: Int) -> Int { mentions(i).first.map(\.sentence) ?? 0 }
    func forEachSentence(_ i: Int, _ body: (Int) -> Void) { for m in mentions(i) { body(m.sentence) } }
    /// The reports of candidate `i`, in the order found.
    func mentions(_ i: Int) -> ArraySlice<Mention> {
        let r = records[i]
        return mentions[Int(r.firstMention)..<(Int(r.firstMention) + Int(r.mentionCount))]
    }
    /// Frees the reports once the merge has read them; `mentions(_:)`, `sentence(_:)` and `forEachSentence` must not
    /// be called after.
    mutating func dropMentions() { mentions = [] }
}

enum Merger {
    struct Cluster {
        var visitor: Int
        var destination: String
        /// Indexes of its candidates (not copies: a corpus has hundreds of thousands).
        var members: [Int32] = []
        var start: PartialDate?
        var end: PartialDate?
        /// A date of its article a few days off joined it as the same trip (rule merge.same-trip-in-article).
        var joinedSameTrip = false
        /// A report its page's month dated joined the report of its sentence dated in its own words (rule merge.sentence-dated).
        var joinedSentenceDated = false

        /// Days from its dates to `d` (0 when they overlap), when both are known to the day.
        func daysApart(_ d: PartialDate, _ e: PartialDate?) -> Int? {
            guard let s = start, s.granularity == .day, d.granularity == .day else { return nil }
            let a = s.dayRange.lowerBound...(end ?? s).dayRange.upperBound
            let b = d.dayRange.lowerBound...(e ?? d).dayRange.upperBound
            return max(0, b.lowerBound - a.upperBound, a.lowerBound - b.upperBound)
        }

        /// Dates overlap (within two days when both are known to the day).
        func compatible(_ d: PartialDate, _ e: PartialDate?) -> Bool {
            guard let s = start else { return false }
            let slack = s.granularity == .day && d.granularity == .day ? 2 : 0
            let a = s.dayRange.lowerBound...(end ?? s).dayRange.upperBound
            let b = d.dayRange.lowerBound...(e ?? d).dayRange.upperBound
            return a.lowerBound <= b.upperBound + slack && b.lowerBound <= a.upperBound + slack
        }

        mutating func add(start d: PartialDate?, end e: PartialDate?, _ index: Int) {
            members.append(Int32(index))
            guard let d else { return }
            if let s = start {
                if d.granularity > s.granularity { start = d; end = e }
                else if d.granularity == s.granularity && d.granularity == .day {
                    let newEnd = max(end ?? s, e ?? d)
                    start = min(s, d)
                    end = newEnd == start ? nil : newEnd
                }
            } else { start = d; end = e }
        }
    }

    /// The clusters of a corpus once made, compact: 24 bytes each and their members in one shared array (a
    /// `Cluster` with an array of its own cost about 100 bytes and an allocation, held until the merge's peak).
    struct ClusterTable {
        struct Entry {
            var visitor: Int32
            var firstMember: Int32
            var memberCount: Int32
            var start: UInt32 // PartialDate.packed, 0: none
            var end: UInt32
            var joinedSameTrip: Bool
            var joinedSentenceDated: Bool
            var startDate: PartialDate? { start == 0 ? nil : PartialDate(packed: start) }
        }
        private(set) var entries: [Entry] = []
        private var members: [Int32] = []

        var count: Int { entries.count }

        mutating func append(_ c: Cluster) {
            entries.append(Entry(visitor: Int32(c.visitor), firstMember: Int32(members.count), memberCount: Int32(c.members.count),
                                 start: c.start?.packed ?? 0, end: c.end?.packed ?? 0, joinedSameTrip: c.joinedSameTrip, joinedSentenceDated: c.joinedSentenceDated))
            members += c.members
        }

        /// Orders the clusters as `areInIncreasingOrder` says (their members stay where they are).
        mutating func sort(by areInIncreasingOrder: (Entry, Entry) -> Bool) { entries.sort(by: areInIncreasingOrder) }

        /// Cluster `i` as made (its destination is its first member's, as every member's is).
        func cluster(_ i: Int, _ candidates: VisitCandidates) -> Cluster {
            let e = entries[i]
            let own = Array(members[Int(e.firstMember)..<Int(e.firstMember + e.memberCount)])
            return Cluster(visitor: Int(e.visitor), destination: candidates.destination(Int(own[0])), members: own,
                           start: e.startDate, end: e.end == 0 ? nil : PartialDate(packed: e.end), joinedSameTrip: e.joinedSameTrip,
                           joinedSentenceDated: e.joinedSentenceDated)
        }
    }

    /// The visits of a corpus from its candidates, in three steps: candidates grouped by visitor and destination
    /// and clustered by date (`clusters`), clusters in chronological order, one visit per cluster (`visit(of:)`).
    /// What needs the candidates' reports (each visit's reports, its status) is read first, and the reports are
    /// dropped before the visits are made: the merge's peak then holds them once, not twice.
    static func mergeVisits<Entities: RandomAccessCollection<Entity> & Sendable>(
        _ candidates: inout VisitCandidates, documents: [Document], entities: Entities,
                            combination: VisitScorer.Combination = .noisyOr) -> [Visit] {
        var clusters = Self.clusters(candidates, documents: documents)
        clusters.sort { a, b in
            switch (a.startDate, b.startDate) {
            case let (x?, y?): return x != y ? x < y : a.visitor < b.visitor
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.visitor < b.visitor
            }
        }
        // Each cluster's reports and status, then its visit, are its own: both passes run in slices on the cores,
        // each writing straight into the array it makes.
        var reports: [ClusterReports]
        do {
            let table = clusters, all = candidates
            reports = Slices.array(clusters.count) { id in
                let c = table.cluster(id, all)
                return ClusterReports(mentions: mentionsInTextOrder(c.members.flatMap { all.mentions(Int($0)) }),
                                      status: strongestStatus(of: c, c.members.map(Int.init), all, documents: documents))
            }
        }
        candidates.dropMentions()
        // The statuses apart, so that the reports stay the one reference to their storage and are moved below.
        let table = clusters, kept = candidates, statuses = reports.map(\.status), hostLists = SingleHostLists(candidates)
        var visits = Slices.array(clusters.count) { id in
            visit(of: table.cluster(id, kept), id: id, kept, status: statuses[id], documents: documents, entities: entities,
                  combination: combination, hostLists: hostLists)
        }
        for id in visits.indices { swap(&visits[id].mentions, &reports[id].mentions) } // moved, not copied
        return visits
    }

    /// A cluster's reports in text order and the status they give its visit, read before the candidates' flat
    /// array of reports is freed.
    struct ClusterReports {
        var mentions: [Mention]
        var status: VisitStatus
    }

    /// Candidates grouped by visitor and destination (one sort of their indexes, no table of groups), each group
    /// clustered by date: most precise dates first, undated last.
    static func clusters(_ candidates: VisitCandidates, documents: [Document]) -> ClusterTable {
        var order = Array(0..<Int32(candidates.count))
        candidates.withSortKeys { groupKey, _ in
            order.sort { a, b in
                let x = groupKey(Int(a)), y = groupKey(Int(b))
                return x != y ? x < y : a < b
            }
        }
        var clusters = ClusterTable()
        var groupStart = 0
        while groupStart < order.count {
            var groupEnd = groupStart + 1
            let key = candidates.groupKey(Int(order[groupStart]))
            while groupEnd < order.count && candidates.groupKey(Int(order[groupEnd])) == key { groupEnd += 1 }
            // Most precise dates first; undated last; otherwise in the order found.
            let sorted = candidates.withSortKeys { _, startRank in
                order[groupStart..<groupEnd].sorted { a, b in
                    let ga = startRank(Int(a)), gb = startRank(Int(b))
                    return ga != gb ? ga > gb : a < b
                }
            }
            groupStart = groupEnd
            var local: [Cluster] = []
            for i32 in sorted { place(Int(i32), into: &local, candidates, documents: documents) }
            for c in local { clusters.append(c) }
        }
        return clusters
    }

    /// Puts one candidate into the clusters of its group, or a new one: a dated candidate into the nearest
    /// compatible cluster; "later" into the first visit after that date; an undated one into the only dated
    /// visit, else the latest one before its article, but never another article's visit dated years from its
    /// article (rule merge.undated-years-apart).
    static func place(_ index: Int, into local: inout [Cluster], _ candidates: VisitCandidates, documents: [Document]) {
        func newCluster() {
            var c = Cluster(visitor: candidates.visitor(index), destination: candidates.destination(index))
            c.add(start: candidates.start(index), end: candidates.end(index), index)
            local.append(c)
        }
        if let same = sentenceDated(index, local, candidates) {
            local[same].add(start: nil, end: nil, index)
            local[same].joinedSentenceDated = true
            return
        }
        if let d = candidates.start(index) {
            let e = candidates.end(index)
            let fits = local.indices.filter { local[$0].compatible(d, e) && !isAnotherTripOfItsArticle(index, local[$0], candidates) }
            if let best = fits.min(by: { abs(local[$0].start!.dayRange.lowerBound - d.dayRange.lowerBound) < abs(local[$1].start!.dayRange.lowerBound - d.dayRange.lowerBound) }) {
                local[best].add(start: d, end: e, index)
            } else if let trip = sameTripInArticle(index, local, candidates) {
                local[trip].add(start: d, end: e, index)
                local[trip].joinedSameTrip = true
            } else { newCluster() }
        } else if let after = candidates.notBefore(index) {
            // "visited Vietnam later": the first known visit after that date.
            let later = local.indices.filter { local[$0].start.map { $0 > after && !$0.isCompatible(with: after) } ?? false }
            if let first = later.min(by: { local[$0].start! < local[$1].start! }) { local[first].add(start: nil, end: nil, index) }
            else { newCluster() }
        } else {
            let document = candidates.document(index)
            let pub = documents[document].date
            let dated = local.indices.filter { c in
                guard let start = local[c].start, !isAnotherTripOfItsArticle(index, local[c], candidates) else { return false }
                guard let pub, abs(pub.year - start.year) >= 2 else { return true }
                return local[c].members.contains { candidates.document(Int($0)) == document }
            }
            let before = dated.filter { pub == nil || local[$0].start! <= pub! }
            if dated.count == 1 { local[dated[0]].add(start: nil, end: nil, index) }
            else if let last = before.max(by: { local[$0].start! < local[$1].start! }) { local[last].add(start: nil, end: nil, index) }
            else if let only = local.indices.first(where: { local[$0].start == nil }) { local[only].add(start: nil, end: nil, index) }
            else { newCluster() }
        }
    }

    /// A report that only its page's month dates, in a sentence where another report of the same visitor to the same
    /// country, with the same status, has a date of its own words ("was in Beijing on a state visit from Aug. 18 to 20": the presence and the
    /// visit noun): one visit, of that date (rule merge.sentence-dated). A plan or a cancellation so dated joins the
    /// one its article dates in its own words anywhere, in its page's year or later ("Trump hoãn thăm" over "... hoãn
    /// chuyến thăm ... ngày 2-3/9").
    /// The cluster, if any.
    static func sentenceDated(_ index: Int, _ local: [Cluster], _ candidates: VisitCandidates) -> Int? {
        guard candidates.rules(index).contains(.datePublicationMonth) else { return nil }
        let document = candidates.document(index), sentence = candidates.sentence(index), status = candidates.status(index)
        let page = candidates.start(index)
        return local.indices.first { c in
            local[c].start != nil && local[c].members.contains { m in
                let m = Int(m)
                guard let own = candidates.start(m), candidates.document(m) == document else { return false }
                // A plan or a cancellation: anywhere in its article, for a date not in a year before its page's.
                let placed = status == .occurred ? candidates.sentence(m) == sentence : own.year >= (page?.year ?? own.year)
                return placed
                    && !candidates.rules(m).contains(.datePublicationMonth) && candidates.status(m) == status
            }
        }
    }

    /// "will not travel to Cuba for the memorial" and "paid an official visit to Cuba earlier this month" in one
    /// article: a plan or cancellation undated in its own words is another trip than a visit the same article
    /// tells as past, with a past-tense cue and a date of its own; either way round.
    static func isAnotherTripOfItsArticle(_ index: Int, _ c: Cluster, _ candidates: VisitCandidates) -> Bool {
        let document = candidates.document(index)
        guard c.members.allSatisfy({ candidates.document(Int($0)) == document }) else { return false }
        if isPlanUndatedInItsWords(index, candidates) { return c.members.allSatisfy { isToldAsPast(Int($0), candidates) } }
        if isToldAsPast(index, candidates) { return c.members.allSatisfy { isPlanUndatedInItsWords(Int($0), candidates) } }
        return false
    }

    /// A plan or a cancellation with no date of its own words (none, or its article's month), in a current
    /// article (an archive text's month is its story's); a planned headline ("X sets off to visit Y") tells the
    /// news of the trip its body tells, a cancelled one does not.
    static func isPlanUndatedInItsWords(_ m: Int, _ candidates: VisitCandidates) -> Bool {
        let status = candidates.status(m)
        return status != .occurred && (status == .negated || candidates.sentence(m) > 0) && !candidates.rules(m).contains(.dateArchiveAnchor)
            && (candidates.start(m) == nil || candidates.rules(m).contains(.datePublicationMonth))
    }

    /// A report with a past-tense cue and a date of its own words, to the month at least.
    static func isToldAsPast(_ m: Int, _ candidates: VisitCandidates) -> Bool {
        guard candidates.status(m) == .occurred, candidates.rules(m).contains(.statusOccurredCue),
              let own = candidates.start(m), !candidates.rules(m).contains(.datePublicationMonth) else { return false }
        return own.granularity >= .month
    }

    /// The days one article may put between two dates of one visitor's trip to one country ("arrived on 27
    /// February", "the visit, which lasted until 8 March").
    static let sameTripDays = 21

    /// A cluster of the same article within `sameTripDays` of the date, with the same status, that the date
    /// completes: its trip's other date (an end date, a later day of the stay), not another visit. Two spans
    /// that each have an end are two trips. The nearest, if several.
    static func sameTripInArticle(_ index: Int, _ local: [Cluster], _ candidates: VisitCandidates) -> Int? {
        guard let d = candidates.start(index) else { return nil }
        let e = candidates.end(index), document = candidates.document(index), status = candidates.status(index)
        let near = local.indices.compactMap { i -> (index: Int, days: Int)? in
            guard let days = local[i].daysApart(d, e), days <= sameTripDays, local[i].end == nil || e == nil,
                  local[i].members.contains(where: { candidates.document(Int($0)) == document }),
                  local[i].members.allSatisfy({ candidates.status(Int($0)) == status }) else { return nil }
            return (i, days)
        }
        return near.min { $0.days < $1.days }?.index
    }

    /// The visit of a cluster: its most precise date, the kind most often reported, the strongest status of its
    /// reports (`strongestStatus`), the visitor's level on its date, the union of its reports' rules, every reporting sentence, and the
    /// reports' confidences combined by `combination`.
    /// The cluster's status (`strongestStatus`) and its reports (`mentionsInTextOrder`) are read before, while the
    /// candidates still hold their reports; the visit is made with none (`mergeVisits` moves them in).
    static func visit(of c: Cluster, id: Int, _ candidates: VisitCandidates, status: VisitStatus, documents: [Document],
                      entities: some RandomAccessCollection<Entity>, combination: VisitScorer.Combination,
                      hostLists: SingleHostLists = SingleHostLists()) -> Visit {
        // Members in the order they joined: most precise dates first.
        let members = c.members.map(Int.init)
        var kindVotes: [VisitKind: Int] = [:]
        for m in members where candidates.kind(m) != .unspecified { kindVotes[candidates.kind(m), default: 0] += 1 }
        let kind = kindVotes.max { a, b in a.value != b.value ? a.value < b.value : a.key.rawValue > b.key.rawValue }?.key ?? .unspecified
        let visitor = entities[entities.index(entities.startIndex, offsetBy: c.visitor)]
        var level: Level?
        let when = c.start ?? members.lazy.compactMap { documents[candidates.document($0)].date }.first
        if let w = when { level = visitor.office(at: w)?.level }
        if level == nil || visitor.discovered { level = members.compactMap { candidates.titleLevel($0) }.min() ?? level }
        var rules = RuleSet()
        for m in members { rules.formUnion(candidates.rules(m)) }
        if c.joinedSameTrip { rules.insert(.mergeSameTripInArticle) }
        if c.joinedSentenceDated { rules.insert(.mergeSentenceDated) }
        if status != .occurred && members.contains(where: { candidates.status($0) == .occurred }) { rules.insert(.mergeStrongestStatus) }
        return Visit(id: id, visitor: c.visitor, visitorCountry: visitor.country ?? members.first.flatMap { candidates.visitorCountry($0) },
                     destination: c.destination, city: members.lazy.compactMap { candidates.city($0) }.first,
                     hosts: hosts(of: members, candidates, shared: hostLists),
                     start: c.start, end: c.end, kind: kind, level: level ?? .other, status: status, mentions: [],
                     ruleSet: rules,
                     confidence: VisitScorer.combine(members.lazy.map { candidates.confidence($0) }, combination))
    }
}

extension Merger {
    /// The hosts its reports name, the one named by most reports first (ties: the first named). A single host's
    /// list is `shared`'s, when it has one.
    static func hosts(of members: [Int], _ candidates: VisitCandidates, shared: SingleHostLists = SingleHostLists()) -> [Int] {
        var order: [Int] = []
        var votes: [Int: Int] = [:]
        for m in members {
            guard let h = candidates.host(m) else { continue }
            if votes[h] == nil { order.append(h) }
            votes[h, default: 0] += 1
        }
        if order.count == 1, let list = shared.list(order[0]) { return list }
        return order.enumerated().sorted { a, b in
            votes[a.element]! != votes[b.element]! ? votes[a.element]! > votes[b.element]! : a.offset < b.offset
        }.map(\.element)
    }

    /// One list for each host the candidates name, shared by every visit with that host alone (most visits with a
    /// host): one array per visit held 4 MB at the peak of the generated corpus's merge, for a few hundred hosts.
    struct SingleHostLists: Sendable {
        private var lists: [Int: [Int]] = [:]
        init() {}
        init(_ candidates: VisitCandidates) {
            for i in 0..<candidates.count { if let h = candidates.host(i), lists[h] == nil { lists[h] = [h] } }
        }
        func list(_ host: Int) -> [Int]? { lists[host] }
    }

    /// The status of a merged visit from the strongest cue of its reports (rule merge.strongest-status): a plan or
    /// a cancellation beats "occurred" by default; an explicit occurrence (a past-tense cue or a departure told as
    /// done, or a report published
    /// after the visit's dates or dated by its article, outside the sentences that tell the plan) with a date of its
    /// own (`hasOwnDate`) from an article no older than the latest plan beats it; of plans, a cancellation
    /// beats an announcement; a proposed report (rule visit.proposed), or one placed by a gathering told before with no cue of its own against a
    /// cancellation, is never an explicit occurrence. An undated plan placed on a visit dated a month or more before its own article is
    /// about another, later trip: it does not count.
    static func strongestStatus(of c: Cluster, _ members: [Int], _ candidates: VisitCandidates, documents: [Document]) -> VisitStatus {
        var cued: [(status: VisitStatus, published: PartialDate?)] = []
        var explicitOccurrences: [PartialDate?] = []
        var anyOccurred = false
        // Sentences holding a plan or a cancellation: a date read there ("lands on Sunday") does not make a fact.
        var cuedSentences = Set<Int64>()
        // Sentences telling a cancellation ("said he would not travel to London, a trip expected in February"): a
        // report there is not told as past, however old its article.
        var cancelledSentences = Set<Int64>()
        for m in members where candidates.status(m) != .occurred {
            candidates.forEachSentence(m) { cuedSentences.insert(Int64(candidates.document(m)) << 32 | Int64($0)) }
            if candidates.status(m) == .negated { cancelledSentences.insert(Int64(candidates.document(m)) << 32 | Int64(candidates.sentence(m))) }
        }
        let cancelled = members.contains { candidates.status($0) == .negated }
        for m in members {
            let published = documents[candidates.document(m)].date
            switch candidates.status(m) {
            case .occurred:
                anyOccurred = true
                // A proposed report (rule visit.proposed) has no trigger of its own: it never outweighs a plan.
                if candidates.rules(m).contains(.visitProposed) { continue }
                // "X pulled out of the summit here. ... X had objected to ... the meeting": a report with no cue of its
                // own, placed and dated by the gathering told before, says nothing against the cancellation.
                if cancelled && candidates.rules(m).contains(.destinationGatheringContext)
                    && candidates.rules(m).contains(.statusOccurredDefault) { continue }
                let sentence = Int64(candidates.document(m)) << 32 | Int64(candidates.sentence(m))
                // A departure told as done has begun the trip on its article's day, dated or not.
                guard hasOwnDate(m, c, candidates, againstCancellation: cancelled) || candidates.rules(m).contains(.statusOccurredDeparture)
                else { continue }
                if candidates.rules(m).contains(.statusOccurredCue) || candidates.rules(m).contains(.statusOccurredDeparture)
                    || (!cancelledSentences.contains(sentence) && isRetrospective(c, published: published))
                    || (!cuedSentences.contains(sentence) && isDatedByItsArticle(m, candidates, published: published)) {
                    explicitOccurrences.append(published)
                }
            case let status:
                if candidates.start(m) == nil, let s = c.start, let published,
                   (c.end ?? s).dayRange.upperBound < published.dayRange.lowerBound - 31 { continue }
                cued.append((status, published))
            }
        }
        if cued.isEmpty {
            if anyOccurred || members.isEmpty { return .occurred }
            return members.contains { candidates.status($0) == .negated } ? .negated : .planned
        }
        let latestPlan = cued.compactMap(\.published).max()
        let occurredLater = explicitOccurrences.contains { published in
            guard let latestPlan else { return true }
            return published.map { $0 >= latestPlan } ?? false
        }
        if occurredLater { return .occurred }
        return cued.contains { $0.status == .negated } ? .negated : .planned
    }

    /// A report dated by its own words (not by its article's month): only such a report of a trip can tell it
    /// happened against a plan. Against a cancellation, as precisely as the month or as the visit: a cancelled
    /// trip is often made later the same year ("he finally landed in Shanghai in 2023" does not undo the state
    /// visit of 25 March 2023 that was postponed).
    static func hasOwnDate(_ m: Int, _ c: Cluster, _ candidates: VisitCandidates, againstCancellation: Bool) -> Bool {
        guard let own = candidates.start(m), !candidates.rules(m).contains(.datePublicationMonth) else { return false }
        return !againstCancellation || own.granularity >= .month || own.granularity >= (c.start?.granularity ?? own.granularity)
    }

    /// A report dated by its own words, all of it no later than its article ("arrived on 18/11", published on
    /// the 20th), tells a visit under way or past: a plan for its later days does not undo it.
    static func isDatedByItsArticle(_ m: Int, _ candidates: VisitCandidates, published: PartialDate?) -> Bool {
        guard let published, let s = candidates.start(m), !candidates.rules(m).contains(.datePublicationMonth) else { return false }
        return s.dayRange.upperBound <= published.dayRange.upperBound
    }

    /// A report published more than a week after the visit's last day tells what happened.
    static func isRetrospective(_ c: Cluster, published: PartialDate?) -> Bool {
        guard let published, let s = c.start else { return false }
        return published.dayRange.lowerBound > (c.end ?? s).dayRange.upperBound + 7
    }

    /// Reports in document and sentence order, one per sentence: of two reports of one sentence, the one that
    /// came first (the members are most precise dates first).
    static func mentionsInTextOrder(_ mentions: [Mention]) -> [Mention] {
        let order = mentions.indices.sorted { a, b in
            let x = mentions[a], y = mentions[b]
            return (x.document, x.sentence, a) < (y.document, y.sentence, b)
        }
        var unique: [Mention] = []
        unique.reserveCapacity(mentions.count)
        for i in order where unique.last?.place != mentions[i].place { unique.append(mentions[i]) }
        return unique
    }

    /// The visits a high-level visit can be: a visit whose visitor held no office of minister or above on its date
    /// and bore no such title (a senator, an envoy, a leader before or after his term, or a visit dated wrong) is
    /// left out, whatever its status (planned and cancelled ones were kept until 54 sets showed them 5 right and 93
    /// wrong). Numbered again. Measured on the annotated batches (docs/corpus-model.md).
    static func keepQualifyingLevels(_ visits: [Visit]) -> [Visit] {
        var kept = visits
        keepQualifyingLevels(&kept)
        return kept
    }

    /// Whether a visit's visitor held an office of minister or above on its date, or bore such a title.
    static func hasQualifyingLevel(_ v: Visit) -> Bool { v.level != .other }

    /// `keepQualifyingLevels` in place: the corpus's visits are not copied (a second array of them held 13 MB
    /// more at the end of a build of 100,000 articles).
    static func keepQualifyingLevels(_ visits: inout [Visit]) {
        guard !visits.allSatisfy(hasQualifyingLevel) else { return }
        keep(&visits, where: hasQualifyingLevel)
    }

    /// The visits whose confidence reaches `minimumConfidence`, numbered again.
    static func keep(_ visits: [Visit], minimumConfidence: Double) -> [Visit] {
        var kept = visits
        keep(&kept, minimumConfidence: minimumConfidence)
        return kept
    }

    static func keep(_ visits: inout [Visit], minimumConfidence: Double) {
        keep(&visits) { $0.confidence >= minimumConfidence }
    }

    /// Keeps the visits `wanted` accepts, in order, numbered again; in place.
    static func keep(_ visits: inout [Visit], where wanted: (Visit) -> Bool) {
        var n = 0
        for i in visits.indices where wanted(visits[i]) {
            if n != i { visits[n] = visits[i] }
            visits[n].id = n
            n += 1
        }
        visits.removeLast(visits.count - n)
    }
}

/// Merges the events other than visits as the documents are assembled, so their candidates are never all held:
/// the same kind of event with the same key (the countries of an establishment of relations; the ordinal, label
/// and date of an anniversary; the participants and month of a meeting or an exchange of messages) is one event.
struct EventMerger {
    private(set) var events: [Event] = []
    /// 64-bit hash of an event's key -> its index. (Two different keys with one hash would merge two events:
    /// about one chance in 10^9 for a million events.)
    private var byKey: [UInt64: Int32] = [:]
    /// event << 40 | sentence of every mention taken from the document being added (one mention per sentence).
    /// Documents are added in order, so the set is emptied at each new one: a set of every mention of the corpus
    /// held 2 MB, and twice that while it grew, at the end of the assembly (issue 9).
    private var seenInDocument = Set<UInt64>()
    private var seenDocument = -1

    var capacity: Int { events.capacity }
    mutating func reserveCapacity(_ n: Int) { events.reserveCapacity(n) }

    /// The hash of each event's key, and the position of the candidate that made it among its document's event
    /// candidates, in the order the events were made (`MergeIndex`).
    private(set) var keyHashes: [UInt64] = []
    private(set) var firstPositions: [UInt32] = []

    /// The hash of the key that makes two candidates one event (nil for a visit).
    static func keyHash(_ c: EventCandidate) -> UInt64? {
        var key = c.kind.rawValue + "|"
        switch c.kind {
        case .relationsEstablished: key += c.countries.sorted().joined(separator: ",")
        case .anniversary:
            key += "\(c.ordinal ?? 0)|" + Fold.folded(c.label?.split(separator: " ").prefix(4).joined() ?? "") + "|" + (c.start?.iso ?? "?")
        case .meeting, .messageExchange:
            key += c.participants.sorted().map(String.init).joined(separator: ",") + "|" + (c.start?.truncated(to: .month).iso ?? "?")
        case .visit: return nil // visits stay in `Corpus.visits` (`Corpus.timeline` makes an event of each on demand)
        }
        return Fold.rawHash(key.utf8)
    }

    /// Adds candidate number `position` of document `doc`'s event candidates.
    mutating func add(_ c: EventCandidate, document doc: Int, position: Int) {
        guard let hash = Self.keyHash(c) else { return }
        let mention = c.mention.inDocument(doc)
        if doc != seenDocument { seenInDocument.removeAll(keepingCapacity: true); seenDocument = doc }
        if let found = byKey[hash] {
            let i = Int(found)
            // One mention per sentence.
            if seenInDocument.insert(UInt64(i) << 40 | UInt64(c.sentence)).inserted { events[i].mentions.append(mention) }
            if c.status == .occurred { events[i].status = .occurred }
            events[i].ruleSet.formUnion(c.rules)
            if let s = c.start, events[i].start.map({ s.granularity > $0.granularity }) ?? true { events[i].start = s; events[i].end = c.end }
            return
        }
        byKey[hash] = Int32(events.count)
        keyHashes.append(hash)
        firstPositions.append(UInt32(position))
        seenInDocument.insert(UInt64(events.count) << 40 | UInt64(c.sentence))
        events.append(Event(id: 0, kind: c.kind, participants: Self.shared(c.participants, &participantLists),
                            countries: Self.shared(c.countries, &countryLists), city: c.city, start: c.start, end: c.end,
                            status: c.status, ordinal: c.ordinal, label: c.label.map { Self.shared($0, &labels) }, mentions: [mention],
                            ruleSet: c.rules))
    }

    /// Equal lists and labels share one storage: the same pairs of countries and leaders, and the same
    /// labels, come back in article after article.
    private var participantLists: [UInt64: [Int]] = [:]
    private var countryLists: [UInt64: [String]] = [:]
    private var labels: [String: String] = [:]
    /// A list of numbers is found by the checksum of its bytes (hashing the list itself cost a tenth of a
    /// rebuild's assembly); a list whose checksum another list has is kept unshared.
    private static func shared(_ value: [Int], _ table: inout [UInt64: [Int]]) -> [Int] {
        let key = value.withUnsafeBytes { Checksum.of($0) }
        if let found = table[key] { return found == value ? found : value }
        table[key] = value
        return value
    }
    /// A list of strings likewise, by the checksum of their bytes, each followed by a 0 byte.
    private static func shared(_ value: [String], _ table: inout [UInt64: [String]]) -> [String] {
        var sum = Checksum()
        for var text in value {
            text.withUTF8 { sum.add(UnsafeRawBufferPointer($0)) }
            withUnsafeBytes(of: UInt8(0)) { sum.add($0) }
        }
        if let found = table[sum.value] { return found == value ? found : value }
        table[sum.value] = value
        return value
    }
    private static func shared<T: Hashable>(_ value: T, _ table: inout [T: T]) -> T {
        if let found = table[value] { return found }
        table[value] = value
        return value
    }

    /// The events in chronological order, numbered.
    mutating func finish() -> [Event] { finishIndexed().events }

    /// The events as made (not in order, not numbered), with their key hashes and first positions.
    mutating func takeUnsorted() -> (events: [Event], keyHashes: [UInt64], firstPositions: [UInt32]) {
        defer { self = EventMerger() }
        return (events, keyHashes, firstPositions)
    }

    /// The same, with each event's key hash and first position (`keyHashes`, `firstPositions`) in that order.
    mutating func finishIndexed() -> (events: [Event], keyHashes: [UInt64], firstPositions: [UInt32]) {
        byKey = [:] // freed before sorting
        seenInDocument = []
        participantLists = [:]; countryLists = [:]; labels = [:]
        var events: [Event] = []
        swap(&events, &self.events) // sorted in place, not copied
        // By date (undated last), then kind (by name), then first document; compared on small keys.
        let keys = events.map { EventOrder(of: $0, position: 0) }
        let order = Array(0..<Int32(events.count)).sorted { i, j in keys[Int(i)].precedes(keys[Int(j)], ties: i < j) }
        events.permute(to: order)
        var hashes = keyHashes, positions = firstPositions
        keyHashes = []; firstPositions = []
        hashes.permute(to: order)
        positions.permute(to: order)
        for i in events.indices { Self.number(&events[i], i) }
        return (events, hashes, positions)
    }

    /// An event's id and confidence once it has its place.
    static func number(_ event: inout Event, _ id: Int) {
        event.id = id
        event.confidence = VisitScorer.combine(repeatElement(CandidateEvidence.defaultConfidence, count: min(event.mentions.count, 8)), .noisyOr)
    }
}

/// Where an event goes in `Corpus.events`: by date (undated last), then kind (by name), then first document,
/// then the position among that document's event candidates of the one that made it (the order they were made).
struct EventOrder {
    static let kindRank = Dictionary(uniqueKeysWithValues: EventKind.allCases.sorted { $0.rawValue < $1.rawValue }.enumerated().map { ($1, $0) })
    let start: PartialDate?
    let kind: Int
    let document: Int
    let position: UInt32

    init(of event: Event, position: UInt32) {
        start = event.start
        kind = Self.kindRank[event.kind]!
        document = event.mentions.first?.document ?? 0
        self.position = position
    }

    /// `ties`: the answer when date, kind and document are equal.
    func precedes(_ b: EventOrder, ties: Bool) -> Bool {
        switch (start, b.start) {
        case let (x?, y?) where x != y: return x < y
        case (nil, _?): return false
        case (_?, nil): return true
        default: return (kind, document) != (b.kind, b.document) ? (kind, document) < (b.kind, b.document) : ties
        }
    }

    func precedes(_ b: EventOrder) -> Bool { precedes(b, ties: position < b.position) }
}

extension Array {
    /// Puts the elements in `order` (element `order[k]` goes to position `k`) in place, following the
    /// permutation's cycles: no second array of elements (sorting the elements themselves would need one).
    mutating func permute(to order: [Int32]) {
        precondition(order.count == count)
        var done = [Bool](repeating: false, count: count)
        // Swapped in the buffer: the array's `swapAt` copied each element out and back (retaining its fields).
        withUnsafeMutableBufferPointer { elements in
            for start in elements.indices where !done[start] {
                var k = start
                while true {
                    done[k] = true
                    let from = Int(order[k])
                    if from == start { break }
                    elements.swapAt(k, from)
                    k = from
                }
            }
        }
    }
}

