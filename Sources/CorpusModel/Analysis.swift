// One document through stages 2-6: metadata, sentences, mentions, times and event candidates.
// A pure function of the text, the manifest entry and the gazetteer, so documents run in parallel.

struct DocumentAnalysis {
    var source: SourceText
    var title: String?
    var date: PartialDate?
    var dateSource: MetadataSource
    var place: String?
    var source_: String?
    var url: String?
    var language: Language
    /// The date of the event an archive text tells, when it gives one; relative and yearless dates are
    /// read from it instead of the publication date.
    var anchor: PartialDate?
    var anchorSource: AnchorSource?
    /// What was missing or odd (no date, no title, mixed languages, a language the rules do not read, only a
    /// table): one note for the document (`NoteCollector`).
    var notes: [DocumentNote] = []
    var sentences: [Sentence] = []
    /// Mentions with entity refs (>= 0 gazetteer, < 0 discovered -(k+1)).
    var mentions: [EntityMention] = []
    var times: [TimeExpression] = []
    var discovered: [DiscoveredPerson] = []
    var visits: [VisitCandidate] = []
    var events: [EventCandidate] = []
    /// The visit candidates' features, when a build keeps them for training (Scoring/).
    var features: [[Float]] = []
    /// For an analysis reused from the model cache: its texts in an earlier model file, copied from there when
    /// the document is assembled (`source.text` and `source.original` are then empty).
    var storedTexts: StoredTexts?
}

enum Analyzer {
    static func analyze(_ source: SourceText, manifest: ManifestEntry?, gazetteer: Gazetteer, acronyms: KeyTableSet,
                        scoring: ScoringOptions = ScoringOptions(),
                        languages: LanguageProfiles = LanguageProfiles.standard.profiles,
                        lexicon: Lexicon = .bundled) -> DocumentAnalysis {
        var text = source.text
        return text.withUTF8 { b in
            analyze(b, source: source, manifest: manifest, gazetteer: gazetteer, acronyms: acronyms, scoring: scoring, languages: languages,
                    lexicon: lexicon)
        }
    }

