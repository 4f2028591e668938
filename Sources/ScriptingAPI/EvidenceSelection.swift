import CorpusModel

/// A visit or an event named as evidence, by its index in the model.
enum EvidenceRef: Hashable {
    case visit(Int)
    case event(Int)

    var isVisit: Bool { if case .visit = self { true } else { false } }
    var index: Int { switch self { case .visit(let i), .event(let i): i } }
    /// The report's id of the item: "visit-12", "event-40".
    var id: String { isVisit ? "visit-\(index + 1)" : "event-\(index + 1)" }

    /// `refs` best first, so that the first few stand for a figure: the most confident, then the
    /// earliest (undated last), then in model order. The order depends only on the model.
    static func ranked(_ refs: [EvidenceRef], corpus shared: SharedCorpus) -> [EvidenceRef] {
        refs.map { RankedRef($0, in: shared) }.sorted(by: RankedRef.precedes).map(\.ref)
    }

    /// The first `limit` of `ranked(refs)`, in that order, without sorting them all: a figure's evidence is a
    /// few of its thousands of visits. The order is total (the index breaks every tie), so this is the prefix.
    static func best(_ refs: [EvidenceRef], limit: Int, corpus shared: SharedCorpus) -> [EvidenceRef] {
        guard limit > 0 else { return [] }
        var top: [RankedRef] = []
        top.reserveCapacity(limit + 1)
        for ref in refs {
            let item = RankedRef(ref, in: shared)
            if top.count == limit {
                guard RankedRef.precedes(item, top[limit - 1]) else { continue }
                top.removeLast()
            }
            var lo = 0, hi = top.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if RankedRef.precedes(top[mid], item) { lo = mid + 1 } else { hi = mid }
            }
            top.insert(item, at: lo)
        }
        return top.map(\.ref)
    }
}

/// A reference with what ranks it: its confidence and its start.
private struct RankedRef {
    let ref: EvidenceRef
    let confidence: Double
    let start: PartialDate?

    init(_ ref: EvidenceRef, in shared: SharedCorpus) {
        self.ref = ref
        switch ref {
        case .visit(let i): (confidence, start) = (shared.corpus.visits[i].confidence, shared.corpus.visits[i].start)
        case .event(let i): let event = shared.events[i]; (confidence, start) = (event.confidence, event.start)
        }
    }

    /// The most confident first, then the earliest (undated last), visits before events, then in model order.
    static func precedes(_ a: RankedRef, _ b: RankedRef) -> Bool {
        if a.confidence != b.confidence { return a.confidence > b.confidence }
        switch (a.start, b.start) {
        case let (x?, y?) where x != y: return x < y
        case (_?, nil): return true
        case (nil, _?): return false
        default: break
        }
        if a.ref.isVisit != b.ref.isVisit { return a.ref.isVisit }
        return a.ref.index < b.ref.index
    }
}

/// Which visits and events a selection has seen, as bits by index (cheaper than a `Set` over thousands of
/// references).
struct EvidenceMarks {
    private var visits: [UInt64] = []
    private var events: [UInt64] = []

    /// Marks `ref`; true when it was not marked before.
    mutating func insert(_ ref: EvidenceRef) -> Bool {
        let (word, bit) = (ref.index >> 6, UInt64(1) << UInt64(ref.index & 63))
        if ref.isVisit { return Self.set(&visits, word, bit) }
        return Self.set(&events, word, bit)
    }

    func contains(_ ref: EvidenceRef) -> Bool {
        let (word, bit) = (ref.index >> 6, UInt64(1) << UInt64(ref.index & 63))
        let words = ref.isVisit ? visits : events
        return word < words.count && words[word] & bit != 0
    }

    private static func set(_ words: inout [UInt64], _ word: Int, _ bit: UInt64) -> Bool {
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: max(word + 1 - words.count, words.count))) }
        if words[word] & bit != 0 { return false }
        words[word] |= bit
        return true
    }
}

/// The evidence a row or a bar carries: the ids of the items kept and how many were given.
struct EvidenceSelection {
    var ids: [String]
    var total: Int
    var isCapped: Bool { total > ids.count }
}

extension Array where Element == EvidenceSelection {
    /// The kept ids, one list per row or bar.
    var ids: [[String]] { map(\.ids) }
    /// The totals, one per row or bar, when some row or bar is capped; nil when each names all of its items.
    var totalsWhenCapped: [Int]? { contains(where: \.isCapped) ? map(\.total) : nil }
}
