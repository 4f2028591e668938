// Which visits an analyst should check first (`dossier review`, docs/corrections.md "The review page"): the ones
// the model is unsure of, the ones only one article reports, the ones whose reports disagree on the date or the
// status, and the ones of persons the gazetteer does not know.

/// Why a visit is worth checking.
public enum ReviewReason: String, Sendable, CaseIterable {
    /// Its confidence is below the threshold.
    case lowConfidence = "low-confidence"
    /// Every report of it is in one article.
    case singleSource = "single-source"
    /// Two of its reports give dates that cannot both be right (neither contains the other).
    case conflictingDates = "conflicting-dates"
    /// Its reports state different statuses (one "arrived", another "will visit").
    case conflictingStatuses = "conflicting-statuses"
    /// The visitor was discovered in the text, not found in the gazetteer.
    case discoveredVisitor = "discovered-visitor"
}

/// A visit to check, with every reason it is listed.
public struct ReviewCandidate: Sendable, Equatable {
    /// Index into `Corpus.visits`.
    public var visit: Int
    /// In `ReviewReason.allCases` order; never empty.
    public var reasons: [ReviewReason]
}

/// Picks the visits worth checking.
public struct ReviewSelection: Sendable {
    /// Visits less sure than this are listed (0...1).
    public var minimumConfidence: Double

    public static let defaultMinimumConfidence = 0.6

    public init(minimumConfidence: Double = ReviewSelection.defaultMinimumConfidence) {
        self.minimumConfidence = minimumConfidence
    }

    /// The visits of `corpus` with at least one reason to check them, in model order; a visit an analyst accepted
    /// (an `accept` correction) is checked already.
    public func candidates(in corpus: Corpus) -> [ReviewCandidate] {
        corpus.visits.indices.compactMap { i in
            if corpus.corrections.visits[i]?.contains(where: \.isAcceptance) == true { return nil }
            let reasons = self.reasons(corpus.visits[i], entities: corpus.entities)
            return reasons.isEmpty ? nil : ReviewCandidate(visit: i, reasons: reasons)
        }
    }

    /// Every reason to check `visit`.
    public func reasons<Entities: RandomAccessCollection<Entity>>(_ visit: Visit, entities: Entities) -> [ReviewReason]
    where Entities.Index == Int {
        ReviewReason.allCases.filter { reason in
            switch reason {
            case .lowConfidence: visit.confidence < minimumConfidence
            case .singleSource: Set(visit.mentions.map(\.document)).count <= 1
            case .conflictingDates: Self.datesConflict(visit.mentions.compactMap(\.date))
            case .conflictingStatuses: Set(visit.mentions.compactMap(\.status)).count > 1
            case .discoveredVisitor: entities[visit.visitor].discovered
            }
        }
    }

    /// True when two of `dates` are incompatible ("2019-02-27" and "2019-03"; not "2019" and "2019-02-27").
    static func datesConflict(_ dates: [PartialDate]) -> Bool {
        let distinct = Array(Set(dates))
        for (i, a) in distinct.enumerated() {
            for b in distinct[(i + 1)...] where !a.isCompatible(with: b) { return true }
        }
        return false
    }
}
