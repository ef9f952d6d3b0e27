/// The master data a series of checks names, each distinct reference looked up once: the rows of an import name the
/// same few products, operators and origins again and again. Valid while the master data does not change (within
/// one import's transaction).
struct MasterDataLookups {
    private var products: [String: Product] = [:]
    private var operators: [String: Operator] = [:]
    private var regions: [String: Region] = [:]

    /// `FieldStore.product(_:)`, once per reference.
    mutating func product(_ reference: String, in store: FieldStore) throws -> Product {
        if let known = products[reference] { return known }
        let found = try store.product(reference)
        products[reference] = found
        return found
    }

    /// `FieldStore.operator(_:)`, once per reference.
    mutating func `operator`(_ reference: String, in store: FieldStore) throws -> Operator {
        if let known = operators[reference] { return known }
        let found = try store.operator(reference)
        operators[reference] = found
        return found
    }

    /// `FieldStore.region(_:)`, once per reference.
    mutating func region(_ reference: String, in store: FieldStore) throws -> Region {
        if let known = regions[reference] { return known }
        let found = try store.region(reference)
        regions[reference] = found
        return found
    }
}
