import CLua
import CLuaSupport

/// Answers property reads on handles (see `LuaState.installHandles`).
public protocol LuaHandleProvider: AnyObject {
    /// Pushes property number `property` of item `index` of kind `tag`.
    func pushProperty(_ property: Int, ofItem index: Int, tag: Int, onto stack: LuaStack) throws
}

/// A kind of handle: light userdata naming item `index` of a collection the host owns. Handles cost
/// no allocation and no finalizer, so a script can walk a million of them; two handles to the same
/// item are `==`.
public struct LuaHandleKind {
    public let tag: Int
    public let name: String
    public let properties: [String]
    public let methods: [(name: String, body: LuaFunctionBody)]
    /// When set, reading a member the kind lacks is an error with this message (see `makeMembersStrict`).
    public let unknownMember: LuaUnknownMemberMessage?

    public init(tag: Int, name: String, properties: [String], methods: [(name: String, body: LuaFunctionBody)],
                unknownMember: LuaUnknownMemberMessage? = nil) {
        precondition((1...255).contains(tag), "handle tags are 1...255")
        self.tag = tag
        self.name = name
        self.properties = properties
        self.methods = methods
        self.unknownMember = unknownMember
    }
}

extension LuaState {
    static let handleCallbackInstalled: Bool = {
        dossier_install_handle_callback { L, provider, tag, index, property in
            guard let L, let provider else { return 0 }
            return Unmanaged<HandleProviderBox>.fromOpaque(provider)._withUnsafeGuaranteedRef { box in
                do {
                    try box.provider.pushProperty(Int(property), ofItem: Int(index), tag: Int(tag), onto: LuaStack(L))
                    return 1
                } catch {
                    return LuaState.pushError(error, L)
                }
            }
        }
        return true
    }()

    /// Makes the handle kinds known to the state. `metamethods` (`__tostring`, `__lt`, `__le`, ...) are
    /// shared by every kind: their bodies find the kind with `LuaStack.handle(at:)`.
    public func installHandles(_ kinds: [LuaHandleKind], provider: LuaHandleProvider,
                               metamethods: [(event: String, body: LuaFunctionBody)]) {
        _ = LuaState.handleCallbackInstalled
        for kind in kinds { handleNames[kind.tag] = kind.name }
        let stack = LuaStack(L)
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        _ = lua_checkstack(L, 10)
        stack.newTable(arrayCount: 256)
        for kind in kinds {
            stack.newTable(recordCount: kind.methods.count + kind.properties.count)
            for (id, name) in kind.properties.enumerated() {
                stack.push(id)
                stack.setField(name)
            }
            for method in kind.methods {
                pushFunction(method.body)
                stack.setField(method.name)
            }
            if let unknownMember = kind.unknownMember { makeMembersStrict(unknownMember) }
            lua_rawseti(L, -2, lua_Integer(kind.tag))
        }
        let box = Unmanaged.passRetained(HandleProviderBox(provider))
        dossier_new_handle_metatable(L, -1, box.toOpaque())
        for metamethod in metamethods {
            pushFunction(metamethod.body)
            stack.setField(metamethod.event)
        }
    }
}

extension LuaStack {
    @inlinable public func push(handle tag: Int, _ index: Int) {
        dossier_push_handle(L, Int32(tag), Int64(index))
    }

    /// The tag and item index of the handle at `index`, or nil when the value is not a handle.
    @inlinable public func handle(at index: Int32) -> (tag: Int, index: Int)? {
        var tag: Int32 = 0
        var item: Int64 = 0
        guard dossier_to_handle(L, index, &tag, &item) != 0 else { return nil }
        return (Int(tag), Int(item))
    }
}

/// Holds the provider with its concrete box type, so the property callback needs no dynamic cast.
final class HandleProviderBox {
    let provider: LuaHandleProvider
    init(_ provider: LuaHandleProvider) { self.provider = provider }
}

extension LuaState {
    /// Publishes integer values (`Int64.min` for nil) of property number `property` of handle kind
    /// `tag`, so reading it costs no call into Swift. `values` must outlive the state.
    public func setHandleColumn(tag: Int, property: Int, values: UnsafePointer<Int64>, count: Int) {
        dossier_set_handle_column(L, Int32(tag), Int32(property), values, count)
    }
}
