// "Did you mean" hints, from the plugin host's `Suggestion` (one place for the edit distance rules).

import CorpusModel
import PluginHost
import ScriptingAPI

enum BatchSuggestion {
    static func hint(for word: String, among candidates: [String]) -> String {
        Suggestion.hint(for: word, among: candidates)
    }
}
