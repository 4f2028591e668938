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
        func key(_ ref: EvidenceRef) -> (confidence: Double, start: PartialDate?) {
            switch ref {
            case .visit(let i): let v = shared.corpus.visits[i]; return (v.confidence, v.start)
            case .event(let i): let e = shared.events[i]; return (e.confidence, e.start)
            }
        }
        return refs.map { (ref: $0, key: key($0)) }.sorted { a, b in
            if a.key.confidence != b.key.confidence { return a.key.confidence > b.key.confidence }
            switch (a.key.start, b.key.start) {
            case let (x?, y?) where x != y: return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: break
            }
            if a.ref.isVisit != b.ref.isVisit { return a.ref.isVisit }
            return a.ref.index < b.ref.index
        }.map(\.ref)
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
