/// An error that came out of Lua, or that stopped a script: always with a message a user can act on.
public struct LuaError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// The chunk does not compile.
        case syntax
        /// The script raised an error (`error(...)`, a failed operation, an error from a host function).
        case runtime
        /// The state's memory cap was reached.
        case memoryLimit
        /// The wall-clock deadline passed.
        case timeLimit
        /// The user pressed Ctrl-C (or the host asked the script to stop).
        case interrupted
        /// A file could not be read.
        case file
        /// A value could not be converted between Lua and Swift.
        case conversion
    }

    public var kind: Kind
    /// The whole message as Lua gives it, position included: `plugins/x.lua:12: attempt to ...`.
    public var message: String
    /// The chunk the error points at (`plugins/x.lua`, `[string "..."]`), when the message names one.
    public var chunk: String?
    /// The line in that chunk, when the message names one.
    public var line: Int?
    /// Lua's `stack traceback:` text, when the error was raised while Lua ran.
    public var traceback: String?

    public init(kind: Kind, message: String, traceback: String? = nil) {
        self.kind = kind
        self.message = message
        self.traceback = traceback
        if let (chunk, line) = LuaError.position(in: message) {
            self.chunk = chunk
            self.line = line
        } else if LuaError.placelessRuntimeMessages.contains(where: message.hasPrefix),
                  let (chunk, line) = LuaError.innermostLuaFrame(in: traceback) {
            // Lua's own "C stack overflow" raised inside a C function (string.gsub) names no place:
            // the place is the innermost Lua frame of the traceback.
            self.message = "\(chunk):\(line): \(message)"
            self.chunk = chunk
            self.line = line
        }
    }

    /// Messages the Lua runtime raises without a place when a C function is running.
    static let placelessRuntimeMessages = ["C stack overflow", "stack overflow", "error in error handling"]

    /// The `chunk:line:` of the first traceback frame that is Lua code (not `[C]`).
    static func innermostLuaFrame(in traceback: String?) -> (String, Int)? {
        guard let traceback else { return nil }
        for frame in traceback.split(separator: "\n").dropFirst() {
            let text = String(frame.drop { $0 == "\t" || $0 == " " })
            if text.hasPrefix("[C]") || text.hasPrefix("(...") { continue }
            if let position = position(in: text) { return position }
        }
        return nil
    }

    /// The message without its `chunk:line: ` prefix.
    public var reason: String {
        guard let chunk, let line else { return message }
        let prefix = "\(chunk):\(line): "
        return message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : message
    }

    public var description: String {
        guard let traceback, !traceback.isEmpty else { return message }
        return message + "\n" + traceback
    }

    /// Finds `chunk:line: ` at the start of a Lua error message. Chunk names of string chunks look like
    /// `[string "code"]` and may themselves hold colons, so they are matched as a whole.
    static func position(in message: String) -> (String, Int)? {
        let firstLine = message.prefix { $0 != "\n" }
        var chunkEnd: Substring.Index
        if firstLine.hasPrefix("[string \"") {
            let characters = Array(firstLine)
            guard let close = (0..<max(characters.count - 2, 0)).first(where: {
                characters[$0] == "\"" && characters[$0 + 1] == "]" && characters[$0 + 2] == ":"
            }) else { return nil }
            chunkEnd = firstLine.index(firstLine.startIndex, offsetBy: close + 2)
        } else {
            var search = firstLine.startIndex
            while true {
                guard let colon = firstLine[search...].firstIndex(of: ":") else { return nil }
                let afterColon = firstLine.index(after: colon)
                let digits = firstLine[afterColon...].prefix { $0.isASCII && $0.isNumber }
                if !digits.isEmpty, firstLine[digits.endIndex...].hasPrefix(":") {
                    chunkEnd = colon
                    break
                }
                search = afterColon
            }
        }
        let chunk = String(firstLine[..<chunkEnd])
        let rest = firstLine[firstLine.index(after: chunkEnd)...]
        guard !chunk.isEmpty, let line = Int(rest.prefix { $0.isASCII && $0.isNumber }) else { return nil }
        return (chunk, line)
    }
}

/// Thrown by a Swift function called from Lua to raise a Lua error with a value other than a message
/// (a table, say). Any other Swift error becomes a string error with the caller's position.
public struct LuaRaise: Error, @unchecked Sendable {
    public let value: LuaValue
    public init(_ value: LuaValue) { self.value = value }
}
