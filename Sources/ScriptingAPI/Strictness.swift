import CorpusModel
import LuaBridge

// The one place where the API refuses what it does not know: members of its objects and keys of its
// option tables, each with a "did you mean" hint.

enum Strictness {
    /// The message for a read of a member `type` lacks: `Visit has no field 'destinaton' (did you mean
    /// 'destination'?)`. The bridge raises it at the script's line.
    static func unknownMember(of type: String, members: [String]) -> LuaUnknownMemberMessage {
        { key in "\(type) has no field '\(key)'\(Suggestion.hint(for: key, among: members))" }
    }

    /// Refuses a key of the option table at `index` that is not in `known`: `what: unknown option
    /// 'stacekd' (did you mean 'stacked'?); options: ...`. Non-string keys are refused unless
    /// `allowArray` (a table that is also a list, such as a keyed row).
    static func checkKeys(of stack: LuaStack, at index: Int32, known: [String], what: String,
                          noun: String = "option", allowArray: Bool = false) throws {
        guard stack.type(at: index) == LuaType.table else { return }
        var unknown: String?
        stack.forEachPair(of: index) { key, _ in
            guard unknown == nil else { return }
            if let name = stack.string(at: key) {
                if !known.contains(name) { unknown = "'\(name)'\(Suggestion.hint(for: name, among: known))" }
            } else if !allowArray || stack.integer(at: key) == nil {
                unknown = "key \(stack.value(at: key).description)"
            }
        }
        if let unknown {
            throw LuaError(kind: .runtime, message: "\(what): unknown \(noun) \(unknown); \(noun)s: \(known.joined(separator: ", "))")
        }
    }
}
