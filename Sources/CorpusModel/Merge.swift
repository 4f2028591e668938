// Stage 7: the merge. The same visit reported by several articles, or twice in one, becomes one
// event listing its mentions. Counts count events, never mentions.

enum Merger {
    struct Cluster {
        var visitor: Int
        var destination: String
        /// Indexes of its candidates (not copies: a corpus has hundreds of thousands).
        var members: [Int32] = []
        var start: PartialDate?
        var end: PartialDate?

        /// Dates overlap (within two days when both are known to the day).
        func compatible(_ d: PartialDate, _ e: PartialDate?) -> Bool {
            guard let s = start else { return false }
            let slack = s.granularity == .day && d.granularity == .day ? 2 : 0
            let a = s.dayRange.lowerBound...(end ?? s).dayRange.upperBound
            let b = d.dayRange.lowerBound...(e ?? d).dayRange.upperBound
            return a.lowerBound <= b.upperBound + slack && b.lowerBound <= a.upperBound + slack
        }

        mutating func add(_ v: VisitCandidate, _ index: Int) {
            members.append(Int32(index))
            guard let d = v.start else { return }
            if let s = start {
                if d.granularity > s.granularity { start = d; end = v.end }
                else if d.granularity == s.granularity && d.granularity == .day {
                    let newEnd = max(end ?? s, v.end ?? d)
                    start = min(s, d)
                    end = newEnd == start ? nil : newEnd
                }
            } else { start = d; end = v.end }
        }
    }

    static func mergeVisits(_ candidates: [(VisitCandidate, doc: Int)], documents: [Document], entities: [Entity]) -> [Visit] {
        var groups: [String: [Int]] = [:]
        var order: [String] = []
        for (i, c) in candidates.enumerated() {
            let key = "\(c.0.visitor)|\(c.0.destination)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(i)
        }
        var clusters: [Cluster] = []
        for key in order {
            // Most precise dates first; undated last.
            let sorted = groups[key]!.enumerated().sorted { a, b in
                let ga = candidates[a.element].0.start?.granularity.rank ?? -1, gb = candidates[b.element].0.start?.granularity.rank ?? -1
                return ga != gb ? ga > gb : a.offset < b.offset
            }.map(\.element)
            groups[key] = nil
            var local: [Cluster] = []
            for index in sorted {
                let (v, doc) = candidates[index]
                if let d = v.start {
                    let fits = local.indices.filter { local[$0].compatible(d, v.end) }
                    if let best = fits.min(by: { abs(local[$0].start!.dayRange.lowerBound - d.dayRange.lowerBound) < abs(local[$1].start!.dayRange.lowerBound - d.dayRange.lowerBound) }) {
                        local[best].add(v, index)
                    } else {
                        var c = Cluster(visitor: v.visitor, destination: v.destination)
                        c.add(v, index)
                        local.append(c)
                    }
                } else if let after = v.notBefore {
                    // "visited Vietnam later": the first known visit after that date.
                    let later = local.indices.filter { local[$0].start.map { $0 > after && !$0.isCompatible(with: after) } ?? false }
                    if let first = later.min(by: { local[$0].start! < local[$1].start! }) { local[first].add(v, index) }
                    else { var c = Cluster(visitor: v.visitor, destination: v.destination); c.add(v, index); local.append(c) }
                } else {
                    // Undated: the only known visit, else the latest one before the article.
                    let pub = documents[doc].date
                    let dated = local.indices.filter { local[$0].start != nil }
                    let before = dated.filter { pub == nil || local[$0].start! <= pub! }
                    if dated.count == 1 { local[dated[0]].add(v, index) }
                    else if let last = before.max(by: { local[$0].start! < local[$1].start! }) { local[last].add(v, index) }
                    else if let only = local.indices.first(where: { local[$0].start == nil }) { local[only].add(v, index) }
                    else { var c = Cluster(visitor: v.visitor, destination: v.destination); c.add(v, index); local.append(c) }
                }
            }
            clusters += local
        }
        order = []
        groups = [:]
        clusters.sort { a, b in
            switch (a.start, b.start) {
            case let (x?, y?): return x != y ? x < y : a.visitor < b.visitor
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.visitor < b.visitor
            }
        }
        return clusters.enumerated().map { id, c in
            let members = c.members.map { candidates[Int($0)] }
            var kindVotes: [VisitKind: Int] = [:]
            for (v, _) in members where v.kind != .unspecified { kindVotes[v.kind, default: 0] += 1 }
            let kind = kindVotes.max { a, b in a.value != b.value ? a.value < b.value : a.key.rawValue > b.key.rawValue }?.key ?? .unspecified
            let statuses = Set(members.map(\.0.status))
            let status: VisitStatus = statuses.contains(.occurred) ? .occurred : statuses.contains(.negated) ? .negated : .planned
            let visitor = entities[c.visitor]
            var level: Level?
            let when = c.start ?? members.compactMap { documents[$0.1].date }.first
            if let w = when { level = visitor.office(at: w)?.level }
            if level == nil || visitor.discovered { level = members.compactMap(\.0.titleLevel).min() ?? level }
            var mentions: [Mention] = []
            var seen = Set<Int>()
            for (v, doc) in members {
                for s in v.sentences where seen.insert(doc << 24 | s).inserted {
                    mentions.append(Mention(document: doc, sentence: s, textSlice: documents[doc].sentenceSlice(s)))
                }
            }
            mentions.sort { ($0.document, $0.sentence) < ($1.document, $1.sentence) }
            return Visit(id: id, visitor: c.visitor, visitorCountry: visitor.country ?? members.first?.0.visitorCountry,
                         destination: c.destination, city: members.compactMap(\.0.city).first,
                         start: c.start, end: c.end, kind: kind, level: level ?? .other, status: status, mentions: mentions)
        }
    }

