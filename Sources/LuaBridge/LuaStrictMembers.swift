import CLua
import CLuaSupport

/// Builds the message for a read of a member a class or handle kind does not have, given the key as
/// text (`"Visit has no field 'destinaton' (did you mean 'destination'?)"`). The host writes it once;
/// the bridge raises it, with the reader's position, for every class and handle kind that has one.
public typealias LuaUnknownMemberMessage = (_ key: String) -> String

extension LuaState {
    /// Makes the members table on top of the stack strict: a read of a key it lacks calls `message` and
    /// raises the result as an error at the script's line. The C `__index` functions read members with
    /// `lua_gettable`, so a known member costs what it did; only a miss reaches this.
    func makeMembersStrict(_ message: @escaping LuaUnknownMemberMessage) {
        let stack = LuaStack(L)
        stack.newTable(recordCount: 1)
        pushFunction { arguments in
            let key = arguments.stack.string(at: 2) ?? arguments.stack.value(at: 2).description
            throw LuaRaise(.string(arguments.stack.scriptPosition() + message(key)))
        }
        stack.setField("__index")
        lua_setmetatable(L, -2)
    }
}

extension LuaStack {
    /// `"chunk:line: "` of the innermost Lua function running (C frames such as `__index` skipped), or
    /// nothing when no Lua function is running.
    public func scriptPosition() -> String {
        var record = lua_Debug()
        var level: Int32 = 0
        while lua_getstack(L, level, &record) != 0 {
            _ = lua_getinfo(L, "Sl", &record)
            if record.currentline > 0 {
                let source = withUnsafeBytes(of: record.short_src) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                return "\(source):\(record.currentline): "
            }
            level += 1
        }
        return ""
    }

    /// The error for a method called with `.` instead of `:` (its first argument is not the object):
    /// Lua's "bad argument #1" message, and the fix.
    public func methodCalledWithDot(_ className: String, _ method: String, arguments: LuaArguments) -> LuaError {
        let problem = arguments.badArgument(1, "\(className) expected, got \(typeName(at: 1))").message
        return LuaError(kind: .runtime, message: "\(problem): \(method) is a method of \(className): call it with ':' (object:\(method)(...)), not '.'")
    }
}
