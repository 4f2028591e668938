// Ids derived from what a fact says, not from where it sits in the model, so that they survive articles being
// added or removed and corrections can name them (docs/corrections.md, "Stable ids").
//
//   visit     v-<visitor id>-<DESTINATION>-<start date | undated>-<hash6>   v-to-lam-PRK-2025-10-09-3fa2c1
//   event     e-<kind>-<start date | undated>-<hash6>                         e-meeting-2019-02-27-0b41d9
//   document  <file name>@<hash8 of its text>                                  kcna-2019-02-26.txt@5e0c7a12
//
// hash6 is six hex digits of a checksum over the fact's content (visitor, destination, dates, status; for events
// kind, participants, countries, dates, status, ordinal, label). Two facts with the same content are told apart
// by their earliest report (document name, content hash, sentence); should even that be shared, "-2", "-3" follow
// in model order.
import Foundation

public enum StableID {
    /// The id of every visit of `visits`, in order.
    public static func visits<Entities: RandomAccessCollection<Entity>>(_ visits: [Visit], entities: Entities, documents: [Document]) -> [String]
    where Entities.Index == Int {
        let readable = visits.map { v in
            "v-\(entities[v.visitor].id)-\(v.destination)-\(v.start?.iso ?? "undated")"
        }
        let content = visits.map { v in
            [entities[v.visitor].id, v.destination, v.start?.iso ?? "", v.end?.iso ?? "", v.status.rawValue]
        }
        return disambiguated(readable: readable, content: content, mentions: visits.map(\.mentions), documents: documents)
    }

    /// The id of every event of `events` (other than visits), in order.
    public static func events<Entities: RandomAccessCollection<Entity>>(_ events: [Event], entities: Entities, documents: [Document]) -> [String]
    where Entities.Index == Int {
        let readable = events.map { e in "e-\(e.kind.rawValue)-\(e.start?.iso ?? "undated")" }
        let content = events.map { e in
            [e.kind.rawValue, e.participants.map { entities[$0].id }.joined(separator: ","), e.countries.joined(separator: ","),
             e.start?.iso ?? "", e.end?.iso ?? "", e.status.rawValue, e.ordinal.map(String.init) ?? "", e.label ?? ""]
        }
        return disambiguated(readable: readable, content: content, mentions: events.map(\.mentions), documents: documents)
    }

    /// A document's id: its file name and the first eight hex digits of its text's hash.
    public static func document(_ d: Document) -> String {
        "\(d.name)@\(String(String(d.contentHash, radix: 16)).leftPadded(to: 16).prefix(8))"
    }

    /// `readable-hash6`, the hash over `content`; ids still shared are hashed again with their earliest report.
    static func disambiguated(readable: [String], content: [[String]], mentions: [[Mention]], documents: [Document]) -> [String] {
        var ids = zip(readable, content).map { "\($0)-\(hash6($1))" }
        var byID: [String: [Int]] = [:]
        for (i, id) in ids.enumerated() { byID[id, default: []].append(i) }
        for (_, shared) in byID where shared.count > 1 {
            for i in shared { ids[i] = "\(readable[i])-\(hash6(content[i] + [earliestReport(mentions[i], documents)]))" }
        }
        var seen: [String: Int] = [:]
        for i in ids.indices {
            let n = seen[ids[i], default: 0] + 1
            seen[ids[i]] = n
            if n > 1 { ids[i] += "-\(n)" }
        }
        return ids
    }

    /// The report that sorts first by document name, then sentence, as "name hash sentence".
    static func earliestReport(_ mentions: [Mention], _ documents: [Document]) -> String {
        let reports = mentions.map { m in (documents[m.document].name, documents[m.document].contentHash, m.sentence) }
        guard let first = reports.min(by: { ($0.0, $0.2) < ($1.0, $1.2) }) else { return "" }
        return "\(first.0) \(String(first.1, radix: 16)) \(first.2)"
    }

    /// Six hex digits of a checksum over the fields (each ended by a NUL).
    static func hash6(_ fields: [String]) -> String {
        var sum = Checksum()
        for field in fields { sum.add(Array((field + "\u{0}").utf8)) }
        return String(String(sum.value, radix: 16).leftPadded(to: 16).prefix(6))
    }
}

/// A corpus's stable ids, given or derived once on first use (thread-safely: a corpus is shared across threads).
final class StableIDStore: @unchecked Sendable {
    private let lock = NSLock()
    private var visitIDs: [String]?
    private var eventIDs: [String]?

    init(visits: [String]?, events: [String]?) {
        visitIDs = visits
        eventIDs = events
    }

    func visits(_ corpus: Corpus) -> [String] {
        ids(\.visitIDs) { StableID.visits(corpus.visits, entities: corpus.entities, documents: corpus.documents) }
    }

    func events(_ corpus: Corpus) -> [String] {
        ids(\.eventIDs) { StableID.events(corpus.events, entities: corpus.entities, documents: corpus.documents) }
    }

    /// The ids in `slot`, derived by `derive` on first use, under the lock.
    private func ids(_ slot: ReferenceWritableKeyPath<StableIDStore, [String]?>, _ derive: () -> [String]) -> [String] {
        lock.lock()
        defer { lock.unlock() }
        if let ids = self[keyPath: slot] { return ids }
        let ids = derive()
        self[keyPath: slot] = ids
        return ids
    }
}

extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