    static func analyze(_ b: UnsafeBufferPointer<UInt8>, source: SourceText, manifest: ManifestEntry?,
                        gazetteer: Gazetteer, acronyms: KeyTableSet, scoring: ScoringOptions = ScoringOptions(),
                        languages: LanguageProfiles = LanguageProfiles.standard.profiles,
                        lexicon: Lexicon = .bundled) -> DocumentAnalysis {
        var all: [Token] = []
        all.reserveCapacity(b.count / 5)
        Tokenizer.tokenize(b, from: 0, to: b.count, into: &all)
        lexicon.wordClasses.classify(&all) // one lookup per token for the sets the rules probe everywhere
        let meta = MetadataReader.read(b, tokens: all, text: source.text, languages: languages, lexicon: lexicon)
        var a = DocumentFacts.document(source: source, meta: meta, manifest: manifest)
        let titleEndByte = meta.titleTokens.map { Int(all[$0.upperBound - 1].end) }
        let tokens = bodyTokens(all, skipping: meta.skipped)
        all = []
        var sentenceTokens: [Range<Int>] = []
        var paragraphs: [Paragraph] = [] // derived again from the sentences when asked for
        Segmenter.split(b, tokens: tokens, abbreviations: lexicon.abbreviations, paragraphs: &paragraphs, sentences: &a.sentences, sentenceTokens: &sentenceTokens)
        paragraphs = []
        let inference = inferYear(b, tokens, sentenceTokens, titleEndByte: titleEndByte, meta: meta, gazetteer: gazetteer, acronyms: acronyms,
                                  lexicon: lexicon, into: &a)
        a.notes = DocumentFacts.notes(a, meta: meta, manifest: manifest, languages: languages, bytes: b, inference: inference)
        // Pass 1: mentions and times.
        // The date relative and yearless dates are read from: an archive text's anchor, else the publication date;
        // sentence by sentence, as `StoryTime` tells (an editor's introduction, a retrospective's future tense).
        let referenceDate = a.anchor ?? a.date
        let story = DocumentFacts.storyTime(a, meta: meta)
        var references: [(date: PartialDate?, anchored: Bool)] = []
        references.reserveCapacity(sentenceTokens.count)
        var finder = MentionFinder(gazetteer: gazetteer, bytes: b, tokens: tokens, language: a.language, date: referenceDate, acronyms: acronyms,
                                   lexicon: lexicon)
        var perSentence: [SentenceMentions] = []
        perSentence.reserveCapacity(sentenceTokens.count)
        var timesPerSentence: [[TaggedTime]] = []
        timesPerSentence.reserveCapacity(sentenceTokens.count)
        var lastYear: Int? // the year last written out, for "tháng 9 cùng năm", "in May that year"
        var monthTold: (date: PartialDate, sentence: Int, paragraph: Int)? // a month written with its year (rule date.month-told-before)
        var lastTimeSentence: Int? // the last sentence that told a time of any kind
        // A text that tells the past reads yearless dates and undated visits from the time it told last
        // (NarrativeTime.swift); "the next day" is read from that time in any text.
        let tellsThePast = NarrativeProfile.tellsThePast(b, tokens, publication: a.date, lexicon: lexicon)
        var told: (date: PartialDate, sentence: Int, paragraph: Int)?
        var storyContexts: [StoryContext] = []
        storyContexts.reserveCapacity(sentenceTokens.count)
        var heading = HeadingYear()
        for (si, r) in sentenceTokens.enumerated() {
            var future = false
            // "dự hội nghị" (attends a conference) tells no plan: its yearless dates are read as any others.
            for k in r where lexicon.wordClasses.has(.plannedCue, tokens[k]) && !lexicon.isAttendSyllable(tokens, at: k, end: r.upperBound) {
                future = true; break
            }
            // "is to fly to X on Friday", "are due to ...": a plan phrase said in the present is a plan too.
            if !future { future = r.contains { TimeTagger.presentPlanPhrase(tokens, at: $0, end: r.upperBound, lexicon: lexicon) } }
            var tt: [TaggedTime] = []
            let saidFromNow = r.contains { lexicon.wordClasses.has(.presentFuture, tokens[$0]) }
            let reference = r.isEmpty ? (date: referenceDate, anchored: false)
                : story.reference(sentenceStart: Int(tokens[r.lowerBound].start), future: saidFromNow)
            references.append(reference)
            // News copy reads "the next day", "three months later" from a time of its paragraph only (the sentence
            // before, or one further back with no time between; rule date.story-relative).
            let paragraph = a.sentences[si].paragraph
            let toldNearby = told.map { $0.sentence == si - 1 || $0.paragraph == paragraph } ?? false
            // Said from the publication date with no plan or present-future word: its past-tense clauses' yearless
            // dates are not after it (rule date.past-tense-year; an archive's story time is told forward).
            let toldInPast = !future && !saidFromNow && !reference.anchored && reference.date == a.date
                && r.contains { lexicon.pastTenseWords.contains(tokens[$0].lower) }
            let storyContext = StoryContext(lastTime: tellsThePast || toldNearby ? told?.date : nil,
                                            tellsThePast: tellsThePast, saidFromNow: saidFromNow, publication: a.date,
                                            toldInPast: toldInPast)
            storyContexts.append(storyContext)
            let monthBefore = monthTold.flatMap { $0.sentence == si - 1 && $0.paragraph == paragraph ? $0.date : nil }
            // Outside the headline, a present-tense verb of the trip may schedule a weekday (date.scheduled-present-ahead).
            let scheduledPresent = si > 0 && r.contains { tokens[$0].kind == .word && lexicon.presentTenseWords.contains(tokens[$0].lower) }
            TimeTagger.tag(b, tokens, r, anchor: reference.date, future: future, scheduledPresent: scheduledPresent, previousYear: lastYear,
                           monthToldBefore: a.language == .english && !storyContext.yearFromStory ? monthBefore : nil,
                           paragraphMonth: storyContext.yearFromStory ? nil : monthTold.flatMap {
                               // The paragraph's month with its year, when no time was told after it (rule date.paragraph-year).
                               $0.paragraph == paragraph && lastTimeSentence == $0.sentence ? $0.date : nil
                           },
                           story: storyContext, lexicon: lexicon, into: &tt)
            // "- January: Davos": a month heading a paragraph dates it like a list item's date (ListItems.swift).
            if si == 0 || a.sentences[si - 1].paragraph != paragraph,
               let head = ListItemReader.headMonth(b, tokens, r, anchor: reference.date, lexicon: lexicon, read: tt) { tt.insert(head, at: 0) }
            heading.read(b, tokens, r, paragraph: paragraph, times: &tt)
            if let explicit = tt.last(where: { !$0.relative }) { lastYear = explicit.start.year }
            monthTold = tt.last(where: { !$0.relative && !$0.yearless && $0.start.granularity >= .month })
                .map { (date: $0.start, sentence: si, paragraph: paragraph) } ?? monthTold
            if !tt.isEmpty { lastTimeSentence = si }
            if let last = tt.last(where: { ($0.rule != nil || !$0.relative || $0.yearFromSentence || TimeTagger.saysItsYear($0, tokens, monthOrDay: true))
                && !TimeTagger.boundsPeriod(tokens, at: $0.tokens.lowerBound, from: r.lowerBound, lexicon: lexicon) }) {
                told = (last.start, si, paragraph)
            }
            finder.sentenceTime = tt.first(where: { !$0.relative && !$0.yearless })?.start ?? told?.date
            let m = finder.find(sentence: si, range: r, reserved: tt.map(\.tokens))
            record(m, tt, sentence: si, tokens: tokens, gazetteer: gazetteer, into: &a)
            perSentence.append(m)
            timesPerSentence.append(tt)
        }
        a.discovered = finder.discovered
        for k in a.discovered.indices { a.discovered[k].gender = finder.textGenders[-k - 1] }
        // Pass 2: events, knowing the document's main pair of countries; none for a language the rules do not read.
        guard languages.profile(of: a.language)?.read ?? true else { return a }
        let pair = finder.mainPair()
        var events = eventFinder(b, tokens, a, date: referenceDate, finder: finder, gazetteer: gazetteer, scoring: scoring, lexicon: lexicon)
        events.datelineGathering = a.place.flatMap { GatheringPlace(dateline: $0, date: a.date, gazetteer: gazetteer) }
            ?? a.source_.flatMap { GatheringPlace(datelineTag: $0, gazetteer: gazetteer) }
        let entities = gazetteer.entities, discovered = finder.discovered
        let countryOf: (Int) -> String? = { ref in ref >= 0 ? entities.read(ref) { $0.country } : discovered[-ref - 1].country }
        let listItems = ListItemReader(b: b, tokens: tokens, sentenceTokens: sentenceTokens, paragraphOf: a.sentences.map(\.paragraph),
                                       times: timesPerSentence, mentions: perSentence, countryOf: countryOf, lexicon: lexicon).contexts()
        ListItemReader.applyYears(listItems, to: &timesPerSentence)
        for (si, r) in sentenceTokens.enumerated() {
            events.date = references[si].date
            events.publication = a.date
            events.storyAnchored = references[si].anchored
            events.story = storyContexts[si]
            events.paragraph = a.sentences[si].paragraph
            perSentence[si].readFormerRegions(on: timesPerSentence[si].first?.start ?? references[si].date, gazetteer: gazetteer)
            events.find(sentence: si, range: r, mentions: perSentence[si], times: timesPerSentence[si], mainPair: pair,
                        countryOf: countryOf, listItem: listItems[si])
        }
        events.addAccompanyingVisits()
        let uncovered = events.uncoveredProposals
        swap(&a.visits, &events.visits) // moved, not copied: the finder's visits are not read again
        a.visits.append(contentsOf: uncovered)
        FormerUnions.apply(&a.visits, gazetteer: gazetteer)
        a.events = events.events
        if scoring.scorer != nil || scoring.keepFeatures {
            let context = FeatureContext(tokens: tokens, sentences: sentenceTokens, mentions: perSentence, date: a.date,
                                         language: a.language, levelOf: events.levelOf, lexicon: lexicon, countryOf: countryOf)
            scoring.score(&a, context)
        }
        return a
    }

