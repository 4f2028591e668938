// The model's entities: the gazetteer's, in its order, then the corpus's own (persons discovered in the text, persons a
// correction made). The gazetteer's part is the gazetteer's own, shared rather than copied: a model loaded from the
// cache copied its ten thousand entities (each string retained, later released) on every start; it now shares them
// still encoded, each decoded when first read (`GazetteerEntities`).

/// The entities of a `Corpus`, indexed from 0 as one array: the gazetteer's first, then the corpus's own.
public struct EntityTable: RandomAccessCollection, Sendable {
    /// The gazetteer's entities (its storage, shared).
    private let shared: GazetteerEntities
    /// The entities after them.
    private let own: [Entity]

    /// The gazetteer's entities, then `own`.
    public init(gazetteer: GazetteerEntities, own: [Entity]) {
        shared = gazetteer
        self.own = own
    }

    /// The gazetteer's entities given as an array, then `own`.
    public init(gazetteer: [Entity], own: [Entity]) {
        self.init(gazetteer: GazetteerEntities(gazetteer), own: own)
    }

    /// One array of entities.
    public init(_ entities: [Entity]) {
        self.init(gazetteer: GazetteerEntities(), own: entities)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { shared.count + own.count }

    public subscript(index: Int) -> Entity {
        index < shared.count ? shared[index] : own[index - shared.count]
    }
}

extension EntityTable: ExpressibleByArrayLiteral {
    public init(arrayLiteral entities: Entity...) { self.init(entities) }
}

/// Shown, dumped and compared as the array of its entities, however it is split.
extension EntityTable: CustomReflectable, Equatable {
    public var customMirror: Mirror { Mirror(self, unlabeledChildren: Array(self), displayStyle: .collection) }

    public static func == (a: EntityTable, b: EntityTable) -> Bool { a.elementsEqual(b) }
}
