// Runs a `CandidateReviewer` over one analysed document and puts its changes into the document's visit
// candidates: vetoed ones dropped, changed ones updated, added ones appended to their sentence; every candidate a
// reviewer touched carries `plugin:<name>` among its rules.

enum CandidateReviewing {
    /// Reviews `a`'s candidates (a document in a language the rules read); returns the reviewer's diagnostics.
    static func review(_ a: inout DocumentAnalysis, path: String, name: String, gazetteer: Gazetteer,
                       reviewer: any CandidateReviewer) -> [Diagnostic] {
        guard !a.sentences.isEmpty else { return [] }
        let document = ReviewedDocument(a, path: path, name: name, gazetteer: gazetteer)
        let review = reviewer.review(document)
        guard !review.changed.isEmpty else { return review.diagnostics }
        var bySentence = [[VisitCandidate]](repeating: [], count: a.sentences.count)
        var unplaced: [VisitCandidate] = []
        for v in a.visits {
            if let s = v.sentences.first, s < bySentence.count { bySentence[s].append(v) } else { unplaced.append(v) }
        }
        for (s, reviewed) in review.changed where s < bySentence.count {
            bySentence[s] = reviewed.map { candidate(from: $0, sentence: s, originals: a.visits) }
        }
        a.visits = bySentence.flatMap { $0 } + unplaced
        // Features kept for training follow the candidates one to one; a review breaks that, so they go.
        if !a.features.isEmpty && a.features.count != a.visits.count { a.features = [] }
        return review.diagnostics
    }

    /// The model's candidate for a reviewed one: its original with the reviewed fields, or a new one.
    static func candidate(from r: ReviewedCandidate, sentence: Int, originals: [VisitCandidate]) -> VisitCandidate {
        guard let i = r.original, i < originals.count else {
            var v = VisitCandidate(visitor: r.visitor.reference, visitorCountry: r.visitor.country, destination: r.destination,
                                   city: nil, start: r.start, end: r.end, notBefore: nil, kind: r.kind, status: r.status,
                                   titleLevel: nil, mentions: [], confidence: r.confidence)
            for plugin in r.changedBy { v.rules.insert(plugin: plugin) }
            v.mentions = [Mention(document: 0, sentence: sentence, status: r.status, date: r.start, ruleSet: v.rules)]
            return v
        }
        var v = originals[i]
        guard !r.changedBy.isEmpty else { return v }
        let visitorChanged = v.visitor != r.visitor.reference
        if visitorChanged {
            v.visitor = r.visitor.reference
            v.visitorCountry = r.visitor.country
            v.titleLevel = nil
        }
        v.destination = r.destination
        v.start = r.start
        v.end = r.end
        v.kind = r.kind
        v.status = r.status
        v.confidence = r.confidence
        for plugin in r.changedBy { v.rules.insert(plugin: plugin) }
        // Its report in this sentence says what the plugin read.
        v.mentions = v.mentions.map { m in
            guard m.sentence == sentence else { return m }
            return Mention(document: m.document, sentence: m.sentence, status: v.status, date: v.start, ruleSet: v.rules,
                           visitorSpan: visitorChanged ? nil : m.visitorSpan, destinationSpan: m.destinationSpan,
                           dateSpan: m.dateSpan)
        }
        return v
    }
}