    /// Rule meta.year-inference, for a text dated only by a day and month (a yearless dateline or lead) with no
    /// other date nor archive anchor: the year its evidence leaves, set as the reference date when it is one.
    static func inferYear(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ sentences: [Range<Int>], titleEndByte: Int?,
                          meta: TextMetadata, gazetteer: Gazetteer, acronyms: KeyTableSet, lexicon: Lexicon,
                          into a: inout DocumentAnalysis) -> YearInferenceResult? {
        guard a.date == nil, a.anchor == nil, case .dayMonth(let month, let day)? = meta.datelineDay ?? meta.leadDay else { return nil }
        let lead = sentences.firstIndex { !$0.isEmpty && Int(tokens[$0.lowerBound].start) >= (titleEndByte ?? 0) }
        let result = YearInference.infer(b, tokens, sentences: sentences, lead: lead, month: month, day: day, gazetteer: gazetteer,
                                         acronyms: acronyms, language: a.language, lexicon: lexicon)
        if let year = result?.year, let date = PartialDate(year: year, month: month, day: day) {
            a.date = date
            a.dateSource = .inferred
        }
        return result
    }

    /// The tokens of the body: header and trailer tokens (date lines, source tags) dropped.
    static func bodyTokens(_ all: [Token], skipping skipped: [Range<Int>]) -> [Token] {
        if skipped.isEmpty { return all }
        var tokens: [Token] = []
        tokens.reserveCapacity(all.count)
        var skip = skipped.sorted { $0.lowerBound < $1.lowerBound }[...]
        for (i, t) in all.enumerated() {
            while let r = skip.first, r.upperBound <= i { skip = skip.dropFirst() }
            if let r = skip.first, r.contains(i) { continue }
            tokens.append(t)
        }
        return tokens
    }

