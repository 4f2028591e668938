import CorpusModel
import LuaBridge

/// Everything the Lua API declares, in the order the reference presents it. Registration, the stubs,
/// the reference and the lint configuration are all made from these lists.
public enum APICatalog {
    public static let modules: [APIModule] = [Modules.corpus, Modules.report, Modules.dates, Modules.dossier]
    public static let classes: [any APIClassDescription] = [
        QueryObject.declaration, Classes.visit, Classes.event, Classes.entity, Classes.document, Classes.date,
    ]
    /// Table shapes (not userdata) documented alongside the classes.
    static var shapes: [(name: String, doc: String, fields: [APIParameter])] { Classes.shapes }
}

enum APIRegistry {
    static func install(into environment: LuaTable, state: LuaState, corpus: SharedCorpus,
                        report: ReportCollector) throws(LuaError) {
        let context = APIContext(state: state, shared: corpus, report: report)
        state.hostContext = context
        for description in APICatalog.classes { description.register(in: context) }
        for module in APICatalog.modules {
            let table = try state.makeTable()
            for field in module.fields {
                do {
                    try table.set(field.name, field.value(context))
                } catch {
                    throw LuaError(kind: .runtime, message: "cannot set \(module.name).\(field.name): \(error)")
                }
            }
            for function in module.functions {
                let body = function.body
                // The functions hold the context; the context does not hold the state.
                try table.set(function.name, state.function { arguments in
                    try body(context, arguments)
                })
            }
            try environment.set(module.name, LuaValue.table(table))
        }
    }

    static func value(date: PartialDate, in state: LuaState) throws(LuaError) -> LuaValue {
        try state.value(object: DateObject(date))
    }

    static func value(entity index: Int, in state: LuaState) throws(LuaError) -> LuaValue {
        guard let context = state.hostContext as? APIContext else {
            throw LuaError(kind: .runtime, message: "the Dossier API is not installed in this state")
        }
        return try value(entity: index, corpus: context.shared, in: state)
    }

    static func value(entity index: Int, corpus: SharedCorpus, in state: LuaState) throws(LuaError) -> LuaValue {
        guard index >= 0, index < corpus.corpus.entities.count else { return .nil }
        return try state.value(object: EntityObject(corpus, index))
    }
}
