extension FieldStore {
    /// The node's operators by name as listings show them: each operator kept, with the ids merged into it, exactly
    /// as the server lists them once both have synced.
    public func operatorListing() throws -> [ListedOperator] {
        let rows = try database.query("SELECT record, canonical_id FROM operators ORDER BY name, id")
        return ListedOperator.fold(try rows.map {
            (try JSONValue.parse(try $0.text("record")).decode(Operator.self), try $0.optionalText("canonical_id"))
        })
    }
}
