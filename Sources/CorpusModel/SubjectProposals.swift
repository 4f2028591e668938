// Candidate generation for recall with a carried subject (rule visit.proposed-subject): a sentence names foreign
// places but no one who may travel ("Then Ufa in Russia for the BRICS summit, followed by Turkmenistan and
// Kyrgyzstan.", "- 23-24 December 2015: Russia again, this time to Moscow."). The visitor is the person a list's
// lead or its earlier items are about, else the paragraph's most recent subject (Coreference.swift's salience),
// else the visitor of the paragraph's last rule visit.
// Each foreign place makes a proposal as a named person's would (`proposal`, ProposedVisits.swift), and the scorer
// keeps it or not.

extension EventFinder {
    /// The person a sentence without a traveller of its own is about: a list item's protagonist (the person of
    /// its list's earlier items, else of its lead), else the paragraph's most recent subject, else the visitor of
    /// the paragraph's last rule visit.
    func carriedSubject(_ c: SentenceContext) -> (entity: Int, source: CandidateEvidence.SubjectSource)? {
        if let item = c.listItem {
            if let last = lastListVisit, last.list == item.list { return (last.visitor, .listProtagonist) }
            if let person = item.person { return (person, .listProtagonist) }
        }
        if let subject = salience.recent(in: paragraph, excluding: []) { return (subject, .salient) }
        // Salience passes over a recalled trip ("In 1994 X visited A."); the paragraph's last visit still tells whom
        // it is about.
        guard let last = visits.last, (last.sentences.last ?? -1) >= paragraphFirstSentence else { return nil }
        return (last.visitor, .paragraphVisitor)
    }

    /// Proposes a candidate for the carried subject and each foreign place of a sentence in which no named person
    /// may travel; `places`, the sentence's named places; `seen`, the pairs the rules read in this sentence.
    mutating func proposeForCarriedSubject(_ c: SentenceContext, places: [PlaceRef], seen: inout VisitPairs) {
        guard !places.isEmpty, let (entity, source) = carriedSubject(c) else { return }
        let subject = PersonRef(entity: entity, phraseStart: c.start, nameStart: c.start, nameEnd: c.start, titleLevel: nil,
                                titleCountry: nil, historical: false, role: .name)
        guard mayTravel(subject), let own = c.country(of: subject) else { return }
        for place in places where place.country != own {
            guard seen.insert(VisitPair(visitor: entity, destination: place.country)).inserted else { continue }
            var candidate = proposal(subject, visitorCountry: own, place: place, told: nil, c)
            guard candidate.start != nil, !candidate.rules.contains(.datePublicationMonth),
                  !isDatedSince(place: place, time: candidate.evidence.time) else { continue }
            candidate.rules.insert(.visitProposedSubject)
            candidate.evidence.visitorPhrase = nil
            candidate.evidence.subject = source
            proposed.append(candidate)
        }
    }
}