    static func mergeEvents(_ candidates: [(EventCandidate, doc: Int)], documents: [Document]) -> [Event] {
        // Visits stay in `Corpus.visits` (an `Event` per visit is made on demand by `Corpus.timeline`).
        var events: [Event] = []
        events.reserveCapacity(candidates.count) // at most one event per candidate: no copy while growing
        var byKey: [String: Int] = [:]
        var seen = Set<Int>() // event << 40 | document << 20 | sentence
        for (c, doc) in candidates {
            let mention = Mention(document: doc, sentence: c.sentence, textSlice: documents[doc].sentenceSlice(c.sentence))
            var key = c.kind.rawValue + "|"
            switch c.kind {
            case .relationsEstablished: key += c.countries.sorted().joined(separator: ",")
            case .anniversary:
                key += "\(c.ordinal ?? 0)|" + Fold.folded(c.label?.split(separator: " ").prefix(4).joined() ?? "") + "|" + (c.start?.iso ?? "?")
            case .meeting, .messageExchange:
                key += c.participants.sorted().map(String.init).joined(separator: ",") + "|" + (c.start?.truncated(to: .month).iso ?? "?")
            case .visit: continue
            }
            if let i = byKey[key] {
                if seen.insert(i << 40 | doc << 20 | c.sentence).inserted { events[i].mentions.append(mention) }
                if c.status == .occurred { events[i].status = .occurred }
                if let s = c.start, events[i].start.map({ s.granularity > $0.granularity }) ?? true { events[i].start = s; events[i].end = c.end }
                continue
            }
            byKey[key] = events.count
            seen.insert(events.count << 40 | doc << 20 | c.sentence)
            events.append(Event(id: 0, kind: c.kind, participants: c.participants, countries: c.countries, city: c.city,
                                start: c.start, end: c.end, status: c.status, ordinal: c.ordinal, label: c.label, mentions: [mention]))
        }
        byKey = [:] // freed before sorting, when the events are all there
        seen = []
        events.sort { a, b in
            switch (a.start, b.start) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return (a.kind.rawValue, a.mentions.first?.document ?? 0) < (b.kind.rawValue, b.mentions.first?.document ?? 0)
            }
        }
        for i in events.indices { events[i].id = i }
        return events
    }
}
