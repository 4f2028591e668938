import CorpusModel
import LuaBridge
import Reports

/// Turns what a plugin gives as evidence (a Visit or Event, an array of them, or a query) into the
/// report's evidence items: each visit or event with the sentences that report it and the names in them.
struct EvidenceReader {
    let context: APIContext
    /// The running call's arguments (its stack may be a coroutine's).
    let arguments: LuaArguments
    var stack: LuaStack { arguments.stack }

    /// The items given at `index` (a row's or a bar's evidence), or nil for nil: at most the builder's
    /// `evidenceLimit` of them, picked by `EvidenceRef.best` (the first of `ranked`), added to the report (each built once, and
    /// only when kept), with how many were given.
    func selection(at index: Int32, what: String) throws -> EvidenceSelection? {
        guard let given = try refs(at: index, what: what) else { return nil }
        var seen = EvidenceMarks()
        let distinct = given.filter { seen.insert($0) }
        let limit = context.report.builder.evidenceLimit
        var chosen = distinct
        if distinct.count > limit {
            var kept = EvidenceMarks()
            for ref in EvidenceRef.best(distinct, limit: limit, corpus: context.shared) { _ = kept.insert(ref) }
            chosen = distinct.filter { kept.contains($0) }
        }
        let ids = chosen.map { ref in
            let id = ref.id
            if !context.report.builder.hasEvidence(id) {
                context.report.builder.addEvidence([ref.isVisit ? visit(ref.index) : event(ref.index)])
            }
            return id
        }
        return EvidenceSelection(ids: ids, total: distinct.count)
    }

    /// The visits and events given at `index`, as given, or nil for nil.
    private func refs(at index: Int32, what: String) throws -> [EvidenceRef]? {
        let index = stack.absoluteIndex(index)
        switch stack.type(at: index) {
        case LuaType.nil, LuaType.none: return nil
        case LuaType.lightUserdata: return [try ref(ofHandleAt: index, what: what)]
        case LuaType.table:
            return try (0..<stack.rawLength(of: index)).map { position in
                stack.rawItem(position + 1, of: index)
                defer { stack.pop() }
                return try ref(ofHandleAt: -1, what: "\(what), item \(position + 1)")
            }
        default:
            if let query = try? arguments.object(index, as: QueryObject.self) {
                return query.items.map { query.source == .visits ? .visit($0) : .event($0) }
            }
            throw LuaError(kind: .runtime, message: "\(what) must be a Visit or Event, an array of them or a query, got \(stack.typeName(at: index))")
        }
    }

    private func ref(ofHandleAt index: Int32, what: String) throws -> EvidenceRef {
        guard let handle = stack.handle(at: index), handle.tag == Handle.visit || handle.tag == Handle.event else {
            throw LuaError(kind: .runtime, message: "\(what) must be a Visit or Event, got \(stack.typeName(at: index))")
        }
        return handle.tag == Handle.visit ? .visit(handle.index) : .event(handle.index)
    }

    func visit(_ index: Int) -> EvidenceItem {
        let corpus = context.shared.corpus
        let visit = corpus.visits[index]
        let destination = corpus.gazetteer.country(visit.destination)?.name ?? visit.destination
        let when = visit.start.map { ", \($0.iso)" } ?? ""
        let label = "\(corpus.entities[visit.visitor].name) → \(destination)\(when) (\(visit.kind.rawValue), \(visit.status.rawValue))"
        return EvidenceItem(id: "visit-\(index + 1)", label: label, sentences: sentences(visit.mentions))
    }

    func event(_ index: Int) -> EvidenceItem {
        let event = context.shared.events[index]
        let when = event.start.map { ", \($0.iso)" } ?? ""
        let label = "\(event.kind.rawValue.replacingOccurrences(of: "_", with: " ")) \(event.countries.joined(separator: "–"))\(when) (\(event.status.rawValue))"
        return EvidenceItem(id: "event-\(index + 1)", label: label, sentences: sentences(event.mentions))
    }

    private func sentences(_ mentions: [Mention]) -> [EvidenceSentence] {
        MentionEvidence.sentences(mentions, in: context.shared.corpus)
    }
}

/// The sentences that report a fact, as evidence.
public enum MentionEvidence {
    /// The sentences of `mentions`, each with the names the model found in it and the mention's own visitor,
    /// destination and date as spans of its text.
    public static func sentences(_ mentions: [Mention], in corpus: Corpus) -> [EvidenceSentence] {
        mentions.map { mention in
            let document = corpus.documents[mention.document]
            let range = document.sentences[mention.sentence].range
            let names = document.mentions.filter { $0.sentence == mention.sentence }.map(\.range)
            var seen = Set<Range<Int>>()
            let spans = (names + [mention.visitorSpan, mention.destinationSpan, mention.dateSpan].compactMap { $0 })
                .filter { seen.insert($0).inserted }
                .map { TextSpan(start: $0.lowerBound - range.lowerBound, end: $0.upperBound - range.lowerBound) }
            return EvidenceSentence(text: document.sentenceText(mention.sentence), source: document.title ?? document.name,
                                    url: document.url, highlights: spans)
        }
    }
}