    /// A sentence's times and mentions (persons, places, organisations) added to the document, as byte ranges.
    static func record(_ m: SentenceMentions, _ tt: [TaggedTime], sentence si: Int, tokens: [Token], gazetteer: Gazetteer,
                       into a: inout DocumentAnalysis) {
        func bytes(_ r: Range<Int>) -> Range<Int> { Int(tokens[r.lowerBound].start)..<Int(tokens[r.upperBound - 1].end) }
        for t in tt {
            a.times.append(TimeExpression(range: bytes(t.tokens), sentence: si, start: t.start, end: t.end, relative: t.relative))
        }
        for p in m.persons {
            a.mentions.append(EntityMention(entity: p.entity, sentence: si, range: bytes(p.nameStart..<max(p.nameStart + 1, p.nameEnd)),
                                            role: p.role))
        }
        for p in m.places {
            a.mentions.append(EntityMention(entity: p.city ?? gazetteer.index(ofID: p.country) ?? 0, sentence: si, range: bytes(p.tokens),
                                            role: p.demonym ? .demonym : .name))
        }
        for o in m.organisations {
            a.mentions.append(EntityMention(entity: o.entity, sentence: si, range: bytes(o.tokens), role: .name))
        }
    }

    /// The event finder of a document, with what it asks of persons: their level at the reference date, their gender.
    static func eventFinder(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ a: DocumentAnalysis, date: PartialDate?,
                            finder: MentionFinder, gazetteer: Gazetteer, scoring: ScoringOptions, lexicon: Lexicon) -> EventFinder {
        var events = EventFinder(b: b, tokens: tokens, language: a.language, date: date, lexicon: lexicon)
        events.proposes = scoring.proposes
        // The closures hold the entity array, not the whole gazetteer (copying that struct on every call
        // would retain all its tables, and two threads doing so contend on the same counters).
        let entities = gazetteer.entities, discovered = finder.discovered, textGenders = finder.textGenders
        events.levelOf = { ref in
            if ref < 0 { return discovered[-ref - 1].level }
            return date.flatMap { Entity.office(in: entities.read(ref) { $0.offices }, at: $0)?.level }
        }
        events.genderOf = { ref in (ref >= 0 ? entities.read(ref) { $0.gender } : nil) ?? textGenders[ref] }
        events.officesEnd = { ref in
            guard ref >= 0 else { return nil }
            let offices = entities.read(ref) { $0.offices }
            guard !offices.isEmpty else { return nil }
            var last: PartialDate?
            for o in offices {
                guard let e = o.end else { return nil }
                if last.map({ $0 < e }) ?? true { last = e }
            }
            return last
        }
        return events
    }
}

/// A timeline's heading year: it dates the yearless items of its paragraph (of the next one when it stands alone,
/// and of each next one after that opens with a yearless date: the rows of a table under "2023").
struct HeadingYear {
    private var year = 0, paragraph = -1, alone = false, seen = false

    /// Reads sentence `r` of `paragraph`: a heading year starts there; a sentence under one takes its year.
    mutating func read(_ b: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ r: Range<Int>, paragraph p: Int, times: inout [TaggedTime]) {
        if let y = TimeTagger.headingYear(b, tokens, r) ?? ListItemReader.headingLineYear(b, tokens, r, times: times) {
            (year, paragraph, alone, seen) = (y, p, true, true)
        } else if seen {
            let row = !alone && paragraph >= 0 && Self.opensWithYearlessDate(r, tokens, times)
            if (alone || row) && p == paragraph + 1 { (paragraph, alone) = (p, false) } else if alone { alone = false }
            if paragraph == p { TimeTagger.applyHeadingYear(year, to: &times) }
        }
    }

    /// Whether sentence `r` opens (after a bullet at most) with a date written without its year ("21-24 Aug ...";
    /// not "On 15 November the prime minister ...", prose after the timeline).
    static func opensWithYearlessDate(_ r: Range<Int>, _ tokens: [Token], _ times: [TaggedTime]) -> Bool {
        times.contains { t in
            t.yearless && (t.tokens.lowerBound == r.lowerBound || (t.tokens.lowerBound == r.lowerBound + 1 && tokens[r.lowerBound].kind == .punct))
        }
    }
}
