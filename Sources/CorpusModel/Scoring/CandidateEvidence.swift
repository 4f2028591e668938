// What the rules knew when they made a visit candidate, kept only while its document is analysed: the
// scorer turns it into features (VisitFeatures.swift) and the candidate keeps one Float.

/// Where the rules found a visit candidate's parts, as token indexes of its document.
struct CandidateEvidence {
    /// How the candidate was made.
    enum Origin: UInt8 {
        /// A visit word, an arrival, a presence, an attendance or a host's welcome.
        case trigger
        /// A plural visit word followed by a list of persons and dates ("visits, including that of X in 2007").
        case list
        /// Talks or a summit held in a named city, a visit for the participants from elsewhere.
        case meeting
        /// Not recorded (a candidate built elsewhere).
        case unknown
        /// A person and a foreign place of one sentence that no rule joined, proposed for the scorer to judge
        /// (rule visit.proposed, ProposedVisits.swift).
        case proposed
    }

    /// A candidate's probability when no scorer is loaded: a report is as likely right as wrong, so a visit
    /// told by more reports is surer (the reports are combined as the scorer's are).
    static let defaultConfidence: Float = 0.5

    var origin = Origin.unknown
    /// The trigger's tokens ("paid an official visit": "visit"); for a meeting, the meeting word.
    var trigger: Range<Int>?
    /// The tokens of the time expression that dated the candidate, and whether it was relative ("on Monday").
    var time: Range<Int>?
    var timeRelative = false
    /// The visitor's phrase (title and name); empty when the visitor was found by a pronoun or a title alone.
    var visitorPhrase: Range<Int>?
    var visitorRole: MentionRole?
    /// For a proposed candidate: the place's tokens, the clause holding it, whether the sentence is a list item.
    var place: Range<Int>?
    var clause: Range<Int>?
    var listItem = false
    /// The rules exclude the place as a destination ("between X and Y", "the X embassy": not-destination phrases).
    var placeExcluded = false
    /// For a candidate proposed at the scene of an earlier sentence (rule visit.proposed-scene): what placed the
    /// scene, and how many sentences before this one it was last named or used.
    var scene: SceneSource?
    var sceneDistance = 0
    /// A time of the visitor's own clause lies days away from the scene's: he is told of at another time.
    var sceneTimeElsewhere = false
    /// For a candidate proposed for a carried subject (rule visit.proposed-subject): how the subject was found.
    var subject: SubjectSource?
    /// How many persons the candidate's sentence names (an attendance list names many).
    var personsInSentence = 0

    init() {}

    /// How the visitor of a candidate proposed for a carried subject was found (SubjectProposals.swift).
    enum SubjectSource: UInt8 {
        /// The person of a list's earlier items or of its lead.
        case listProtagonist
        /// The paragraph's most recent subject.
        case salient
        /// The visitor of the paragraph's last rule visit (a recalled trip, which salience passes over).
        case paragraphVisitor
    }

    /// What placed the scene of a candidate proposed at it (SceneProposals.swift).
    enum SceneSource: UInt8 {
        /// A gathering an earlier sentence placed ("the summit in Astana").
        case gathering
        /// The article's dateline ("SAMARKAND, Sept 16 -").
        case dateline
        /// A list item's heading ("November 2019 - Bangkok.").
        case itemHeading
        /// The destination of a visit the rules read in the paragraph's sentences just before.
        case previousVisit
    }

    /// A visit read from a trigger, or from a list of persons and dates when the reading has no trigger.
    init(reading: VisitReading) {
        origin = reading.trigger == nil ? .list : .trigger
        trigger = reading.trigger?.tokens
        time = reading.time?.tokens
        timeRelative = reading.time?.relative ?? false
        let person = reading.person
        visitorPhrase = person.phraseStart..<max(person.phraseStart, person.nameEnd)
        visitorRole = person.role
    }

    init(meeting: Range<Int>, time: TaggedTime?) {
        origin = .meeting
        trigger = meeting
        self.time = time?.tokens
        timeRelative = time?.relative ?? false
    }
}
