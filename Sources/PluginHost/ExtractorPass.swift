// One extractor plugin over a document's sentences in few calls into Lua (docs/extractors.md, "Cost"). A small Lua
// driver, loaded in the plugin's state, asks the host for the next sentence and calls the plugin's `extract` on it
// under `pcall`, so a call into the state (which arms the time limit's watchdog) serves many sentences instead of one.
// The host ends a call once it has lasted `slice` seconds, and each call's time limit is the plugin's per-sentence
// limit plus that slice: every sentence still has at least its own limit. The host always knows which sentence is
// being read, so a failure (an error, the time or memory limit) still names its sentence and leaves the others alone.

import CorpusModel
import Dispatch
import LuaBridge
import ScriptingAPI

/// The driver: `run(extract, next)` reads sentences until `next()` gives none (true), or until one fails (false
/// and its error, as text).
enum ExtractorDriver {
    static let source = """
        local pcall, type, tostring = pcall, type, tostring
        return function(extract, next_sentence)
          while true do
            local sentence, candidates = next_sentence()
            if sentence == nil then return true end
            local ok, err = pcall(extract, sentence, candidates)
            if not ok then
              if type(err) ~= "string" then err = "(error object is a " .. type(err) .. " value)" end
              return false, err
            end
          end
        end
        """

    /// How long one call into the state reads sentences before it hands back (and the next call starts afresh).
    static let slice = 0.05
}

/// The state of one plugin's pass over a document: the sentences' candidates as the plugins before it left them,
/// the sentence being read, and what this plugin changed.
final class ExtractorPass {
    let document: ReviewedDocument
    let plugin: String
    /// Each sentence's candidates; a sentence the plugin changed gets its reviewed list.
    private(set) var candidates: [[ReviewedCandidate]]
    private(set) var changed = Set<Int>()
    /// The sentence `extract` is reading (nil between sentences), and its candidate list.
    private(set) var current: Int?
    private var currentList: ExtractorCandidateList?
    /// The next sentence to give.
    private(set) var next = 0
    private var views: [ExtractorSentence?]
    private var callEnds = DispatchTime.now()
    private var givenInCall = 0

    init(document: ReviewedDocument, plugin: String, candidates: [[ReviewedCandidate]], views: [ExtractorSentence?]) {
        self.document = document
        self.plugin = plugin
        self.candidates = candidates
        self.views = views
    }

    var isDone: Bool { next >= candidates.count }
    /// The sentence views made so far, for the next plugin.
    var sentenceViews: [ExtractorSentence?] { views }

    /// Starts a call into the state: it gives sentences for `slice` seconds.
    func beginCall() {
        callEnds = .now() + ExtractorDriver.slice
        givenInCall = 0
    }

    /// The driver's `next_sentence()`: records what the plugin did to the sentence it read, then gives the next
    /// sentence and its candidates, or nothing when the document is done or the call has lasted its slice.
    func advance() -> (ExtractorSentence, ExtractorCandidateList)? {
        finishCurrent()
        // Each call reads at least one sentence, so a busy machine still makes progress.
        guard !isDone, givenInCall == 0 || DispatchTime.now() < callEnds else { return nil }
        givenInCall += 1
        let index = next
        next += 1
        let view = views[index] ?? ExtractorSentence(index, of: document)
        views[index] = view
        let list = ExtractorCandidateList(candidates[index], document: document, sentence: index)
        current = index
        currentList = list
        return (view, list)
    }

    /// The sentence read last is done: its changes are kept.
    func finishCurrent() {
        if let index = current, let list = currentList, let reviewed = list.reviewed(by: plugin) {
            candidates[index] = reviewed
            changed.insert(index)
        }
        current = nil
        currentList = nil
    }

    /// After a call: when the driver read every sentence it was given, the last one is done too.
    func finishCurrentIfDone(_ done: Bool) {
        if done { finishCurrent() }
    }

    /// The sentence read last failed: it keeps its candidates without this plugin's changes. Returns its index.
    func failCurrent() -> Int? {
        defer { current = nil; currentList = nil }
        return current
    }
}

/// The pass a loaded plugin's `next_sentence` reads from: set for each call into its state.
final class ExtractorFeed {
    var pass: ExtractorPass?
}
