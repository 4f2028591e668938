import CorpusModel
import LuaBridge

/// Everything the Lua API declares, in the order the reference presents it. Registration, the stubs,
/// the reference and the lint configuration are all made from these lists.
public enum APICatalog {
    public static let modules: [APIModule] = [Modules.corpus, Modules.report, Modules.dates, Modules.dossier]
    public static let classes: [any APIClassDescription] = [QueryObject.declaration] + handleClasses
        + [ExtractorAPI.sentence, ExtractorAPI.candidate, ExtractorAPI.candidates]
    /// The model's items, seen as handles.
    public static let handleClasses: [APIHandleClass] = [Classes.visit, Classes.event, Classes.entity, Classes.document, Classes.date]
    /// Table shapes (not userdata) documented alongside the classes.
    static var shapes: [(name: String, doc: String, fields: [APIParameter])] { Classes.shapes + ExtractorAPI.shapes }
}

enum APIRegistry {
    static func install(into environment: LuaTable, state: LuaState, corpus: SharedCorpus,
                        report: ReportCollector) throws(LuaError) {
        let context = APIContext(state: state, shared: corpus, report: report)
        state.hostContext = context
        for description in APICatalog.classes { description.register(in: context) }
        state.installHandles(APICatalog.handleClasses.map { $0.kind(in: context) }, provider: context,
                             metamethods: HandleOperators.metamethods(context))
        // The hottest fields are read in C from columns the shared corpus keeps.
        for (name, column) in [("year", corpus.visitYears), ("decade", corpus.visitDecades)] {
            if let property = Classes.visit.propertyDocs.firstIndex(where: { $0.name == name }), let base = column.baseAddress {
                state.setHandleColumn(tag: Handle.visit, property: property, values: base, count: corpus.corpus.visits.count)
            }
        }
        for module in APICatalog.modules {
            let table = try state.makeTable()
            for field in module.fields {
                do {
                    try table.set(field.name, field.value(context))
                } catch {
                    throw LuaError(kind: .runtime, message: "cannot set \(module.name).\(field.name): \(error)")
                }
            }
            let identity = table.identity
            for function in module.functions {
                let body = function.body
                let name = "\(module.name).\(function.name)"
                // The functions hold the context; the context does not hold the state.
                try table.set(function.name, state.function { arguments in
                    if arguments.count >= 1, arguments.stack.identity(at: 1) == identity {
                        throw LuaError(kind: .runtime, message: "\(name) is a function, not a method: call it with '.' (\(name){...} or \(name)(...)), not ':'")
                    }
                    return try body(context, arguments)
                })
            }
            try environment.set(module.name, LuaValue.table(table))
        }
        try SandboxGuide.install(into: environment, state: state)
    }

    static func value(date: PartialDate, in state: LuaState) throws(LuaError) -> LuaValue {
        state.value(LuaHandleValue(tag: Handle.date, index: Handle.index(of: date)))
    }

    static func value(entity index: Int, in state: LuaState) throws(LuaError) -> LuaValue {
        guard let context = state.hostContext as? APIContext else {
            throw LuaError(kind: .runtime, message: "the Dossier API is not installed in this state")
        }
        return try value(entity: index, corpus: context.shared, in: state)
    }

    static func value(entity index: Int, corpus: SharedCorpus, in state: LuaState) throws(LuaError) -> LuaValue {
        guard index >= 0, index < corpus.corpus.entities.count else { return .nil }
        return state.value(LuaHandleValue(tag: Handle.entity, index: index))
    }
}

/// A handle as a value to push.
struct LuaHandleValue: LuaPushable {
    let tag: Int
    let index: Int
    func push(onto stack: LuaStack) { stack.push(handle: tag, index) }
}

/// The metamethods every handle shares: they find the class by the handle's tag.
enum HandleOperators {
    static func metamethods(_ context: APIContext) -> [(event: String, body: LuaFunctionBody)] {
        func kind(_ arguments: LuaArguments, _ position: Int32) -> (APIHandleClass, Int)? {
            guard let handle = arguments.stack.handle(at: position), let kind = APIHandleClass.byTag[handle.tag] else { return nil }
            return (kind, handle.index)
        }
        func compare(_ arguments: LuaArguments, orEqual: Bool) throws -> Int32 {
            guard let (left, a) = kind(arguments, 1), let (right, b) = kind(arguments, 2), left === right,
                  let less = left.order else {
                throw LuaError(kind: .runtime, message: "attempt to compare \(arguments.stack.typeName(at: 1)) with \(arguments.stack.typeName(at: 2))")
            }
            arguments.push(orEqual ? (a == b || less(context, a, b)) : less(context, a, b))
            return 1
        }
        return [
            ("__tostring", { arguments in
                guard let (kind, index) = kind(arguments, 1) else { arguments.push("object"); return 1 }
                arguments.push(kind.describe?(context, index) ?? "\(kind.name)(\(index + 1))")
                return 1
            }),
            ("__lt", { try compare($0, orEqual: false) }),
            ("__le", { try compare($0, orEqual: true) }),
        ]
    }
}
